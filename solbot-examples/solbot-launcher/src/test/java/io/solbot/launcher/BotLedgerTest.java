package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotLedgerTest {
    private static final Mint JUP = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
    private static final BotId BOT = BotId.of("b1");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final BotLedger ledger = new BotLedger();

    /** A fill of {@code tokens} raw units (6 decimals) for {@code lamports}, at {@code T0 + seconds}. */
    private static Fill fill(String order, Side side, long lamports, long tokens, long fee, long tip, int seconds) {
        TokenAmount sol = TokenAmount.of(lamports, 9);
        TokenAmount token = TokenAmount.of(tokens, 6);
        return new Fill(
                OrderId.of(order),
                BOT,
                JUP,
                side,
                side == Side.BUY ? sol : token,
                side == Side.BUY ? token : sol,
                Price.ofTrade(Lamports.of(lamports), token),
                Lamports.of(fee),
                Lamports.of(tip),
                TxSignature.ofBytes(new byte[64]),
                1,
                1,
                T0.plusSeconds(seconds),
                T0.plusSeconds(seconds));
    }

    /** A pool without fee of {@code sol} lamports and {@code tokens} raw units. */
    private static Optional<Pool> pool(long sol, long tokens) {
        return Optional.of(new Pool(JUP, 6, Lamports.of(sol), TokenAmount.of(tokens, 6), 0));
    }

    @Test
    void shouldCloseLotsFirstInFirstOutWithTheirProRataCostsProceedsAndFees() {
        ledger.fill(fill("b1", Side.BUY, 1_000_000_000, 100_000_000, 5_000, 0, 0)); // lot 1: 100 JUP for 1.000005
        ledger.fill(fill("b2", Side.BUY, 500_000_000, 40_000_000, 5_000, 1_000, 10)); // lot 2: 40 JUP for 0.500006
        ledger.fill(fill("s1", Side.SELL, 1_320_000_000, 120_000_000, 5_000, 0, 70)); // 120 JUP for 1.32

        // lot 1, 100 of the 120 sold: proceeds 1.32 × 100/120 = 1.1, fees 5 000 × 100/120 = 4 166.7 → 4 167;
        // PnL 1 100 000 000 − 4 167 − 1 000 005 000 = +99 990 833
        // lot 2, the last 20: the rest, 220 000 000 and 833; cost 500 006 000 × 20/40 = 250 003 000;
        // PnL 220 000 000 − 833 − 250 003 000 = −30 003 833
        assertThat(ledger.closedTrades()).isEqualTo(2);
        assertThat(ledger.wins()).isEqualTo(1);
        assertThat(ledger.winRatePercent()).contains(new BigDecimal("50.0"));
        assertThat(ledger.realisedPnl()).isEqualTo(Lamports.of(99_990_833 - 30_003_833));
        assertThat(ledger.buys()).isEqualTo(2);
        assertThat(ledger.sells()).isEqualTo(1);
        assertThat(ledger.openPositions()).isEqualTo(1); // 20 JUP of lot 2
    }

    @Test
    void shouldCountTheFeesOfFillsAndOfFailedOrders() {
        ledger.fill(fill("b1", Side.BUY, 1_000_000_000, 100_000_000, 5_000, 0, 0));
        ledger.fill(fill("b2", Side.BUY, 500_000_000, 40_000_000, 5_000, 1_000, 10));
        ledger.failed(new OrderFailure(
                OrderId.of("f1"),
                JUP,
                Side.SELL,
                "land",
                "reverted",
                T0.plusSeconds(30),
                Lamports.of(5_000),
                Lamports.of(2_000)));

        assertThat(ledger.fees()).isEqualTo(Lamports.of(5_000 + 6_000 + 7_000));
        assertThat(ledger.failedOrders()).isEqualTo(1);
        assertThat(ledger.winRatePercent()).isEmpty(); // nothing closed yet
    }

    @Test
    void shouldMeasureTheLargestFallOfTheMarkedEquityFromItsPeak() {
        ledger.fill(fill("b1", Side.BUY, 1_000_000_000, 100_000_000, 5_000, 0, 0));
        // selling 100 JUP into 1000 SOL / 99 900 JUP pays 1e12 × 1e8 / (9.99e10 + 1e8) = 1 SOL: equity −5 000
        ledger.mark(T0.plusSeconds(5), m -> pool(1_000_000_000_000L, 99_900_000_000L));
        ledger.fill(fill("b2", Side.BUY, 500_000_000, 40_000_000, 5_000, 1_000, 10));
        // 140 JUP into 1600 SOL / 139 860 JUP: 1.6 SOL, less the cost 1 500 011 000: the peak, +99 989 000
        ledger.mark(T0.plusSeconds(20), m -> pool(1_600_000_000_000L, 139_860_000_000L));
        // 140 JUP into 1200 SOL: 1.2 SOL: −300 011 000, less the 5 000 the order that failed at 30 s paid
        ledger.mark(T0.plusSeconds(40), m -> pool(1_200_000_000_000L, 139_860_000_000L));
        ledger.fill(fill("s1", Side.SELL, 1_320_000_000, 120_000_000, 5_000, 0, 70));
        // realised +69 987 000, the failure's 5 000, 20 JUP worth nothing (no pool) that cost 250 003 000
        ledger.mark(T0.plusSeconds(80), m -> Optional.empty());
        ledger.failed(new OrderFailure(
                OrderId.of("f1"),
                JUP,
                Side.SELL,
                "land",
                "reverted",
                T0.plusSeconds(30),
                Lamports.of(5_000),
                Lamports.ZERO));

        // from the peak +99 989 000 down to −300 016 000 at 40 s; at 80 s the equity is −180 021 000
        assertThat(ledger.maxDrawdown()).isEqualTo(Lamports.of(99_989_000 + 300_016_000));
    }

    @Test
    void shouldCountAFallFromTheStartAsADrawdown() {
        ledger.fill(fill("b1", Side.BUY, 1_000_000_000, 100_000_000, 5_000, 0, 0));
        ledger.mark(T0.plusSeconds(5), m -> pool(1_000_000_000_000L, 99_900_000_000L));

        assertThat(ledger.maxDrawdown()).isEqualTo(Lamports.of(5_000)); // the buy's fee, from the start's zero
    }

    @Test
    void shouldRoundTheWinRateToOneDecimal() {
        ledger.fill(fill("b1", Side.BUY, 300_000_000, 3_000_000, 0, 0, 0));
        ledger.fill(fill("s1", Side.SELL, 110_000_000, 1_000_000, 0, 0, 1)); // +10 000 000
        ledger.fill(fill("s2", Side.SELL, 110_000_000, 1_000_000, 0, 0, 2)); // +10 000 000
        ledger.fill(fill("s3", Side.SELL, 90_000_000, 1_000_000, 0, 0, 3)); // −10 000 000

        assertThat(ledger.closedTrades()).isEqualTo(3);
        assertThat(ledger.winRatePercent()).contains(new BigDecimal("66.7"));
        assertThat(ledger.realisedPnl()).isEqualTo(Lamports.of(10_000_000));
        assertThat(ledger.openPositions()).isZero();
    }
}
