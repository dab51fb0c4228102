package io.solbot.core.execution;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings of a {@link PaperExecutor}, after the original paper trader's ({@code execModel}, {@code seed},
 * {@code latency}, {@code slippageBpsCap}, {@code failureRates}, {@code partials}, {@code maxDailyTrades}). Immutable
 * and validated on construction: a bad value is refused, never repaired, with a message naming the field and value.
 *
 * @param execModel how swaps are priced and landed
 * @param seed the seed: with the same market, the same orders give the same fills
 * @param latency the simulated time each stage takes
 * @param slippageBpsCap the most price impact (against the mid price, pool fee included) a quote may carry, in basis
 *     points, 0 to 10000; a larger one fails the order at the quote stage. {@link ExecModel#IDEAL} has none.
 * @param failureRates the chance each stage fails
 * @param partials how many transactions an order is split into
 * @param jitoTipLamports the tip the Jito bundle that {@link ExecModel#JITO_FALLBACK} sends after a missed landing
 *     pays when it lands (an order with a tip of its own pays that instead); at least 1000 (Jito's minimum) for
 *     {@link ExecModel#JITO_FALLBACK}, else at least 0
 * @param maxDailyTrades the most orders per bot and UTC day that may fill (in whole or in part), at least 1
 * @param wallets the SOL each paper wallet starts with
 */
public record PaperSettings(
        ExecModel execModel,
        long seed,
        Latency latency,
        int slippageBpsCap,
        FailureRates failureRates,
        Partials partials,
        long jitoTipLamports,
        int maxDailyTrades,
        Wallets wallets) {

    /** The smallest tip Jito accepts, in lamports. */
    public static final long JITO_MIN_TIP = 1_000;

    /**
     * Simulated time per stage of a swap, in milliseconds, each at least 0.
     *
     * @param quoteMs asking for a quote
     * @param buildMs building and signing the transaction
     * @param sendMs sending it to the RPC (or the block engine)
     * @param landMs until it lands in a confirmed block
     */
    public record Latency(long quoteMs, long buildMs, long sendMs, long landMs) {
        /** The original paper trader's defaults: 30, 10, 20 and 400 ms. */
        public static final Latency DEFAULT = new Latency(30, 10, 20, 400);

        public static final Latency NONE = new Latency(0, 0, 0, 0);

        /** @throws IllegalArgumentException naming every negative field and its value */
        public Latency {
            List<String> errors = new ArrayList<>();
            atLeast(errors, "latency.quoteMs", quoteMs, 0);
            atLeast(errors, "latency.buildMs", buildMs, 0);
            atLeast(errors, "latency.sendMs", sendMs, 0);
            atLeast(errors, "latency.landMs", landMs, 0);
            throwIfAny(errors);
        }
    }

    /**
     * The chance, 0 to 1, that each stage fails, drawn once per order for quote and build and once per transaction
     * for send, land and bundle.
     *
     * @param quote no route or the quote API failed
     * @param build the transaction could not be built
     * @param send the RPC refused the transaction
     * @param land the transaction did not land before its blockhash expired
     * @param bundle the Jito bundle that {@link ExecModel#JITO_FALLBACK} sends after a land failure did not land
     */
    public record FailureRates(double quote, double build, double send, double land, double bundle) {
        public static final FailureRates NONE = new FailureRates(0, 0, 0, 0, 0);

        /** @throws IllegalArgumentException naming every rate outside 0..1 (or NaN) and its value */
        public FailureRates {
            List<String> errors = new ArrayList<>();
            rate(errors, "failureRates.quote", quote);
            rate(errors, "failureRates.build", build);
            rate(errors, "failureRates.send", send);
            rate(errors, "failureRates.land", land);
            rate(errors, "failureRates.bundle", bundle);
            throwIfAny(errors);
        }
    }

    /**
     * An order is split into a number of transactions drawn uniformly from {@code minParts..maxParts}, each at
     * least 1, at most 100, and {@code minParts <= maxParts}.
     */
    public record Partials(int minParts, int maxParts) {
        public static final Partials NONE = new Partials(1, 1);

        /** @throws IllegalArgumentException naming every bad field and its value */
        public Partials {
            List<String> errors = new ArrayList<>();
            between(errors, "partials.minParts", minParts, 1, 100);
            between(errors, "partials.maxParts", maxParts, 1, 100);
            if (minParts > maxParts) {
                errors.add("partials.minParts must not be greater than partials.maxParts, but was " + minParts + " > "
                        + maxParts);
            }
            throwIfAny(errors);
        }
    }

    /**
     * The SOL each paper wallet starts with. The executor keeps one paper wallet per bot and wallet label (so bots of
     * one run never spend each other's SOL, and a backtest of many bots measures each alone): it starts with {@code
     * startingSol}, or the label's own amount in {@code startingSolByWallet}, and no tokens, and moves with that bot's
     * fills and fees from that wallet.
     *
     * @param startingSol what a wallet starts with unless its label is listed, zero or more
     * @param startingSolByWallet what the wallets of these labels start with, each zero or more
     */
    public record Wallets(Lamports startingSol, Map<String, Lamports> startingSolByWallet) {
        /** 100 SOL in every wallet. */
        public static final Wallets DEFAULT = new Wallets(Lamports.ofSol("100"), Map.of());

        /** @throws IllegalArgumentException naming every negative amount and bad label */
        public Wallets {
            Objects.requireNonNull(startingSol, "startingSol");
            startingSolByWallet = Map.copyOf(startingSolByWallet);
            List<String> errors = new ArrayList<>();
            if (startingSol.isNegative()) {
                errors.add("wallets.startingSol must be at least 0, but was " + startingSol);
            }
            startingSolByWallet.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> {
                        try {
                            OrderOptions.checkWallet(e.getKey());
                        } catch (IllegalArgumentException bad) {
                            errors.add("wallets.startingSolByWallet: " + bad.getMessage());
                        }
                        if (e.getValue().isNegative()) {
                            errors.add("wallets.startingSolByWallet[" + e.getKey() + "] must be at least 0, but was "
                                    + e.getValue());
                        }
                    });
            throwIfAny(errors);
        }

        /** Every wallet starts with {@code sol}. */
        public static Wallets of(Lamports sol) {
            return new Wallets(sol, Map.of());
        }

        /** What the wallet labelled {@code wallet} starts with. */
        public Lamports startingSol(String wallet) {
            return startingSolByWallet.getOrDefault(wallet, startingSol);
        }
    }

    /** @throws IllegalArgumentException naming every bad field and its value */
    public PaperSettings {
        List<String> errors = new ArrayList<>();
        if (execModel == null) {
            errors.add("execModel must be set");
        }
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failureRates, "failureRates");
        Objects.requireNonNull(partials, "partials");
        Objects.requireNonNull(wallets, "wallets");
        between(errors, "slippageBpsCap", slippageBpsCap, 0, 10_000);
        if (execModel == ExecModel.JITO_FALLBACK) {
            atLeast(errors, "jitoTipLamports", jitoTipLamports, JITO_MIN_TIP);
        } else {
            atLeast(errors, "jitoTipLamports", jitoTipLamports, 0);
        }
        atLeast(errors, "maxDailyTrades", maxDailyTrades, 1);
        throwIfAny(errors);
    }

    /** Settings whose wallets start with {@link Wallets#DEFAULT}: 100 SOL each. */
    public PaperSettings(
            ExecModel execModel,
            long seed,
            Latency latency,
            int slippageBpsCap,
            FailureRates failureRates,
            Partials partials,
            long jitoTipLamports,
            int maxDailyTrades) {
        this(
                execModel,
                seed,
                latency,
                slippageBpsCap,
                failureRates,
                partials,
                jitoTipLamports,
                maxDailyTrades,
                Wallets.DEFAULT);
    }

    /**
     * {@link ExecModel#AMM_DEPTH}, the original's default latencies, a 500 bps impact cap, no failures, one part, a
     * 10 000-lamport tip, 1000 trades a day, 100 SOL in every wallet.
     */
    public static PaperSettings defaults(long seed) {
        return new PaperSettings(
                ExecModel.AMM_DEPTH, seed, Latency.DEFAULT, 500, FailureRates.NONE, Partials.NONE, 10_000, 1000);
    }

    public PaperSettings withExecModel(ExecModel value) {
        return with(c -> c.execModel = value);
    }

    public PaperSettings withSeed(long value) {
        return with(c -> c.seed = value);
    }

    public PaperSettings withLatency(Latency value) {
        return with(c -> c.latency = value);
    }

    public PaperSettings withSlippageBpsCap(int value) {
        return with(c -> c.slippageBpsCap = value);
    }

    public PaperSettings withFailureRates(FailureRates value) {
        return with(c -> c.failureRates = value);
    }

    public PaperSettings withPartials(Partials value) {
        return with(c -> c.partials = value);
    }

    public PaperSettings withJitoTipLamports(long value) {
        return with(c -> c.jitoTipLamports = value);
    }

    public PaperSettings withMaxDailyTrades(int value) {
        return with(c -> c.maxDailyTrades = value);
    }

    public PaperSettings withWallets(Wallets value) {
        return with(c -> c.wallets = value);
    }

    /** These settings with what {@code change} sets on a copy of them; validated as any settings are. */
    private PaperSettings with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.settings();
    }

    /** A mutable copy of the fields, so that each wither names the one field it replaces. */
    private static final class Copy {
        ExecModel execModel;
        long seed;
        Latency latency;
        int slippageBpsCap;
        FailureRates failureRates;
        Partials partials;
        long jitoTipLamports;
        int maxDailyTrades;
        Wallets wallets;

        Copy(PaperSettings s) {
            execModel = s.execModel;
            seed = s.seed;
            latency = s.latency;
            slippageBpsCap = s.slippageBpsCap;
            failureRates = s.failureRates;
            partials = s.partials;
            jitoTipLamports = s.jitoTipLamports;
            maxDailyTrades = s.maxDailyTrades;
            wallets = s.wallets;
        }

        PaperSettings settings() {
            return new PaperSettings(
                    execModel,
                    seed,
                    latency,
                    slippageBpsCap,
                    failureRates,
                    partials,
                    jitoTipLamports,
                    maxDailyTrades,
                    wallets);
        }
    }

    private static void atLeast(List<String> errors, String field, long value, long min) {
        if (value < min) {
            errors.add(field + " must be at least " + min + ", but was " + value);
        }
    }

    private static void between(List<String> errors, String field, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(field + " must be between " + min + " and " + max + ", but was " + value);
        }
    }

    private static void rate(List<String> errors, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            errors.add(field + " must be between 0 and 1, but was " + value);
        }
    }

    private static void throwIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid paper trading settings: " + String.join("; ", errors));
        }
    }
}
