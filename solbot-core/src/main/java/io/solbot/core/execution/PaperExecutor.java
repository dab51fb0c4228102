package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.market.Pool;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.market.TradeRefusedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Executes orders on paper against a {@link SimulatedMarket}, modelling what a Solana swap goes through: a quote, a
 * build, and per transaction a send and a landing, each taking its configured latency and failing at its configured
 * rate; an order split into several transactions (partial fills whose amounts add up exactly to the order); the
 * 5000-lamport signature fee and the order's priority fee per landed transaction; a Jito tip per landed bundle; a
 * daily trade limit. See {@link PaperSettings} and {@link ExecModel}.
 *
 * <p>A transaction that lands and reverts (a honeypot's sell, a swap that would pay less than its minimum, a pool
 * drained meanwhile) still pays its signature and priority fees, as on Solana: the order fails with that fee in
 * {@link OrderFailure#fee()}. A part sent as a Jito bundle that reverts pays nothing: a bundle is atomic and does not
 * land.
 *
 * <p>Latency: each stage happens at its own time, the order's submission time plus the latencies of the stages
 * before it and its own: the quote at {@code quoteMs}, each transaction's landing at its own landing time. Before
 * each stage the executor waits on its {@link Timeline} until that time, then acts on the market as it is then, so
 * that what other traders did meanwhile reaches the fill, and the order's slippage limit (the quote's minimum output
 * at the order's {@code slippageBps}) is checked against it. The default timeline, {@link Timeline#none()}, lets
 * nothing happen: every stage then sees the market as {@link #execute} found it, moved only by the order's own
 * earlier parts. The fills carry their stage times either way.
 *
 * <p>Determinism: each order draws from its own random stream, seeded from the settings' seed and the order id, so an
 * order's outcome depends only on the seed, the order and the market's states at its stages' times, not on which
 * thread runs it or what ran before.
 *
 * <p>Durability: given an execution log file, the executor keeps its own record of every order it executed, as a
 * chain does: each outcome is appended to the file as a JSON line and forced to disk before {@link #execute} returns
 * it, and a new executor on the same file answers {@link #resolve} from it, so that orders a crashed process sent are
 * resolved, never executed twice. An order the log does not hold never reached the executor, and resolves as failed.
 * Without a log file, {@link #resolve} knows nothing (and answers empty).
 *
 * <p>Daily limit: {@code maxDailyTrades} counts, per bot and UTC day of submission, the orders that filled in whole or
 * in part. With an execution log the count survives a restart: a new executor rebuilds it from the orders the log
 * holds (both its files), so a restarted process does not grant a bot a fresh day's allowance.
 *
 * <p>Threading: thread-safe. Trades against the market are atomic; the daily trade count is kept per bot.
 */
public final class PaperExecutor implements SwapExecutor, AutoCloseable {
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final PaperSettings settings;
    private final SimulatedMarket market;
    private final Map<BotId, long[]> tradesToday = new HashMap<>();
    private final ExecutionLog executionLog;
    private final Timeline timeline;

    /** An executor that keeps what it executed in memory only, on {@link Timeline#none()}. */
    public PaperExecutor(PaperSettings settings, SimulatedMarket market) {
        this(settings, market, Timeline.none());
    }

    /** An executor that keeps what it executed in memory only and spends its latencies on {@code timeline}. */
    public PaperExecutor(PaperSettings settings, SimulatedMarket market, Timeline timeline) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.market = Objects.requireNonNull(market, "market");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.executionLog = null;
    }

    /**
     * An executor that records every outcome durably in {@code executionLog} (JSON lines, created if missing, one
     * file per executor) and reads what an earlier process recorded there, to {@link #resolve} its orders.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read or opened for appending
     */
    public PaperExecutor(PaperSettings settings, SimulatedMarket market, Path executionLog) {
        this(settings, market, executionLog, Timeline.none());
    }

    /**
     * As {@link #PaperExecutor(PaperSettings, SimulatedMarket, Path)}, spending its latencies on {@code timeline}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read or opened for appending
     */
    public PaperExecutor(PaperSettings settings, SimulatedMarket market, Path executionLog, Timeline timeline) {
        this(settings, market, executionLog, ExecutionLog.DEFAULT_ROTATE_AFTER, timeline);
    }

    /** For tests: rotating the log after {@code rotateAfter} lines (see {@link ExecutionLog}). */
    PaperExecutor(PaperSettings settings, SimulatedMarket market, Path executionLog, int rotateAfter) {
        this(settings, market, executionLog, rotateAfter, Timeline.none());
    }

    /** As above, on {@code timeline}. */
    PaperExecutor(
            PaperSettings settings, SimulatedMarket market, Path executionLog, int rotateAfter, Timeline timeline) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.market = Objects.requireNonNull(market, "market");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.executionLog = new ExecutionLog(Objects.requireNonNull(executionLog, "executionLog"), rotateAfter);
        this.executionLog.outcomes().forEach(this::countTrade);
    }

    /**
     * What became of {@code order}: its outcome as the execution log holds it, or a failure if the log does not
     * hold it (the order never reached this executor, or the process died before it returned, which on paper means
     * the same: the simulated market it traded against died with it). Empty without an execution log.
     */
    @Override
    public Optional<SwapOutcome> resolve(SwapOrder order) {
        if (executionLog == null) {
            return Optional.empty();
        }
        return Optional.of(executionLog
                .outcome(order.orderId())
                .orElseGet(() -> failed(
                        order,
                        "recovery",
                        "the order never reached the paper executor (it is not in " + executionLog.files() + ")",
                        order.submittedAt(),
                        List.of())));
    }

    /** Closes the execution log file, if any. */
    @Override
    public void close() {
        if (executionLog != null) {
            executionLog.close();
        }
    }

    public PaperSettings settings() {
        return settings;
    }

    @Override
    public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
        return quoteAt(mint, side, amountIn, slippageBps, market.now());
    }

    private Optional<Quote> quoteAt(Mint mint, Side side, TokenAmount amountIn, int slippageBps, Instant at) {
        Optional<Pool> found = market.pool(mint);
        if (found.isEmpty() || found.get().isDrained()) {
            return Optional.empty();
        }
        Pool pool = found.get();
        TokenAmount atMid = pool.amountAtMid(side, amountIn);
        TokenAmount expected = settings.execModel() == ExecModel.IDEAL ? atMid : pool.amountOut(side, amountIn);
        if (expected.isZero()) {
            return Optional.empty();
        }
        BigDecimal impactBps = new BigDecimal(
                        atMid.raw().subtract(expected.raw()).multiply(BPS))
                .divide(new BigDecimal(atMid.raw()), 2, RoundingMode.HALF_UP);
        TokenAmount minOut = expected.mulDiv(10_000L - slippageBps, 10_000L, RoundingMode.FLOOR);
        return Optional.of(
                new Quote(mint, side, amountIn, expected, minOut, tradePrice(side, amountIn, expected), impactBps, at));
    }

    @Override
    public SwapOutcome execute(SwapOrder order) {
        SwapOutcome outcome = simulate(order);
        if (executionLog != null) {
            executionLog.append(order, outcome);
        }
        return outcome;
    }

    private SwapOutcome simulate(SwapOrder order) {
        SplittableRandom random =
                new SplittableRandom(streamSeed(settings.seed(), order.orderId().value()));
        PaperSettings.Latency latency = settings.latency();
        PaperSettings.FailureRates rates = settings.failureRates();
        Instant t = order.submittedAt();
        if (!reserveTrade(order)) {
            return failed(
                    order,
                    "limit",
                    "maxDailyTrades of " + settings.maxDailyTrades() + " reached for " + order.botId() + " on "
                            + LocalDate.ofEpochDay(day(order.submittedAt())) + " (UTC)",
                    t,
                    List.of());
        }
        List<Fill> fills = new ArrayList<>();
        try {
            t = t.plusMillis(latency.quoteMs());
            timeline.awaitUntil(t);
            if (random.nextDouble() < rates.quote()) {
                return failed(order, "quote", "the quote failed (simulated failure)", t, fills);
            }
            Optional<Quote> quoted = quoteAt(order.mint(), order.side(), order.amountIn(), order.slippageBps(), t);
            if (quoted.isEmpty()) {
                return failed(order, "quote", "no route for " + order.mint() + ": no pool, or it is drained", t, fills);
            }
            Quote quote = quoted.get();
            if (settings.execModel() != ExecModel.IDEAL && exceedsCap(quote)) {
                return failed(
                        order,
                        "quote",
                        "price impact of " + quote.priceImpactBps().toPlainString() + " bps exceeds slippageBpsCap "
                                + settings.slippageBpsCap(),
                        t,
                        fills);
            }
            t = t.plusMillis(latency.buildMs());
            timeline.awaitUntil(t);
            if (random.nextDouble() < rates.build()) {
                return failed(order, "build", "building the transaction failed (simulated failure)", t, fills);
            }
            int drawn = settings.partials().minParts()
                    + random.nextInt(
                            settings.partials().maxParts() - settings.partials().minParts() + 1);
            // an order of fewer raw units than parts cannot be split that far
            int parts = (int) Math.min(
                    drawn, order.amountIn().raw().min(BigInteger.valueOf(drawn)).longValue());
            List<TokenAmount> amounts = order.amountIn().split(parts);
            for (int i = 0; i < parts; i++) {
                TokenAmount partIn = amounts.get(i);
                t = t.plusMillis(latency.sendMs());
                timeline.awaitUntil(t);
                if (random.nextDouble() < rates.send()) {
                    return failed(
                            order,
                            "send",
                            partLabel(i, parts) + "the RPC refused the transaction" + " (simulated failure)",
                            t,
                            fills);
                }
                t = t.plusMillis(latency.landMs());
                timeline.awaitUntil(t);
                boolean bundled = false;
                if (random.nextDouble() < rates.land()) {
                    if (settings.execModel() != ExecModel.JITO_FALLBACK) {
                        return failed(
                                order,
                                "land",
                                partLabel(i, parts) + "the transaction did not land before its"
                                        + " blockhash expired (simulated failure)",
                                t,
                                fills);
                    }
                    t = t.plusMillis(latency.sendMs() + latency.landMs());
                    timeline.awaitUntil(t);
                    if (random.nextDouble() < rates.bundle()) {
                        return failed(
                                order,
                                "land",
                                partLabel(i, parts) + "neither the transaction nor the Jito"
                                        + " bundle landed (simulated failure)",
                                t,
                                fills);
                    }
                    bundled = true;
                }
                Lamports fee = Lamports.SIGNATURE_FEE.plus(order.priorityFee());
                TokenAmount out;
                try {
                    if (settings.execModel() == ExecModel.IDEAL) {
                        out = market.fillAtMid(order.mint(), order.side(), partIn);
                    } else {
                        TokenAmount partMinOut = quote.minOut()
                                .mulDiv(partIn.raw(), order.amountIn().raw(), RoundingMode.FLOOR);
                        out = market.swap(order.mint(), order.side(), partIn, partMinOut);
                    }
                } catch (TradeRefusedException e) {
                    // the transaction landed and reverted (whatever the market calls the refusal, it happened at
                    // landing): it pays its fees all the same; a bundle is atomic, and a reverted one never landed
                    return failed(
                            order,
                            "land",
                            partLabel(i, parts) + e.getMessage(),
                            t,
                            fills,
                            bundled ? Lamports.ZERO : fee);
                }
                byte[] signature = new byte[64];
                random.nextBytes(signature);
                fills.add(new Fill(
                        order.orderId(),
                        order.botId(),
                        order.mint(),
                        order.side(),
                        partIn,
                        out,
                        tradePrice(order.side(), partIn, out),
                        fee,
                        bundled ? Lamports.of(settings.jitoTipLamports()) : Lamports.ZERO,
                        TxSignature.ofBytes(signature),
                        i + 1,
                        parts,
                        order.submittedAt(),
                        t));
            }
            return new SwapOutcome.Filled(fills);
        } finally {
            if (fills.isEmpty()) {
                releaseTrade(order);
            }
        }
    }

    /** Whether the quote's impact exceeds the cap, exactly: expected × 10000 < atMid × (10000 − cap). */
    private boolean exceedsCap(Quote quote) {
        Pool pool = market.pool(quote.mint()).orElseThrow();
        BigInteger atMid = pool.amountAtMid(quote.side(), quote.amountIn()).raw();
        return quote.expectedOut()
                        .raw()
                        .multiply(BPS)
                        .compareTo(atMid.multiply(BigInteger.valueOf(10_000L - settings.slippageBpsCap())))
                < 0;
    }

    private static Price tradePrice(Side side, TokenAmount in, TokenAmount out) {
        return side == Side.BUY
                ? Price.ofTrade(Lamports.fromTokenAmount(in), out)
                : Price.ofTrade(Lamports.fromTokenAmount(out), in);
    }

    private static String partLabel(int i, int parts) {
        return parts == 1 ? "" : "part " + (i + 1) + " of " + parts + ": ";
    }

    private static SwapOutcome failed(SwapOrder order, String stage, String reason, Instant at, List<Fill> fills) {
        return failed(order, stage, reason, at, fills, Lamports.ZERO);
    }

    private static SwapOutcome failed(
            SwapOrder order, String stage, String reason, Instant at, List<Fill> fills, Lamports fee) {
        return new SwapOutcome.Failed(
                new OrderFailure(order.orderId(), order.mint(), order.side(), stage, reason, at, fee, Lamports.ZERO),
                fills);
    }

    /**
     * Counts a logged order towards its bot's daily trades if it filled in whole or in part, as {@link
     * #reserveTrade} counted it when it ran. A bot keeps the count of its latest day only, as at run time.
     */
    private void countTrade(SwapOutcome outcome) {
        List<Fill> fills = switch (outcome) {
            case SwapOutcome.Filled f -> f.fills();
            case SwapOutcome.Failed f -> f.partialFills();
        };
        if (fills.isEmpty()) {
            return;
        }
        Fill first = fills.getFirst();
        long day = day(first.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.computeIfAbsent(first.botId(), b -> new long[] {day, 0});
            if (count[0] < day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[0] == day) {
                count[1]++;
            }
        }
    }

    private boolean reserveTrade(SwapOrder order) {
        long day = day(order.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.computeIfAbsent(order.botId(), b -> new long[] {day, 0});
            if (count[0] != day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[1] >= settings.maxDailyTrades()) {
                return false;
            }
            count[1]++;
            return true;
        }
    }

    private void releaseTrade(SwapOrder order) {
        long day = day(order.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.get(order.botId());
            if (count != null && count[0] == day && count[1] > 0) {
                count[1]--;
            }
        }
    }

    private static long day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** The seed of one order's random stream: the settings' seed mixed with a 64-bit FNV-1a hash of the order id. */
    static long streamSeed(long seed, String orderId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : orderId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
