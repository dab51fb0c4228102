package io.solbot.persistence.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Side;
import io.solbot.core.engine.SimulatedClock;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.testing.Markets;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.journal.LockfileJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL that stops in the middle of a run and starts again: no fill is lost (the lockfile holds it), the
 * bot opens no position meanwhile but may sell, and everything is stored once the database is back.
 */
class DatabaseOutageIT {
    @TempDir
    Path dir;

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void shouldKeepFillsInTheLockfileWhilePostgresIsDownRefuseBuysAndCatchUpWhenItIsBack() throws IOException {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        BotId bot = BotId.of("outage-bot");
        CommandBot.Script script = new CommandBot.Script(bot.value());
        SimulatedClock clock = SimulatedClock.startingAt(Markets.T0, Duration.ofMillis(10), Duration.ofSeconds(30));
        LockfileJournal journal = new LockfileJournal(dir.resolve("lockfiles"));
        try (PostgresDatabase database = PostgresDatabase.open(url, null, null, 4);
                PostgresFillStore trades = new PostgresFillStore(database);
                SolbotEngine engine = SolbotEngine.builder()
                        .strategyProvider(new CommandBot.Provider())
                        .clock(clock)
                        .marketData(Markets.onePool())
                        .swapExecutor(PaperExecutor.builder(
                                        PaperSettings.defaults(3).withExecModel(ExecModel.IDEAL), Markets.onePool())
                                .build())
                        .runStatusStore(new PostgresRunStatusStore(database, "1@test", id -> "{}"))
                        .fillStore(trades)
                        .journal(journal)
                        .spreadFirstTicks(false)
                        .storeRetryInterval(Duration.ofMillis(50))
                        .build()) {
            engine.start(CommandBot.spec(script));
            script.commands().add("buy");
            clock.advance(Duration.ofSeconds(2));
            assertThat(trades.fills(bot)).hasSize(1);

            postgres.close();
            script.commands().addAll(List.of("buy", "buy", "sell"));
            clock.advance(Duration.ofSeconds(4));

            assertThat(script.results()).hasSize(4);
            assertThat(script.results().get(1)).isInstanceOf(OrderResult.Submitted.class);
            assertThat(script.results().get(2))
                    .isInstanceOfSatisfying(
                            OrderResult.Refused.class,
                            r -> assertThat(r.reason()).contains("the database is unreachable"));
            assertThat(script.results().get(3)).isInstanceOf(OrderResult.Submitted.class);
            JournalEntry entry = journal.load(bot).orElseThrow();
            assertThat(entry.unstoredFills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
            assertThat(entry.pendingIntents()).isEmpty();
            assertThat(engine.status(bot).openPositions()).isZero();

            postgres = startPostgres(port);
            await(
                    "the kept fills are stored",
                    () -> journal.load(bot).orElseThrow().unstoredFills().isEmpty());

            List<Fill> stored = trades.fills(bot);
            assertThat(stored).hasSize(3).extracting(Fill::orderId).doesNotHaveDuplicates();
            assertThat(trades.ledger().openPositions(bot)).isEmpty();
            assertThat(trades.ledger().closedTrades(bot)).isNotEmpty();
            script.commands().add("buy");
            clock.advance(Duration.ofSeconds(2));
            assertThat(script.results().getLast()).isInstanceOf(OrderResult.Submitted.class);
            assertThat(trades.fills(bot)).hasSize(4);
        } finally {
            postgres.close();
        }
    }
}
