package io.solbot.core.backtest;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.engine.EngineBuilder;
import io.solbot.core.engine.SimulatedClock;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.Quote;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.safety.SafetyGate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link SolbotEngine}, a {@link SimulatedMarket} and a {@link PaperExecutor} in lockstep on simulated time,
 * for tests, backtests and replays. Each step first advances the market to the step's end, then the engine's {@link
 * SimulatedClock}, so the ticks of a step see the market as of their time; orders execute when the step's ticks have
 * settled (see {@link SimulatedClock}), and fills carry the executor's latencies in their timestamps. A run is a pure
 * function of its inputs (market seed or recording, paper settings, engine seed, bots), whatever the thread timing:
 * {@link Result#fingerprint()} makes that easy to check.
 *
 * <p>Latency is honest, within a bound: the executor's {@link io.solbot.core.execution.Timeline} advances the market to each stage of an
 * order (its quote, each transaction's landing), so other traders' swaps and price moves during the order's latency
 * reach its fills and its slippage check. It advances the market no further than the next step's end (the end of the
 * run if that comes first), the time the following step advances the market to anyway before its ticks run: so no
 * tick ever sees a market later than its own time. A stage due later than that bound trades against the market as of
 * the bound: a step at least as long as an order's whole latency (460 ms for one transaction with the default
 * latencies) leaves every stage of it its full latency.
 * Orders of one step execute one after another, and the market never goes back: an order of the batch trades against
 * the market as the orders before it left it, if that is later than its own stage. Because the last step of a {@link
 * #runUntil} call is bounded by that call's end, a run continued by a second call may differ from one long run in the
 * orders of the step at the seam.
 *
 * <pre>{@code
 * try (SimulatedMarket market = SimulatedMarket.random(RandomMarketSettings.defaults(42, start));
 *         Backtest backtest = Backtest.builder(market)
 *                 .paper(PaperSettings.defaults(7))
 *                 .engine(b -> b.strategyProvider(new MaCrossProvider()).seed(1))
 *                 .build()) {
 *     backtest.engine().start(BotSpec.builder(BotId.of("ma-1"), "ma-cross", config).build());
 *     Backtest.Result result = backtest.runUntil(start.plus(Duration.ofHours(1)));
 * }
 * }</pre>
 *
 * <p>Threading: drive a backtest ({@link #runUntil}, {@link #runToEnd}, {@link #close}) from one thread; the engine
 * runs the bots' callbacks on its own threads as usual. Not reusable after {@link #close}.
 */
public final class Backtest implements AutoCloseable {
    private final SimulatedMarket market;
    private final SimulatedClock clock;
    private final SolbotEngine engine;
    private final PaperExecutor paper;
    private final Duration step;
    private final List<Fill> fills = new ArrayList<>();
    private final List<OrderFailure> failures = new ArrayList<>();
    /** The latest time the executor's latency may advance the market to; see the class comment. */
    private volatile Instant horizon;

    private Backtest(Builder b) {
        this.market = b.market;
        this.step = b.step;
        // events due at the start apply before any bot starts, so that onStart sees them too
        market.advanceTo(market.now());
        this.clock = SimulatedClock.startingAt(market.now(), step, b.straggleAfter);
        this.horizon = market.now();
        this.paper = PaperExecutor.builder(b.paper, market)
                .timeline(this::advanceMarketTo)
                .build();
        EngineBuilder engineBuilder = SolbotEngine.builder();
        b.engine.accept(engineBuilder);
        if (b.safety != null) {
            SafetyGate.Builder gate =
                    SafetyGate.builder(market).executor(paper).clock(clock).inline();
            b.safety.accept(gate);
            engineBuilder.orderCheck(gate.build());
        }
        this.engine = engineBuilder
                .clock(clock)
                .marketData(market)
                .swapExecutor(new Recording(paper))
                .build();
    }

    /**
     * A builder for a backtest on {@code market}: it starts at the market's time, with {@link
     * PaperSettings#defaults(long) PaperSettings.defaults(1)} and steps of one second.
     */
    public static Builder builder(SimulatedMarket market) {
        return new Builder(market);
    }

    /** The engine: start bots on it before {@link #runUntil}; its clock, market and executor are the backtest's. */
    public SolbotEngine engine() {
        return engine;
    }

    public SimulatedMarket market() {
        return market;
    }

    /** The simulated time the run has reached. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Steps until {@code end} (the last step may be shorter), then returns what the run traded so far. May be called
     * again with a later time to continue.
     */
    public Result runUntil(Instant end) {
        Objects.requireNonNull(end, "end");
        onVirtualThread(() -> {
            Instant now = clock.instant();
            while (now.isBefore(end)) {
                Instant next = earlier(now.plus(step), end);
                advance(now, next, earlier(next.plus(step), end));
                now = next;
            }
        });
        return result();
    }

    /** Steps until the market has no more events (a recording or a scripted series has run out), then returns. */
    public Result runToEnd() {
        onVirtualThread(() -> {
            Instant now = clock.instant();
            while (market.nextEventTime().isPresent()) {
                Instant next = now.plus(step);
                advance(now, next, next.plus(step));
                now = next;
            }
        });
        return result();
    }

    /**
     * Runs the stepping loop on a virtual thread: it waits for the engine's jobs (virtual threads too) at every
     * step, and a virtual thread is woken several times more cheaply than a platform thread. Only from JDK 24 on
     * (JEP 491): before, the loop's waits inside the clock's monitor would pin a carrier thread, which on a
     * one-core machine is the only one.
     */
    private static void onVirtualThread(Runnable loop) {
        if (Runtime.version().feature() < 24) {
            loop.run();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofVirtual().name("solbot-backtest").start(() -> {
            try {
                loop.run();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the backtest ran", e);
        }
        switch (failure[0]) {
            case null -> {}
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure[0]);
        }
    }

    /**
     * One step: the market to {@code to}, then the clock, whose orders may advance the market up to {@code
     * nextStepEnd}, where the next step (or the next call's, after a {@link #runToEnd} that stopped because the
     * market had no more events) starts.
     */
    private void advance(Instant from, Instant to, Instant nextStepEnd) {
        advanceMarketNoEarlierThan(to);
        horizon = nextStepEnd;
        clock.advance(Duration.between(from, to));
        horizon = to;
    }

    /**
     * The executor's timeline: the market to {@code time}, bounded by the {@link #horizon}, and never back. Outside
     * a step (orders executed at {@link #close}) the horizon is the clock's time, so latency moves nothing.
     */
    private void advanceMarketTo(Instant time) {
        advanceMarketNoEarlierThan(earlier(time, horizon));
    }

    private void advanceMarketNoEarlierThan(Instant time) {
        // the check and the advance under the market's own lock, which advanceTo takes too
        synchronized (market) {
            if (time.isAfter(market.now())) {
                market.advanceTo(time);
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The paper wallet labelled {@code wallet} of {@code botId} as of the market's time: what the bot's fills, fees and
     * tips left of its starting SOL, and its tokens (without prices). Still answers after {@link #close}.
     */
    public WalletBalances wallet(BotId botId, String wallet) {
        return paper.balances(botId, wallet).orElseThrow();
    }

    /** What the run traded so far: every fill and failure in the order the executor produced them. */
    public synchronized Result result() {
        return new Result(fills, failures, market.eventsApplied());
    }

    /**
     * The paper executor, recording each outcome for {@link #result}; everything else passes through, so that the
     * strategies see the paper executor's wallets, capabilities and quotes.
     */
    private final class Recording implements SwapExecutor {
        private final SwapExecutor paper;

        Recording(SwapExecutor paper) {
            this.paper = paper;
        }

        @Override
        public SwapOutcome execute(SwapOrder order) {
            return record(paper.execute(order));
        }

        @Override
        public Optional<SwapOutcome> resolve(SwapOrder order) {
            return paper.resolve(order);
        }

        @Override
        public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
            return paper.quote(mint, side, amountIn, slippageBps);
        }

        @Override
        public Optional<WalletBalances> balances(BotId botId, String wallet) {
            return paper.balances(botId, wallet);
        }

        @Override
        public Set<String> capabilities() {
            return paper.capabilities();
        }

        @Override
        public Optional<String> refusal(BotId botId, Instant at) {
            return paper.refusal(botId, at);
        }

        @Override
        public void simulateBotWith(BotId botId, UnaryOperator<PaperSettings> settings) {
            paper.simulateBotWith(botId, settings);
        }
    }

    private synchronized SwapOutcome record(SwapOutcome outcome) {
        switch (outcome) {
            case SwapOutcome.Filled f -> fills.addAll(f.fills());
            case SwapOutcome.Failed f -> {
                fills.addAll(f.partialFills());
                failures.add(f.failure());
            }
        }
        return outcome;
    }

    /** Shuts the engine down (orders still deferred are executed first); the market stays open. */
    @Override
    public void close() {
        engine.shutdown(Duration.ofSeconds(10));
    }

    /**
     * Everything a run traded, in the order the executor produced it.
     *
     * @param fills every fill, partial fills of failed orders included
     * @param failures every failed order
     * @param events how many market events the market had applied
     */
    public record Result(List<Fill> fills, List<OrderFailure> failures, long events) {
        public Result {
            fills = List.copyOf(fills);
            failures = List.copyOf(failures);
        }

        /**
         * SHA-256 (hex) over every field of every fill, then of every failure, one line each: two runs with equal
         * fingerprints traded the same, byte for byte.
         */
        public String fingerprint() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Fill f : fills) {
                    sha.update(line(f).getBytes(StandardCharsets.UTF_8));
                }
                for (OrderFailure f : failures) {
                    sha.update(line(f).getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private static String line(Fill f) {
            return String.join(
                            "|",
                            f.orderId().value(),
                            f.botId().value(),
                            f.mint().address(),
                            f.side().name(),
                            f.amountIn().raw().toString(),
                            f.amountOut().raw().toString(),
                            f.price().value().toPlainString(),
                            Long.toString(f.fee().value()),
                            Long.toString(f.tip().value()),
                            f.signature().value(),
                            Integer.toString(f.part()),
                            Integer.toString(f.parts()),
                            f.submittedAt().toString(),
                            f.filledAt().toString())
                    + "\n";
        }

        private static String line(OrderFailure f) {
            return String.join(
                            "|",
                            f.orderId().value(),
                            f.mint().address(),
                            f.side().name(),
                            f.stage(),
                            f.reason(),
                            f.at().toString(),
                            Long.toString(f.fee().value()),
                            Long.toString(f.tip().value()))
                    + "\n";
        }
    }

    /** Builds a {@link Backtest}. Not thread-safe. */
    public static final class Builder {
        private final SimulatedMarket market;
        private PaperSettings paper = PaperSettings.defaults(1);
        private Duration step = Duration.ofSeconds(1);
        private Duration straggleAfter = Duration.ofSeconds(30);
        private Consumer<EngineBuilder> engine = b -> {};
        private Consumer<SafetyGate.Builder> safety;

        private Builder(SimulatedMarket market) {
            this.market = Objects.requireNonNull(market, "market");
        }

        /** How the paper executor trades against the market (its seed included). */
        public Builder paper(PaperSettings settings) {
            this.paper = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * How far each step moves the market and the clock, and the clock's resolution: a tick due within a step runs
         * at the step's end and sees the market as of then. Between 1 ms and 1 s; default 1 s.
         *
         * @throws IllegalArgumentException if {@code step} is outside that range
         */
        public Builder step(Duration step) {
            if (step.compareTo(Duration.ofMillis(1)) < 0 || step.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("step must be between 1 ms and 1 s, but was " + step);
            }
            this.step = step;
            return this;
        }

        /**
         * Configures the engine: strategy providers, seed, stores, subscribers, limits. Its clock, market data and
         * executor are set by the backtest and override what {@code configure} sets.
         */
        public Builder engine(Consumer<EngineBuilder> configure) {
            this.engine = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /**
         * Holds every buy to a {@link SafetyGate} over the backtest's market and paper executor, as a live engine
         * would: the built-in checks on the simulated accounts, pools and holders, cached on the backtest's clock, run
         * on the placing bot's thread ({@link SafetyGate.Builder#inline()}) so that a seed gives the same verdicts on
         * every run. {@code configure} may add checks or change limits. Off by default.
         */
        public Builder safetyChecks(Consumer<SafetyGate.Builder> configure) {
            this.safety = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /** {@link #safetyChecks(Consumer)} with the built-in checks and default limits. */
        public Builder safetyChecks() {
            return safetyChecks(b -> {});
        }

        /**
         * Starts the backtest: applies the market's events due at its start and builds the engine.
         *
         * @throws io.solbot.core.SolbotException if the engine refuses a provider
         */
        public Backtest build() {
            return new Backtest(this);
        }
    }
}
