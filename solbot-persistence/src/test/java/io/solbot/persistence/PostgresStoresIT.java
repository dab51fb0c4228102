package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.solbot.core.store.PermanentStoreRefusal;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresStoresIT {
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static PostgresDatabase database;

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 8);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static RunRecord run(String bot, RunStatus status, String reason, int minute) {
        return new RunRecord(
                BotId.of(bot), "ma-cross", "hash-1", status, reason, T0, T0.plusSeconds(60L * minute), 1, 7);
    }

    @Test
    void shouldMarkOnlyItsOwnLiveBotsWithOneHeartbeat() {
        PostgresRunStatusStore mine = new PostgresRunStatusStore(database, "100@node-h", id -> null);
        PostgresRunStatusStore theirs = new PostgresRunStatusStore(database, "200@node-h", id -> null);
        mine.save(run("beat-running", RunStatus.RUNNING, "", 0));
        mine.save(run("beat-paused", RunStatus.PAUSED, "", 0));
        mine.save(run("beat-stopped", RunStatus.STOPPED, "", 0));
        theirs.save(run("beat-theirs", RunStatus.RUNNING, "", 0));
        Instant at = T0.plusSeconds(3_600);

        assertThat(mine.heartbeat(at)).isEqualTo(2);

        Map<String, Instant> beats = database.dsl()
                .select(STRATEGY_RUN_STATUS.BOT_ID, STRATEGY_RUN_STATUS.HEARTBEAT_AT)
                .from(STRATEGY_RUN_STATUS)
                .where(STRATEGY_RUN_STATUS.BOT_ID.startsWith("beat-"))
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
        assertThat(beats)
                .containsEntry("beat-running", at)
                .containsEntry("beat-paused", at)
                .containsEntry("beat-stopped", T0)
                .containsEntry("beat-theirs", T0);
    }

    @Test
    void shouldUpsertOneRowPerBotWithLifecycleTimesOwnerAndConfig() {
        PostgresRunStatusStore store = new PostgresRunStatusStore(database, "4711@node-a", id -> "{\"window\": 5}");
        store.save(run("life-1", RunStatus.RUNNING, "", 0));
        store.save(run("life-1", RunStatus.PAUSED, "", 1));
        store.save(run("life-1", RunStatus.FAILED, "too many restarts", 2));

        assertThat(store.find(BotId.of("life-1"))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.reason()).isEqualTo("too many restarts");
            assertThat(r.changedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(r.trades()).isEqualTo(7);
        });
        var row = database.dsl()
                .selectFrom(STRATEGY_RUN_STATUS)
                .where(STRATEGY_RUN_STATUS.BOT_ID.eq("life-1"))
                .fetchSingle();
        assertThat(row.getOwnerPid()).isEqualTo(4711L);
        assertThat(row.getOwnerNode()).isEqualTo("node-a");
        assertThat(row.getPausedAt().toInstant()).isEqualTo(T0.plusSeconds(60));
        assertThat(row.getStoppedAt().toInstant()).isEqualTo(T0.plusSeconds(120));
        assertThat(row.getConfig().data()).isEqualTo("{\"window\": 5}");

        store.save(run("life-1", RunStatus.RUNNING, "", 3));
        var again = database.dsl()
                .selectFrom(STRATEGY_RUN_STATUS)
                .where(STRATEGY_RUN_STATUS.BOT_ID.eq("life-1"))
                .fetchSingle();
        assertThat(again.getStoppedAt()).isNull();
        assertThat(again.getReason()).isNull();
        assertThat(store.all()).extracting(r -> r.botId().value()).contains("life-1");
    }

    @Test
    void shouldKeepWhyAStoppedRunStoppedAsWellAsWhyAFailedOneFailed() {
        PostgresRunStatusStore store = new PostgresRunStatusStore(database, "4711@node-a", id -> null);
        store.save(run("ended-1", RunStatus.RUNNING, "", 0));
        store.save(run("ended-1", RunStatus.STOPPED, "COMPLETED", 1));
        store.save(run("ended-2", RunStatus.STOPPED, "recovered as STOPPED", 1));
        store.save(run("ended-3", RunStatus.FAILED, "x".repeat(2_500), 1));

        assertThat(store.find(BotId.of("ended-1"))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(r.reason()).isEqualTo("COMPLETED");
        });
        assertThat(store.find(BotId.of("ended-2")))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("recovered as STOPPED"));
        // the column holds 2,000 characters: a longer failure keeps its beginning
        assertThat(store.find(BotId.of("ended-3")))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("x".repeat(2_000)));

        // a run that goes on has nothing to say
        store.save(run("ended-1", RunStatus.RUNNING, "", 2));
        assertThat(store.find(BotId.of("ended-1")))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEmpty());
    }

    private static Fill fill(BotId bot, String order, Side side, long lamports, long tokens, int second) {
        byte[] sig = new byte[64];
        byte[] id = order.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, sig, 0, Math.min(id.length, 60));
        sig[63] = 7;
        TokenAmount sol = Lamports.of(lamports).toTokenAmount();
        TokenAmount tok = TokenAmount.of(tokens, 6);
        return new Fill(
                OrderId.of(order),
                bot,
                Mint.USDC,
                side,
                side == Side.BUY ? sol : tok,
                side == Side.BUY ? tok : sol,
                Price.ofTrade(Lamports.of(lamports), tok),
                Lamports.of(5_000),
                Lamports.ZERO,
                TxSignature.ofBytes(sig),
                1,
                1,
                T0.plusSeconds(second),
                T0.plusSeconds(second));
    }

    @Test
    void shouldRecordFillsFromManyThreadsOnceEachAndReadThemBack() throws Exception {
        PostgresRunStatusStore runs = new PostgresRunStatusStore(database, "1@n", id -> null);
        try (PostgresFillStore store = new PostgresFillStore(database);
                ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int b = 0; b < 16; b++) {
                BotId bot = BotId.of("group-" + b);
                runs.save(run(bot.value(), RunStatus.RUNNING, "", 0));
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        store.record(fill(bot, bot.value() + "-b" + i, Side.BUY, 100_000_000L, 1_000_000, 2 * i));
                        store.record(fill(bot, bot.value() + "-s" + i, Side.SELL, 110_000_000L, 1_000_000, 2 * i + 1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            for (int b = 0; b < 16; b++) {
                BotId bot = BotId.of("group-" + b);
                List<Fill> fills = store.fills(bot);
                assertThat(fills).hasSize(20);
                assertThat(fills.getFirst())
                        .isEqualTo(fill(bot, bot.value() + "-b0", Side.BUY, 100_000_000L, 1_000_000, 0));
                assertThat(store.ledger().openPositions(bot)).isEmpty();
                assertThat(store.ledger().closedTrades(bot))
                        .hasSize(10)
                        .allSatisfy(
                                c -> assertThat(c.pnl()).isEqualTo(Lamports.of(110_000_000L - 5_000 - 100_005_000L)));
            }
            // recording again is harmless
            BotId first = BotId.of("group-0");
            store.record(fill(first, "group-0-b0", Side.BUY, 100_000_000L, 1_000_000, 0));
            assertThat(store.fills(first)).hasSize(20);
        }
    }

    @Test
    void shouldRecordEachFailedOrderOnceAndReadItBackExactly() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("failing-1");
            OrderFailure reverted = new OrderFailure(
                    OrderId.of("failing-1-sell"),
                    Mint.USDC,
                    Side.SELL,
                    "land",
                    "the sell reverted: the token cannot be sold",
                    T0.plusSeconds(5).plusNanos(123_456_000),
                    Lamports.of(4_611_686_018_427_387_905L),
                    Lamports.of(1_000_001));
            OrderFailure unsent = new OrderFailure(
                    OrderId.of("failing-1-buy"), Mint.USDC, Side.BUY, "send", "the RPC refused", T0.plusSeconds(1));

            store.recordFailure(bot, reverted);
            store.recordFailure(bot, unsent);
            // again, as the retry after an outage or a recovery sends it: harmless
            store.recordFailure(bot, reverted);
            // another failure under the same order id (an id used twice): refused for good, and the first one counts
            OrderFailure other = new OrderFailure(
                    reverted.orderId(), Mint.USDC, Side.SELL, "land", "other", T0, Lamports.of(1), Lamports.ZERO);
            assertThatThrownBy(() -> store.recordFailure(bot, other))
                    .isInstanceOf(RefusedWriteException.class)
                    .isInstanceOf(PermanentStoreRefusal.class)
                    .hasMessageContaining("The failure of order failing-1-sell of bot 'failing-1' is recorded already,"
                            + " with another content")
                    .hasMessageContaining("the order id was used for two orders");
            for (OrderFailure differing : List.of(
                    new OrderFailure(
                            reverted.orderId(),
                            Mint.USDC,
                            Side.SELL,
                            "land",
                            reverted.reason(),
                            reverted.at(),
                            reverted.fee(),
                            Lamports.of(1_000_002)),
                    new OrderFailure(
                            reverted.orderId(),
                            Mint.USDC,
                            Side.SELL,
                            "land",
                            reverted.reason(),
                            reverted.at().plusSeconds(1),
                            reverted.fee(),
                            reverted.tip()),
                    new OrderFailure(
                            reverted.orderId(),
                            Mint.USDC,
                            Side.BUY,
                            "land",
                            reverted.reason(),
                            reverted.at(),
                            reverted.fee(),
                            reverted.tip()))) {
                assertThatThrownBy(() -> store.recordFailure(bot, differing)).isInstanceOf(RefusedWriteException.class);
            }
            // the same order id for another bot is another failure
            store.recordFailure(BotId.of("failing-2"), unsent);

            assertThat(store.failures(bot)).containsExactly(unsent, reverted);
            assertThat(store.failures(BotId.of("failing-2"))).containsExactly(unsent);
            assertThat(store.failures(BotId.of("failing-none"))).isEmpty();
            assertThat(store.fills(bot)).isEmpty();
        }
    }

    private static byte[] signature(int b) {
        byte[] sig = new byte[64];
        java.util.Arrays.fill(sig, (byte) b);
        return sig;
    }

    @Test
    void shouldReturnABotsFillsInTheOrderRecordedEvenWhenTheClockSteppedBackBetweenThem() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("stepped-back");
            // the buy lands at 00:00:10; the clock steps back ten seconds; the sell of its tokens lands at 00:00:05
            Fill buy = fill(bot, "sb-buy", Side.BUY, 100_000_000L, 1_000_000, 10);
            Fill sell = fill(bot, "sb-sell", Side.SELL, 90_000_000L, 1_000_000, 5);
            Fill again = fill(bot, "sb-buy-2", Side.BUY, 50_000_000L, 500_000, 1);
            store.record(buy);
            store.record(sell);
            store.record(again);

            assertThat(store.fills(bot)).containsExactly(buy, sell, again);
            assertThat(store.ledger().closedTrades(bot))
                    .singleElement()
                    .satisfies(c -> assertThat(c.entryOrderId()).isEqualTo(OrderId.of("sb-buy")));
            assertThat(store.ledger().openPositions(bot))
                    .singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(TokenAmount.of(500_000, 6)));
        }
    }

    @Test
    void shouldRefuseAnotherFillUnderAKeyAlreadyRecordedAndKeepTheFirst() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("reused-id");
            Fill buy = fill(bot, "reused-buy", Side.BUY, 100_000_000L, 1_000_000, 1);
            Fill precise = new Fill(
                    OrderId.of("reused-precise"),
                    bot,
                    Mint.USDC,
                    Side.BUY,
                    Lamports.of(1_000).toTokenAmount(),
                    TokenAmount.of(3, 6),
                    Price.ofTrade(Lamports.of(1_000), TokenAmount.of(3, 6)),
                    Lamports.of(5_000),
                    Lamports.ZERO,
                    TxSignature.ofBytes(signature(9)),
                    1,
                    1,
                    T0.plusNanos(1_234_567_891),
                    T0.plusNanos(2_234_567_891L));
            store.record(buy);
            store.record(precise);
            // the same fills again (a retry, a replay from a journal): harmless, times to the nanosecond included
            store.record(buy);
            store.record(precise);

            Fill otherAmount = fill(bot, "reused-buy", Side.BUY, 200_000_000L, 1_000_000, 1);
            assertThatThrownBy(() -> store.record(otherAmount))
                    .isInstanceOf(RefusedWriteException.class)
                    .isInstanceOf(PermanentStoreRefusal.class)
                    .hasMessage("Fill reused-buy/1 of bot 'reused-id' is recorded already, with another content: the"
                            + " order id and part were used for two fills; refused for good");
            Fill otherBot = fill(BotId.of("reused-id-2"), "reused-buy", Side.BUY, 100_000_000L, 1_000_000, 1);
            assertThatThrownBy(() -> store.record(otherBot)).isInstanceOf(RefusedWriteException.class);
            Fill otherTime = fill(bot, "reused-buy", Side.BUY, 100_000_000L, 1_000_000, 2);
            assertThatThrownBy(() -> store.record(otherTime)).isInstanceOf(RefusedWriteException.class);

            // read back to the microsecond the column keeps
            assertThat(store.fills(bot)).extracting(Fill::orderId).containsExactly(buy.orderId(), precise.orderId());
            assertThat(store.fills(bot).getFirst()).isEqualTo(buy);
            assertThat(store.fills(BotId.of("reused-id-2"))).isEmpty();
            assertThat(store.ledger().openPositions(bot))
                    .singleElement()
                    .satisfies(p -> assertThat(p.costBasis()).isEqualTo(Lamports.of(100_005_000L + 6_000)));
        }
    }

    @Test
    void shouldReportABadFillToItsCallerWithoutFailingTheOthers() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("bad-1");
            assertThatThrownBy(() -> store.record(fill(bot, "bad-sell", Side.SELL, 1_000L, 5, 1)))
                    .isInstanceOf(InsufficientPositionException.class);
            store.record(fill(bot, "good-buy", Side.BUY, 1_000_000L, 5, 2));
            assertThat(store.fills(bot)).extracting(f -> f.orderId().value()).containsExactly("good-buy");
        }
    }

    @Test
    void shouldRecordAWriteOffAsAWriteOffAndSayARefusalIsForGood() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("written-off-1");
            store.record(fill(bot, "wo-buy", Side.BUY, 1_000_000L, 5, 1));
            Fill writeOff =
                    Fill.writeOff(OrderId.of("wo-sell"), bot, Mint.USDC, TokenAmount.of(5, 6), T0.plusSeconds(9));

            store.record(writeOff);

            assertThat(store.ledger().closedTrades(bot)).singleElement().satisfies(c -> {
                assertThat(c.exitReason()).isEqualTo("write-off");
                assertThat(c.pnl()).isEqualTo(Lamports.of(-1_005_000));
            });
            assertThat(store.fills(bot))
                    .last()
                    .satisfies(f -> assertThat(f.isWriteOff()).isTrue());
            // the lot is gone: writing off more is refused, and for good
            assertThatThrownBy(() -> store.record(
                            Fill.writeOff(OrderId.of("wo-again"), bot, Mint.USDC, TokenAmount.of(5, 6), T0)))
                    .isInstanceOf(PermanentStoreRefusal.class);
        }
    }

    @Test
    void shouldFailOnlyTheBadFillsWhenManyVirtualThreadsWriteTogether() throws Exception {
        PostgresRunStatusStore runs = new PostgresRunStatusStore(database, "1@n", id -> null);
        int bots = 64;
        try (PostgresFillStore store = new PostgresFillStore(database);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> refused = new ArrayList<>();
            for (int b = 0; b < bots; b++) {
                BotId bot = BotId.of("crowd-" + b);
                runs.save(run(bot.value(), RunStatus.RUNNING, "", 0));
                refused.add(pool.submit(() -> {
                    int failures = 0;
                    for (int i = 0; i < 10; i++) {
                        store.record(fill(bot, bot.value() + "-b" + i, Side.BUY, 100_000_000L, 1_000_000, 3 * i));
                        try {
                            // twice what the bot holds: refused, and only this caller hears of it
                            store.record(fill(bot, bot.value() + "-x" + i, Side.SELL, 1L, 2_000_000, 3 * i + 1));
                        } catch (InsufficientPositionException e) {
                            failures++;
                        }
                        store.record(fill(bot, bot.value() + "-s" + i, Side.SELL, 110_000_000L, 1_000_000, 3 * i + 2));
                    }
                    return failures;
                }));
            }
            for (Future<Integer> f : refused) {
                assertThat(f.get()).isEqualTo(10);
            }
            for (int b = 0; b < bots; b++) {
                BotId bot = BotId.of("crowd-" + b);
                assertThat(store.fills(bot))
                        .hasSize(20)
                        .noneMatch(f -> f.orderId().value().contains("-x"));
                assertThat(store.ledger().openPositions(bot)).isEmpty();
                assertThat(store.ledger().realizedPnl(bot))
                        .isEqualTo(Lamports.of(10 * (110_000_000L - 5_000 - 100_005_000L)));
            }
        }
    }
}
