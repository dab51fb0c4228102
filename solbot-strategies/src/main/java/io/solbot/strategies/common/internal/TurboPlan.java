package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Lamports;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TurboStrategy} does beyond the sniper's {@link TradingPlan}: how each signal's buy is sent (its
 * priority fee and Jito tip, retries) and split (a probe first, then tranches across wallets), the kill switch, and
 * how long a signal is remembered.
 *
 * @param trading the sniper's plan: feed, gates, caps ({@code maxTrades} counts signals) and exits
 * @param fee the priority fee of each order
 * @param jitoTip the Jito tip of each order; zero to send plain transactions
 * @param retries how often a piece whose order failed (without filling anything) is sent again, 0 for never
 * @param bumpCuStep what each retry adds to the compute-unit price, micro-lamports per compute unit
 * @param bumpTip what each retry adds to the Jito tip (only when a tip is paid)
 * @param tranches the parts each signal's buy (after its probe) is split into, 1 or more
 * @param trancheDelay the least time between two tranches
 * @param wallets the wallets each tranche is split across, by label; empty for the bot's own
 * @param shares each wallet's share of a tranche, fractions summing to about 1; empty with {@code wallets}
 * @param maxParallel orders of one tranche placed in one tick at most
 * @param probe the probe buy, or null for none
 * @param killThreshold failed orders (in all, not in a row) after which the bot halts, or null for no kill switch
 * @param signalTtl how long a signal is remembered (and its token not bought again), or null for always
 * @param resume whether a signal interrupted by a restart places the rest of its pieces after it
 */
public record TurboPlan(
        TradingPlan trading,
        Fee fee,
        Lamports jitoTip,
        int retries,
        long bumpCuStep,
        Lamports bumpTip,
        int tranches,
        Duration trancheDelay,
        List<String> wallets,
        List<BigDecimal> shares,
        int maxParallel,
        Probe probe,
        Integer killThreshold,
        Duration signalTtl,
        boolean resume) {
    /**
     * The compute units a swap transaction is budgeted at when a compute-unit price becomes a priority fee in lamports
     * (the runtime's default limit per instruction); the fee is price × units / 1 000 000.
     */
    public static final long SWAP_COMPUTE_UNITS = 200_000;

    /** The percentile of recent fees an automatic priority fee bids. */
    public static final int FEE_PERCENTILE = 75;

    public TurboPlan {
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(jitoTip, "jitoTip");
        Objects.requireNonNull(bumpTip, "bumpTip");
        Objects.requireNonNull(trancheDelay, "trancheDelay");
        wallets = List.copyOf(wallets);
        shares = List.copyOf(shares);
        if (tranches < 1 || maxParallel < 1 || retries < 0) {
            throw new IllegalArgumentException("tranches and maxParallel must be at least 1 and retries at least 0,"
                    + " but were " + tranches + ", " + maxParallel + " and " + retries);
        }
        if (wallets.size() != shares.size()) {
            throw new IllegalArgumentException(
                    "one share per wallet, but " + wallets.size() + " wallets and " + shares.size() + " shares");
        }
    }

    /** Orders one signal fills at most: its probe and every piece of every tranche. */
    public int ordersPerSignal() {
        return (probe == null ? 0 : 1) + tranches * Math.max(1, wallets.size());
    }

    /**
     * The priority fee of an order: {@code fixed} (null: the bot's own), or, when {@code auto}, the {@link
     * #FEE_PERCENTILE} percentile of the market's recent compute-unit prices kept between {@code cuMin} and {@code
     * cuMax} micro-lamports per compute unit and at most {@code cap}.
     *
     * @param fixed the fee of every order when not {@code auto}; null for the bot's
     * @param auto whether the fee follows the market's recent fees
     * @param cuMin the least compute-unit price an automatic fee bids
     * @param cuMax the most compute-unit price an automatic fee bids; {@link Long#MAX_VALUE} for no cap of its own
     * @param cap the most an automatic fee pays in lamports, or null for no cap besides {@code cuMax}
     */
    public record Fee(Lamports fixed, boolean auto, long cuMin, long cuMax, Lamports cap) {
        public Fee {
            if (cuMin < 0 || cuMax < cuMin) {
                throw new IllegalArgumentException(
                        "cuMin must be 0 or more and cuMax at least cuMin, but were " + cuMin + " and " + cuMax);
            }
            if (auto && cuMax == Long.MAX_VALUE && cap == null) {
                throw new IllegalArgumentException("an automatic priority fee needs a cap");
            }
        }

        /** The fee paid for {@code cuPrice} micro-lamports per compute unit, rounded up to a lamport. */
        public static Lamports forCuPrice(long cuPrice) {
            long micro = Math.multiplyExact(cuPrice, SWAP_COMPUTE_UNITS);
            return Lamports.of(Math.ceilDiv(micro, 1_000_000L));
        }
    }

    /**
     * A probe buy: {@code usd} (in SOL at the market's SOL price, at most the signal's amount) first; once it filled,
     * its tokens must have a sell route whose round trip loses at most {@code maxLossPercent}, else the token is
     * blocked; then, after {@code delay}, {@code scaleFactor} times the probe (at most what is left of the amount).
     */
    public record Probe(BigDecimal usd, BigDecimal scaleFactor, BigDecimal maxLossPercent, Duration delay) {
        public Probe {
            Objects.requireNonNull(usd, "usd");
            Objects.requireNonNull(scaleFactor, "scaleFactor");
            Objects.requireNonNull(maxLossPercent, "maxLossPercent");
            Objects.requireNonNull(delay, "delay");
        }
    }
}
