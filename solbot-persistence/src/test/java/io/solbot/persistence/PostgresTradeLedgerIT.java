package io.solbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.PermanentStoreRefusal;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresTradeLedgerIT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static String jdbcUrl;
    private static PostgresDatabase database;
    private static PostgresTradeLedger ledger;
    private static int signatures;

    @BeforeAll
    static void open(TestDatabase db) {
        jdbcUrl = db.jdbcUrl();
        database = PostgresDatabase.open(jdbcUrl, null, null, 4);
        ledger = new PostgresTradeLedger(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static TxSignature nextSignature() {
        byte[] bytes = new byte[64];
        int n = ++signatures;
        bytes[0] = (byte) (n >> 8);
        bytes[1] = (byte) n;
        bytes[63] = 1;
        return TxSignature.ofBytes(bytes);
    }

    private static Fill buy(
            BotId bot, String order, long lamports, TokenAmount tokens, long fee, long tip, int minute) {
        return new Fill(
                OrderId.of(order),
                bot,
                BONK,
                Side.BUY,
                Lamports.of(lamports).toTokenAmount(),
                tokens,
                Price.ofTrade(Lamports.of(lamports), tokens),
                Lamports.of(fee),
                Lamports.of(tip),
                nextSignature(),
                1,
                1,
                T0.plusSeconds(60L * minute - 2),
                T0.plusSeconds(60L * minute));
    }

    private static Fill sell(
            BotId bot, String order, TokenAmount tokens, long lamports, long fee, long tip, int minute) {
        return new Fill(
                OrderId.of(order),
                bot,
                BONK,
                Side.SELL,
                tokens,
                Lamports.of(lamports).toTokenAmount(),
                Price.ofTrade(Lamports.of(lamports), tokens),
                Lamports.of(fee),
                Lamports.of(tip),
                nextSignature(),
                1,
                1,
                T0.plusSeconds(60L * minute - 2),
                T0.plusSeconds(60L * minute));
    }

    private static FillRecord rec(Fill fill, String reason) {
        return new FillRecord("ma-cross", fill, reason);
    }

    @Test
    void shouldCloseLotsFirstInFirstOutWithPnlExactToTheLamport() {
        BotId bot = BotId.of("fifo-1");
        assertThat(ledger.record(
                        rec(buy(bot, "buy-a", 1_000_000_000L, TokenAmount.of(3_000_000, 6), 5_000, 0, 1), "entry")))
                .isTrue();
        assertThat(ledger.record(
                        rec(buy(bot, "buy-b", 500_000_000L, TokenAmount.of(1_000_000, 6), 5_000, 1_000, 2), "entry")))
                .isTrue();

        // sell 2 of lot A's 3 tokens: a partial close
        ledger.record(rec(sell(bot, "sell-1", TokenAmount.of(2_000_000, 6), 900_000_001L, 5_000, 0, 3), "take-profit"));
        // sell 1.5 tokens: the rest of lot A and half of lot B
        ledger.record(
                rec(sell(bot, "sell-2", TokenAmount.of(1_500_000, 6), 600_000_000L, 5_000, 2_000, 4), "stop-loss"));

        List<ClosedTrade> closed = ledger.closedTrades(bot);
        assertThat(closed)
                .extracting(c -> c.entryOrderId().value(), c -> c.exitOrderId().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("buy-a", "sell-1"),
                        org.assertj.core.groups.Tuple.tuple("buy-a", "sell-2"),
                        org.assertj.core.groups.Tuple.tuple("buy-b", "sell-2"));
        // hand computation: lot A costs 1 000 005 000, lot B 500 006 000 (fees and tip included)
        assertThat(closed.get(0).quantity()).isEqualTo(TokenAmount.of(2_000_000, 6));
        assertThat(closed.get(0).cost()).isEqualTo(Lamports.of(666_670_000)); // 1 000 005 000 × 2/3
        assertThat(closed.get(0).proceeds()).isEqualTo(Lamports.of(900_000_001));
        assertThat(closed.get(0).exitFees()).isEqualTo(Lamports.of(5_000));
        assertThat(closed.get(0).pnl()).isEqualTo(Lamports.of(233_325_001));
        assertThat(closed.get(0).exitReason()).isEqualTo("take-profit");

        assertThat(closed.get(1).cost()).isEqualTo(Lamports.of(333_335_000)); // the rest of lot A
        assertThat(closed.get(1).proceeds()).isEqualTo(Lamports.of(400_000_000)); // 600 000 000 × 1/1.5
        assertThat(closed.get(1).exitFees()).isEqualTo(Lamports.of(4_667)); // 7 000 × 1/1.5 = 4 666.67, half up
        assertThat(closed.get(1).pnl()).isEqualTo(Lamports.of(66_660_333));

        assertThat(closed.get(2).cost()).isEqualTo(Lamports.of(250_003_000)); // half of lot B
        assertThat(closed.get(2).proceeds()).isEqualTo(Lamports.of(200_000_000));
        assertThat(closed.get(2).exitFees()).isEqualTo(Lamports.of(2_333)); // the remainder of the fees
        assertThat(closed.get(2).pnl()).isEqualTo(Lamports.of(-50_005_333));

        List<Position> open = ledger.openPositions(bot);
        assertThat(open).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(TokenAmount.of(500_000, 6));
            assertThat(p.costBasis()).isEqualTo(Lamports.of(250_003_000));
            // the price lot B's buy paid; its fees stay in the cost basis (250 003 000 lamports for 0.5 tokens)
            assertThat(p.entryPrice()).isEqualTo(Price.of("0.5"));
        });
        // nothing created or lost: closed costs plus open cost equal what the buys cost
        long costs = closed.stream().mapToLong(c -> c.cost().value()).sum()
                + open.getFirst().costBasis().value();
        assertThat(costs).isEqualTo(1_000_005_000L + 500_006_000L);
    }

    @Test
    void shouldRecordAFillOnlyOnceEvenAfterItsLotWasClosed() {
        BotId bot = BotId.of("idem-1");
        Fill entry = buy(bot, "idem-buy", 1_000_000_000L, TokenAmount.of(1_000_000, 6), 5_000, 0, 1);
        Fill exit = sell(bot, "idem-sell", TokenAmount.of(1_000_000, 6), 1_100_000_000L, 5_000, 0, 2);

        assertThat(ledger.record(List.of(rec(entry, "entry"), rec(exit, "take-profit"))))
                .isEqualTo(2);
        // a replay of both, e.g. from the journal after a crash, changes nothing
        assertThat(ledger.record(List.of(rec(entry, "entry"), rec(exit, "take-profit"))))
                .isZero();
        assertThat(ledger.record(rec(entry, "entry"))).isFalse();

        assertThat(ledger.openPositions(bot)).isEmpty();
        assertThat(ledger.closedTrades(bot))
                .singleElement()
                .satisfies(c -> assertThat(c.pnl()).isEqualTo(Lamports.of(1_100_000_000L - 5_000 - 1_000_005_000L)));
        assertThat(ledger.contains(OrderId.of("idem-sell"), 1)).isTrue();
        assertThat(ledger.contains(OrderId.of("idem-sell"), 2)).isFalse();
    }

    @Test
    void shouldRefuseASellOfMoreThanIsOpenAndRecordNothingOfTheBatch() {
        BotId bot = BotId.of("over-1");
        Fill entry = buy(bot, "over-buy", 100_000_000L, TokenAmount.of(1_000, 6), 5_000, 0, 1);
        Fill tooMuch = sell(bot, "over-sell", TokenAmount.of(1_001, 6), 100_000_000L, 5_000, 0, 2);

        assertThatThrownBy(() -> ledger.record(List.of(rec(entry, "entry"), rec(tooMuch, "manual"))))
                .isInstanceOf(InsufficientPositionException.class)
                .hasMessageContaining("Bot 'over-1' sold 0.001001")
                .hasMessageContaining("hold only 0.001000");
        // the buy in the same batch was rolled back with it
        assertThat(ledger.contains(OrderId.of("over-buy"), 1)).isFalse();
        assertThat(ledger.openPositions(bot)).isEmpty();
    }

    @Test
    void shouldKeepU64AmountsAndTheirSharesExact() {
        BotId bot = BotId.of("u64-1");
        BigInteger max = new BigInteger("18446744073709551615");
        BigInteger half = max.shiftRight(1); // 2^63 − 1
        ledger.record(rec(buy(bot, "u64-buy", 7_000_000_000L, TokenAmount.ofRaw(max, 9), 5_000, 0, 1), "entry"));
        ledger.record(rec(sell(bot, "u64-sell", TokenAmount.ofRaw(half, 9), 3_000_000_000L, 5_000, 0, 2), "manual"));

        // 7 000 005 000 × (2^63 − 1) / (2^64 − 1) = 3 500 002 500 × (1 − 1/(2^64 − 1)): just below 3 500 002 500,
        // which it rounds to (rounded down, it would be 3 500 002 499)
        assertThat(ledger.closedTrades(bot)).singleElement().satisfies(c -> {
            assertThat(c.quantity().raw()).isEqualTo(half);
            assertThat(c.cost()).isEqualTo(Lamports.of(3_500_002_500L));
        });
        assertThat(ledger.openPositions(bot)).singleElement().satisfies(p -> {
            assertThat(p.quantity().raw()).isEqualTo(BigInteger.ONE.shiftLeft(63));
            assertThat(p.costBasis()).isEqualTo(Lamports.of(3_500_002_500L));
        });
    }

    @Test
    void shouldCloseLotsAtALossOnASellForNothing() {
        BotId bot = BotId.of("rug-1");
        ledger.record(rec(buy(bot, "rug-buy-a", 100_000_000L, TokenAmount.of(3_000, 6), 5_000, 0, 1), "entry"));
        ledger.record(rec(buy(bot, "rug-buy-b", 50_000_000L, TokenAmount.of(1_000, 6), 5_000, 0, 2), "entry"));
        // the pool was drained: all 4 000 tokens sell for nothing, and the sell still pays its 5 000 + 1 000
        assertThat(ledger.record(rec(sell(bot, "rug-sell", TokenAmount.of(4_000, 6), 0, 5_000, 1_000, 3), "stop-loss")))
                .isTrue();

        assertThat(ledger.openPositions(bot)).isEmpty();
        // the fees split 3:1, 6 000 × 3/4 = 4 500 and the 1 500 left
        assertThat(ledger.closedTrades(bot))
                .extracting(ClosedTrade::proceeds, ClosedTrade::exitFees, ClosedTrade::pnl, ClosedTrade::exitPrice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Lamports.ZERO, Lamports.of(4_500), Lamports.of(-100_009_500), Price.ZERO),
                        org.assertj.core.groups.Tuple.tuple(
                                Lamports.ZERO, Lamports.of(1_500), Lamports.of(-50_006_500), Price.ZERO));
        assertThat(ledger.realizedPnl(bot)).isEqualTo(Lamports.of(-150_016_000));
    }

    @Test
    void shouldRecordAWriteOffAsASellForNothingWithoutFees() {
        BotId bot = BotId.of("write-off-1");
        ledger.record(rec(buy(bot, "wo-buy", 100_000_000L, TokenAmount.of(3_000, 6), 5_000, 0, 1), "entry"));
        Fill writeOff = Fill.writeOff(OrderId.of("wo-1"), bot, BONK, TokenAmount.of(3_000, 6), T0.plusSeconds(120));

        assertThat(ledger.record(rec(writeOff, "write-off"))).isTrue();
        assertThat(ledger.record(rec(writeOff, "write-off"))).isFalse();

        assertThat(ledger.openPositions(bot)).isEmpty();
        assertThat(ledger.closedTrades(bot)).singleElement().satisfies(c -> {
            assertThat(c.exitReason()).isEqualTo("write-off");
            assertThat(c.pnl()).isEqualTo(Lamports.of(-100_005_000));
        });
    }

    @Test
    void shouldRefuseASellOfTooMuchAndAConflictingFillForGoodAndAnOutageNot() {
        BotId bot = BotId.of("refuse-1");
        Fill entry = buy(bot, "refuse-buy", 100_000_000L, TokenAmount.of(1_000, 6), 5_000, 0, 1);
        ledger.record(rec(entry, "entry"));
        Fill tooMuch = sell(bot, "refuse-sell", TokenAmount.of(1_001, 6), 100_000_000L, 5_000, 0, 2);
        // another buy order that claims the first one's transaction signature: the ledger's unique key refuses it
        Fill sameSignature = new Fill(
                OrderId.of("refuse-copy"),
                bot,
                BONK,
                Side.BUY,
                entry.amountIn(),
                entry.amountOut(),
                entry.price(),
                entry.fee(),
                entry.tip(),
                entry.signature(),
                1,
                1,
                entry.submittedAt(),
                entry.filledAt());

        assertThatThrownBy(() -> ledger.record(rec(tooMuch, "manual")))
                .isInstanceOf(InsufficientPositionException.class)
                .isInstanceOf(PermanentStoreRefusal.class);
        assertThatThrownBy(() -> ledger.record(rec(sameSignature, "entry")))
                .isInstanceOf(RefusedWriteException.class)
                .isInstanceOf(PermanentStoreRefusal.class)
                .hasMessageContaining("fill refuse-copy/1 of bot 'refuse-1'")
                .hasMessageContaining("SQLSTATE 23505")
                .hasMessageContaining("trade_signature_key");
        assertThat(ledger.contains(OrderId.of("refuse-copy"), 1)).isFalse();

        try (PostgresDatabase closed = PostgresDatabase.open(jdbcUrl, null, null, 1)) {
            PostgresTradeLedger unreachable = new PostgresTradeLedger(closed);
            closed.close();
            assertThatThrownBy(() -> unreachable.record(rec(tooMuch, "manual")))
                    .isNotInstanceOf(PermanentStoreRefusal.class);
        }
    }
}
