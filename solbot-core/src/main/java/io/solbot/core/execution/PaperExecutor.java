package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.market.TradeRefusedException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * resolved, never executed twice. An order the log does not hold never reached the executor, and resolves as failed;
 * unless the log has dropped outcomes of orders submitted as late as it (see {@link Builder#retainOutcomesSince}):
 * then it is unknown, and {@link #resolve} answers empty. If the log cannot take an outcome (a full disk), {@link
 * #execute} throws, and the order, which did run against the market, resolves to its outcome in this process (its
 * line is written then, if the log takes it by then). Without a log file, {@link #resolve} knows nothing (and answers
 * empty).
 *
 * <p>Daily limit: {@code maxDailyTrades} counts, per bot and UTC day of submission, the orders that filled in whole or
 * in part. With an execution log the count survives a restart: a new executor rebuilds it from the orders the log
 * holds (the log keeps the day's segments), so a restarted process does not grant a bot a fresh day's allowance.
 *
 * <p>Wallets: each bot trades from paper wallets, one per wallet label ({@link SwapOrder#wallet()}), each starting with
 * the SOL {@link PaperSettings#wallets()} gives it and moved by that bot's fills and fees; a buy its wallet cannot pay
 * (amount, fee and the most tip it may pay) fails at the send stage, at no cost. {@link #balances} reports them. They
 * live in memory: a new executor's wallets start afresh, like the simulated market a paper run trades on. See {@link
 * PaperWallets}.
 *
 * <p>Construction: {@code PaperExecutor.builder(settings, market)}, optionally with {@link Builder#timeline}, {@link
 * Builder#executionLog}, {@link Builder#retainOutcomesSince} and {@link Builder#rotateAfter}, then {@link
 * Builder#build()}.
 *
 * <p>Threading: thread-safe. Trades against the market are atomic; the daily trade count is kept per bot.
 */
public final class PaperExecutor implements SwapExecutor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PaperExecutor.class);

    private final PaperSettings settings;
    private final SimulatedMarket market;
    private final Timeline timeline;
    private final PaperQuotes quotes;
    /** How orders run: by the executor's settings, or by a bot's own ({@link #simulateBotWith}). */
    private record Simulation(PaperSettings settings, PaperQuotes quotes) {}

    private final Simulation defaults;
    private final Map<BotId, Simulation> perBot = new ConcurrentHashMap<>();
    private final DailyTradeLimit dailyTrades;
    private final PaperWallets wallets;
    /** Null without an execution log file. */
    private final ExecutionLog executionLog;
    /** Orders that ran but whose outcome the log could not take, by order id. */
    private final Map<OrderId, Unlogged> unlogged = new ConcurrentHashMap<>();

    private record Unlogged(SwapOrder order, SwapOutcome outcome) {}

    private PaperExecutor(Builder b) {
        this.settings = b.settings;
        this.market = b.market;
        this.timeline = b.timeline;
        this.quotes = new PaperQuotes(settings, market);
        this.defaults = new Simulation(settings, quotes);
        this.dailyTrades = new DailyTradeLimit();
        this.wallets = new PaperWallets(settings.wallets());
        this.executionLog = b.executionLog == null
                ? null
                : new ExecutionLog(
                        b.executionLog, b.rotateAfter, b.maxSegments, b.oldestOpenIntent, b.opener, dailyTrades::count);
    }

    /**
     * A builder for an executor with {@code settings} trading on {@code market}: by default it keeps what it executed
     * in memory only, on {@link Timeline#none()}.
     */
    public static Builder builder(PaperSettings settings, SimulatedMarket market) {
        return new Builder(settings, market);
    }

    /**
     * What became of {@code order}: its outcome as the execution log holds it (or, for an order this executor ran
     * and could not log, as it ran); or a failure if the log does not hold it (the order never reached this executor,
     * or the process died before it returned, which on paper means the same: the simulated market it traded against
     * died with it). Empty without an execution log, and empty (unknown) for an order the log holds no outcome of but
     * may have dropped, being as old as outcomes it dropped.
     *
     * @throws java.io.UncheckedIOException if a segment of the log could not be read: ask again later
     */
    @Override
    public Optional<SwapOutcome> resolve(SwapOrder order) {
        if (executionLog == null) {
            return Optional.empty();
        }
        Optional<SwapOutcome> logged = executionLog.outcome(order.orderId());
        if (logged.isPresent()) {
            return logged;
        }
        Unlogged ran = unlogged.get(order.orderId());
        if (ran != null) {
            try {
                executionLog.append(ran.order(), ran.outcome());
                unlogged.remove(order.orderId());
            } catch (RuntimeException e) {
                log.warn(
                        "Order {} ran and its outcome is still not in the paper execution log: {}",
                        order.orderId(),
                        e.toString());
            }
            return Optional.of(ran.outcome());
        }
        if (executionLog.mayHaveDropped(order.submittedAt())) {
            log.warn(
                    "Order {} of bot '{}', submitted at {}, is in no segment of the paper execution log, and segments"
                            + " with orders as old were dropped: its outcome is unknown",
                    order.orderId(),
                    order.botId(),
                    order.submittedAt());
            return Optional.empty();
        }
        return Optional.of(SimulatedOrder.failedBeforeRunning(
                order,
                "recovery",
                "the order never reached the paper executor (it is not in " + executionLog.files() + ")"));
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
        return quotes.quote(mint, side, amountIn, slippageBps, market.now());
    }

    /** Tries the swap on the simulated pool as it is now, without moving it; a honeypot's sell reverts. */
    @Override
    public Optional<DryRun> dryRun(Mint mint, Side side, TokenAmount amountIn) {
        try {
            return Optional.of(
                    new DryRun(Optional.of(market.dryRun(mint, side, amountIn)), "tried on the simulated pool"));
        } catch (TradeRefusedException e) {
            return Optional.of(new DryRun(Optional.empty(), e.getMessage()));
        }
    }

    /**
     * The paper wallet labelled {@code wallet} of {@code botId}, as of the market's time (a wallet not used yet holds
     * its starting SOL); tokens without prices.
     */
    @Override
    public Optional<WalletBalances> balances(BotId botId, String wallet) {
        return Optional.of(wallets.of(botId, wallet).balances(market.now()));
    }

    /** Wallet balances, and any number of wallets per bot. */
    @Override
    public Set<String> capabilities() {
        return Set.of("wallet-balances", "multi-wallet");
    }

    /**
     * Runs {@code order} against the market and, with an execution log, records its outcome there before returning
     * it.
     *
     * @throws java.io.UncheckedIOException if the log could not take the outcome: the order ran, and {@link #resolve}
     *     answers its outcome
     */
    /**
     * Simulates {@code botId}'s orders with the settings {@code settings} makes of this executor's own, from now on;
     * a bot whose settings come out as the executor's own is simulated as every other. The wallets stay this
     * executor's: only how an order runs (model, seed, latency, failures, partial fills, slippage cap, daily trades)
     * is the bot's own.
     */
    @Override
    public void simulateBotWith(BotId botId, UnaryOperator<PaperSettings> settings) {
        PaperSettings own = Objects.requireNonNull(settings.apply(this.settings), "paper settings of " + botId);
        if (own.equals(this.settings)) {
            perBot.remove(botId);
        } else {
            perBot.put(botId, new Simulation(own, new PaperQuotes(own, market)));
        }
    }

    @Override
    public SwapOutcome execute(SwapOrder order) {
        SwapOutcome outcome = simulate(order);
        if (executionLog != null) {
            try {
                executionLog.append(order, outcome);
            } catch (RuntimeException e) {
                unlogged.put(order.orderId(), new Unlogged(order, outcome));
                throw e;
            }
        }
        return outcome;
    }

    /** A bot whose day has no trade left ({@code maxDailyTrades}, its own settings' or the executor's). */
    @Override
    public Optional<String> refusal(BotId botId, Instant at) {
        int maxDailyTrades = perBot.getOrDefault(botId, defaults).settings().maxDailyTrades();
        return dailyTrades.isFull(botId, at, maxDailyTrades)
                ? Optional.of(DailyTradeLimit.refusal(botId, at, maxDailyTrades))
                : Optional.empty();
    }

    /** The daily limit first; an order it admits runs its stages, and gives its trade back if nothing filled. */
    private SwapOutcome simulate(SwapOrder order) {
        Simulation sim = perBot.getOrDefault(order.botId(), defaults);
        int maxDailyTrades = sim.settings().maxDailyTrades();
        if (!dailyTrades.reserve(order, maxDailyTrades)) {
            return SimulatedOrder.failedBeforeRunning(order, "limit", DailyTradeLimit.refusal(order, maxDailyTrades));
        }
        SimulatedOrder run = new SimulatedOrder(
                order, sim.settings(), market, sim.quotes(), timeline, wallets.of(order.botId(), order.wallet()));
        try {
            return run.run();
        } finally {
            if (!run.filledAny()) {
                dailyTrades.release(order);
            }
        }
    }

    /**
     * Builds a {@link PaperExecutor}. Settings and market are required; the rest has defaults.
     *
     * <p>Threading: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final PaperSettings settings;
        private final SimulatedMarket market;
        private Timeline timeline = Timeline.none();
        private Path executionLog;
        private int rotateAfter = ExecutionLog.DEFAULT_ROTATE_AFTER;
        private int maxSegments = ExecutionLog.DEFAULT_MAX_SEGMENTS;
        private Supplier<Optional<Instant>> oldestOpenIntent;
        private ExecutionLog.Opener opener = FileChannel::open;

        private Builder(PaperSettings settings, SimulatedMarket market) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.market = Objects.requireNonNull(market, "market");
        }

        /** Where the executor spends its latencies; {@link Timeline#none()} by default. */
        public Builder timeline(Timeline timeline) {
            this.timeline = Objects.requireNonNull(timeline, "timeline");
            return this;
        }

        /**
         * Records every outcome durably in {@code file} (JSON lines, created if missing, one file per executor) and
         * reads what an earlier process recorded there, to {@link PaperExecutor#resolve} its orders. None by default: the
         * executor then keeps what it executed in memory only.
         */
        public Builder executionLog(Path file) {
            this.executionLog = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Ties the execution log's retention to the orders still journalled: {@code oldestOpenIntent} answers when the
         * oldest order intent still journalled anywhere (by any bot, running or not) was created, or empty if there
         * is none. The log drops a segment of outcomes only if every order in it was submitted before that (and not
         * on the day of its newest order, which the daily trade limit counts at boot). If it throws, nothing is
         * dropped that time.
         *
         * <p>Without it the log cannot tell which outcomes are still needed: it keeps segments up to a generous
         * number (400,000 outcomes), drops the oldest beyond with a WARN, and answers an order older than what it
         * dropped as unknown. A host with a journal on disk gives it, for example {@code
         * journal::oldestPendingIntent} of solbot-persistence's {@code LockfileJournal}.
         *
         * <p>Called after a rotation of the log, on the thread of the order that filled the segment.
         */
        public Builder retainOutcomesSince(Supplier<Optional<Instant>> oldestOpenIntent) {
            this.oldestOpenIntent = Objects.requireNonNull(oldestOpenIntent, "oldestOpenIntent");
            return this;
        }

        /**
         * How many outcomes a segment of the execution log holds before the log rotates to a new one; 20,000 by
         * default. Segments are kept as {@link #retainOutcomesSince} says, whatever their size: a smaller one lets
         * the log drop what no journalled order needs sooner, and makes a process that looks an old order up read
         * less.
         *
         * @throws IllegalArgumentException if {@code lines} is less than 1
         */
        public Builder rotateAfter(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("rotateAfter must be at least 1, but was " + lines);
            }
            this.rotateAfter = lines;
            return this;
        }

        /** For tests: keeps at most {@code segments} rotated segments without a retention hook. */
        Builder maxSegments(int segments) {
            this.maxSegments = segments;
            return this;
        }

        /** For tests: opens the execution log's files through {@code opener}, which may fail writes. */
        Builder opener(ExecutionLog.Opener opener) {
            this.opener = Objects.requireNonNull(opener, "opener");
            return this;
        }

        /**
         * @throws io.solbot.core.SolbotException if the execution log is damaged (a line other than the last cannot
         *     be read) or another executor has it open
         * @throws java.io.UncheckedIOException if the execution log cannot be read or opened for appending
         */
        public PaperExecutor build() {
            return new PaperExecutor(this);
        }
    }
}
