package io.solbot.persistence.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.SimulatedClock;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.testing.Fills;
import io.solbot.core.testing.Markets;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on PostgreSQL, lockfiles and a paper executor with its execution log: a process that dies with an order
 * in flight leaves everything a second one needs to pick up where it left off, with nothing lost and nothing doubled.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RecoveryIT {
    private static final Instant T0 = Markets.T0;

    @TempDir
    Path runtime;

    /** One process: its engine and what it owns; {@link #crash} abandons it without a shutdown. */
    private final class Process implements AutoCloseable {
        final SimulatedClock clock = SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5));
        final PostgresDatabase database;
        final PostgresFillStore trades;
        final LockfileJournal journal = new LockfileJournal(runtime.resolve("lockfiles"));
        final SimulatedMarket market = Markets.onePool();
        final PaperExecutor executor;
        final SolbotEngine engine;

        Process(TestDatabase db, Instant at) {
            clock.advance(Duration.between(T0, at));
            database = PostgresDatabase.open(db.jdbcUrl(), null, null, 4);
            trades = new PostgresFillStore(database);
            executor = PaperExecutor.builder(PaperSettings.defaults(7).withExecModel(ExecModel.IDEAL), market)
                    .executionLog(runtime.resolve("paper").resolve("executions.jsonl"))
                    .build();
            engine = SolbotEngine.builder()
                    .strategyProvider(new CommandBot.Provider())
                    .clock(clock)
                    .marketData(market)
                    .swapExecutor(executor)
                    .runStatusStore(new PostgresRunStatusStore(database, "1@test", id -> "{}"))
                    .fillStore(trades)
                    .journal(journal)
                    .spreadFirstTicks(false)
                    .build();
        }

        void crash() {
            // the engine's threads are left as a killed process leaves its files: nothing more is written by it, and
            // the OS lets go of its locks
            journal.close();
            executor.close();
            trades.close();
            database.close();
        }

        @Override
        public void close() {
            engine.shutdown(Duration.ofSeconds(5));
            crash();
        }
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }

    @Test
    void shouldResumeACrashedBotWithItsPositionsStateAndOrdersInFlightResolvedOnceOnPostgres(TestDatabase db)
            throws IOException {
        CommandBot.Script script = new CommandBot.Script("pg-bot");
        BotId bot = BotId.of("pg-bot");
        Process first = new Process(db, T0);
        first.engine.start(CommandBot.spec(script));
        script.commands().addAll(List.of("buy", "put 7"));
        first.clock.advance(Duration.ofSeconds(3));
        assertThat(first.trades.fills(bot)).hasSize(1);
        // the process sends two more orders and dies: one the executor ran, one that never reached it
        OrderIntent ran = new OrderIntent(
                OrderId.of("ran-before-the-crash"), Markets.TOKEN, Side.BUY, CommandBot.TENTH_SOL.toTokenAmount(), T0);
        OrderIntent lost = new OrderIntent(
                OrderId.of("never-reached-it"), Markets.TOKEN, Side.BUY, CommandBot.TENTH_SOL.toTokenAmount(), T0);
        JournalEntry before = first.journal.load(bot).orElseThrow();
        first.journal.save(new JournalEntry(
                bot,
                before.strategyId(),
                before.status(),
                before.configHash(),
                before.owner(),
                List.of(ran, lost),
                before.state(),
                before.unstoredFills(),
                before.unstoredFailures(),
                before.updatedAt()));
        SwapOutcome ranOutcome = first.executor.execute(
                new SwapOrder(ran.orderId(), bot, ran.mint(), ran.side(), ran.amountIn(), 100, Lamports.ZERO, T0));
        assertThat(ranOutcome).isInstanceOf(SwapOutcome.Filled.class);
        first.crash();
        Path log = runtime.resolve("paper").resolve("executions.jsonl");
        long executed = lines(log);

        try (Process second = new Process(db, T0.plusSeconds(30))) {
            BotStatus status = second.engine.recover(CommandBot.spec(script));

            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(status.ordersFilled()).isEqualTo(2);
            assertThat(status.openPositions()).isEqualTo(1);
            assertThat(lines(log)).as("nothing was executed again").isEqualTo(executed);
            List<Fill> fills = second.trades.fills(bot);
            assertThat(fills).extracting(Fill::orderId).doesNotHaveDuplicates().contains(ran.orderId());
            assertThat(fills).hasSize(2);
            JournalEntry after = second.journal.load(bot).orElseThrow();
            assertThat(after.pendingIntents()).isEmpty();
            second.clock.advance(Duration.ofSeconds(1));
            assertThat(script.started().getLast()).isEqualTo(Map.of("last", "7"));
            assertThat(second.trades.ledger().openPositions(bot)).hasSize(1);

            script.commands().add("sell");
            second.clock.advance(Duration.ofSeconds(2));
            assertThat(script.results().getLast()).isInstanceOf(OrderResult.Submitted.class);
            assertThat(second.engine.status(bot).openPositions()).isZero();
            assertThat(second.trades.ledger().openPositions(bot)).isEmpty();
        }

        // and once more, after a clean stop: the trades are there, nothing is doubled
        List<Fill> all = new ArrayList<>();
        try (Process third = new Process(db, T0.plusSeconds(60))) {
            BotStatus status = third.engine.recover(CommandBot.spec(script));
            assertThat(status.ordersFilled()).isEqualTo(3);
            assertThat(status.openPositions()).isZero();
            all.addAll(third.trades.fills(bot));
        }
        assertThat(all).hasSize(3).extracting(Fill::orderId).doesNotHaveDuplicates();
    }

    @Test
    void shouldRebuildPositionsFromTheFillsInTheOrderRecordedAfterTheWallClockSteppedBack(TestDatabase db) {
        CommandBot.Script script = new CommandBot.Script("stepped-bot");
        BotId bot = BotId.of("stepped-bot");
        TokenAmount tokens = TokenAmount.of(1_000_000, 6);
        try (Process first = new Process(db, T0)) {
            // the buy landed at 00:00:10; then the wall clock stepped back, and the sell of all it bought landed at
            // 00:00:05
            first.trades.record(Fills.buy(Markets.TOKEN, CommandBot.TENTH_SOL, tokens)
                    .bot(bot)
                    .order("stepped-buy")
                    .at(T0.plusSeconds(10))
                    .build());
            first.trades.record(Fills.sell(Markets.TOKEN, tokens, Lamports.of(90_000_000))
                    .bot(bot)
                    .order("stepped-sell")
                    .at(T0.plusSeconds(5))
                    .build());
        }

        try (Process second = new Process(db, T0.plusSeconds(30))) {
            BotStatus status = second.engine.recover(CommandBot.spec(script));

            // the sell applies after its buy: nothing is open, no phantom position
            assertThat(status.ordersFilled()).isEqualTo(2);
            assertThat(status.openPositions()).isZero();
            assertThat(second.trades.ledger().openPositions(bot)).isEmpty();
        }
    }
}
