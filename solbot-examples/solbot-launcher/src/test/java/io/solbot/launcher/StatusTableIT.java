package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.PostgresTradeLedger;
import io.solbot.persistence.readmodel.BotReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTableIT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Fill fill(BotId bot, String order, Side side, TokenAmount in, TokenAmount out, int signature) {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) signature;
        bytes[63] = 1;
        Lamports sol = Lamports.fromTokenAmount(side == Side.BUY ? in : out);
        TokenAmount tokens = side == Side.BUY ? out : in;
        return new Fill(
                OrderId.of(order),
                bot,
                BONK,
                side,
                in,
                out,
                Price.ofTrade(sol, tokens),
                Lamports.ZERO,
                Lamports.ZERO,
                TxSignature.ofBytes(bytes),
                1,
                1,
                T0,
                T0.plusSeconds(signature));
    }

    private static String print(StatusTable table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void shouldListTheEnginesBotsAndTheDatabasesAndSayWhenTheDatabaseIsUnreachable() throws IOException {
        BotId old = BotId.of("db-old");
        BotId done = BotId.of("db-done");
        BotId live = BotId.of("live-1");
        List<BotStatus> statuses = List.of(new BotStatus(
                live,
                "ma-cross",
                RunStatus.RUNNING,
                T0,
                Optional.of(T0),
                42,
                0,
                Map.of(),
                0,
                3,
                6,
                1,
                0,
                Optional.empty(),
                Duration.ofSeconds(42)));
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(tmp.resolve("pgdata"), freePort())) {
            PostgresDatabase db = PostgresDatabase.open(embedded.jdbcUrl(), null, null, 2);
            PostgresRunStatusStore runs = new PostgresRunStatusStore(db, "1@elsewhere", id -> null);
            runs.save(new RunRecord(old, "ma-cross", "h", RunStatus.FAILED, "boom\n  at line 2", T0, T0, 5, 2));
            runs.save(new RunRecord(done, "ma-cross", "h", RunStatus.STOPPED, "COMPLETED", T0, T0, 0, 4));
            PostgresTradeLedger ledger = new PostgresTradeLedger(db);
            ledger.record(new FillRecord(
                    "ma-cross",
                    fill(old, "o-1", Side.BUY, Lamports.of(1_000_000).toTokenAmount(), TokenAmount.of(1_000, 6), 1),
                    "entry"));
            ledger.record(new FillRecord(
                    "ma-cross",
                    fill(
                            old,
                            "o-2",
                            Side.SELL,
                            TokenAmount.of(1_000, 6),
                            Lamports.of(1_500_000).toTokenAmount(),
                            2),
                    "take-profit"));
            // a sell that reverted on chain: its 5,000 fee and 1,000 tip come off the 500,000 the closed trade made
            try (PostgresFillStore trades = new PostgresFillStore(db)) {
                trades.recordFailure(
                        old,
                        new OrderFailure(
                                OrderId.of("o-3"),
                                BONK,
                                Side.SELL,
                                "land",
                                "the sell reverted",
                                T0.plusSeconds(3),
                                Lamports.of(5_000),
                                Lamports.of(1_000)));
            }
            StatusTable table = new StatusTable(new BotReports(db, () -> statuses));

            String up = print(table);
            db.close();
            String down = print(table);

            assertThat(up)
                    .containsPattern("(?m)^BOT +STRATEGY +STATUS +TICKS +OPEN +TRADES +NET PNL \\(SOL\\) +LAST ERROR$")
                    .containsPattern("(?m)^db-old +ma-cross +FAILED +- +0 +2 +\\+0\\.000494000 +boom$")
                    // a stop is no error: the column stays empty
                    .containsPattern("(?m)^db-done +ma-cross +STOPPED +- +0 +4 +\\+0\\.000000000 *$")
                    .containsPattern("(?m)^live-1 +ma-cross +RUNNING +42 +1 +3 +\\+0\\.000000000 *$");
            assertThat(down)
                    .doesNotContain("db-old")
                    .doesNotContain("db-done")
                    .containsPattern("(?m)^live-1 +ma-cross +RUNNING +42 +1 +3 +n/a \\(database unreachable\\) *$");
        }
    }
}
