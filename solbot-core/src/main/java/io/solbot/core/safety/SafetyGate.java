package io.solbot.core.safety;

import io.solbot.core.SolbotException;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.engine.OrderCheck;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.market.MarketData;
import io.solbot.core.solana.account.MintAccount;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link OrderCheck} that holds every buy to a {@link SafetyVerdict} on its token: add it with {@code
 * EngineBuilder.orderCheck(gate)}, and each buy a strategy places is checked before it is journalled, a refusal being
 * an {@code OrderRefused} event whose reason carries the score and every finding. Sells always pass: a bot must be
 * able to leave.
 *
 * <p>Which checks run for a bot is its config's {@link StrategyConfig#safety()} (every check for other configs).
 * Results are cached per token and check for {@code ttl}; a token whose results are missing or stale is checked
 * <em>off the tick</em>: the checks run on virtual threads with a {@code deadline}, and a later buy reads the verdict.
 * Meanwhile a buy of a token never checked is refused at once ("the checks are running"), while a buy of a token whose
 * verdict has only gone stale is decided by that verdict until the new one is in (stale-while-revalidate), so a known
 * token's buys are not refused every {@code ttl}. So a slow check never holds up a bot's tick. A check that
 * throws or overruns its deadline fails with weight 100 (fails closed) unless the gate is built to fail open, when it
 * only warns with weight 0.
 *
 * <p>{@link Builder#inline()} runs the checks on the placing bot's thread instead, without a deadline: for simulated
 * markets, whose reads are in memory, so that a backtest gives the same verdicts on every run.
 *
 * <p>Threading: thread-safe; called on many bots' lanes at once.
 */
public final class SafetyGate implements OrderCheck {
    private final MarketData market;
    private final SwapExecutor executor;
    private final List<SafetyCheck> checks;
    private final SafetyLimits limits;
    private final Duration deadline;
    private final boolean failOpen;
    private final boolean inline;
    private final Executor runner;
    private final VerdictCache cache;
    private final Set<Mint> running = ConcurrentHashMap.newKeySet();

    private SafetyGate(Builder b) {
        this.market = b.market;
        this.executor = b.executor;
        this.checks = List.copyOf(b.checks);
        this.limits = b.limits;
        this.deadline = b.deadline;
        this.failOpen = b.failOpen;
        this.inline = b.inline;
        this.cache = new VerdictCache(b.ttl, b.clock, b.limits.maxRisk());
        ThreadFactory threads = Thread.ofVirtual().name("solbot-safety").factory();
        this.runner =
                b.runner != null ? b.runner : task -> threads.newThread(task).start();
    }

    /** A builder of a gate over {@code market}: the built-in checks, default limits, 30 s cache, 5 s deadline. */
    public static Builder builder(MarketData market) {
        return new Builder(market);
    }

    /** The ids of the gate's checks, in order. */
    public List<String> checkIds() {
        return checks.stream().map(SafetyCheck::id).toList();
    }

    /** The gate's thresholds. */
    public SafetyLimits limits() {
        return limits;
    }

    @Override
    public Optional<String> check(Request order) {
        if (order.side() != Side.BUY) {
            return Optional.empty();
        }
        List<SafetyCheck> selected = selected(choiceOf(order.spec().config()));
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        Mint mint = order.mint();
        Optional<SafetyVerdict> verdict = cache.verdict(mint, selected, false);
        if (verdict.isEmpty()) {
            if (inline) {
                verdict = Optional.of(verdictNow(mint, selected));
            } else {
                startChecking(mint, selected);
                // a stale verdict decides until the new one is in; only a token never checked must wait
                verdict = cache.verdict(mint, selected, true);
                if (verdict.isEmpty()) {
                    return Optional.of("safety: the checks of " + mint
                            + " are running; its buys are refused until their verdict is in");
                }
            }
        }
        return verdict.get().allows()
                ? Optional.empty()
                : Optional.of("safety refused " + mint + ": " + verdict.get().summary());
    }

    /**
     * The verdict on {@code mint} under {@code choice}, from the cache where it is fresh, the missing checks run now on
     * the calling thread's behalf (each within the deadline unless the gate is inline). Blocks up to the deadline.
     */
    public SafetyVerdict verdict(Mint mint, SafetyChoice choice) {
        return verdictNow(Objects.requireNonNull(mint, "mint"), selected(choice));
    }

    /** The verdict on {@code mint} under {@code choice} if every check it needs has a fresh result; never blocks. */
    public Optional<SafetyVerdict> cachedVerdict(Mint mint, SafetyChoice choice) {
        return cache.verdict(mint, selected(choice), false);
    }

    private static SafetyChoice choiceOf(Object config) {
        return config instanceof StrategyConfig c ? c.safety() : SafetyChoice.ALL;
    }

    private List<SafetyCheck> selected(SafetyChoice choice) {
        List<SafetyCheck> out = new ArrayList<>(checks.size());
        for (SafetyCheck c : checks) {
            if (choice.runs(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    private SafetyVerdict verdictNow(Mint mint, List<SafetyCheck> selected) {
        Optional<SafetyVerdict> cached = cache.verdict(mint, selected, false);
        if (cached.isPresent()) {
            return cached.get();
        }
        cache.store(mint, evaluate(mint, cache.due(mint, selected)));
        // every selected check has a result now; on a clock that moved past the ttl meanwhile it is already stale
        return cache.verdict(mint, selected, true)
                .orElseThrow(() -> new IllegalStateException("no results were stored for " + mint));
    }

    /** Starts checking {@code mint} off the caller's thread, unless a check of it is already under way. */
    private void startChecking(Mint mint, List<SafetyCheck> selected) {
        if (!running.add(mint)) {
            return;
        }
        try {
            runner.execute(() -> {
                try {
                    cache.store(mint, evaluate(mint, cache.due(mint, selected)));
                } finally {
                    running.remove(mint);
                }
            });
        } catch (RuntimeException e) {
            running.remove(mint);
            throw e;
        }
    }

    /** Runs {@code due} on {@code mint}: inline one after another, or each on its own thread within the deadline. */
    private Map<String, CheckResult> evaluate(Mint mint, List<SafetyCheck> due) {
        Context context = new Context(mint);
        Map<String, CheckResult> out = new LinkedHashMap<>();
        if (inline) {
            for (SafetyCheck c : due) {
                CheckResult result;
                try {
                    result = Objects.requireNonNull(c.check(context), "the check returned null");
                } catch (RuntimeException e) {
                    result = couldNotCheck(e);
                }
                out.put(c.id(), result);
            }
            return out;
        }
        Map<SafetyCheck, FutureTask<CheckResult>> tasks = new LinkedHashMap<>();
        for (SafetyCheck c : due) {
            FutureTask<CheckResult> task = new FutureTask<>(() -> c.check(context));
            tasks.put(c, task);
            Thread.ofVirtual().name("solbot-safety-" + c.id()).start(task);
        }
        long end = System.nanoTime() + deadline.toNanos();
        for (Map.Entry<SafetyCheck, FutureTask<CheckResult>> e : tasks.entrySet()) {
            FutureTask<CheckResult> task = e.getValue();
            CheckResult result;
            try {
                result = Objects.requireNonNull(
                        task.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS),
                        "the check returned null");
            } catch (TimeoutException t) {
                task.cancel(true);
                result = couldNotCheck(new SafetyDataException(
                        "it did not answer within the deadline of " + deadline.toMillis() + " ms"));
            } catch (ExecutionException x) {
                result = couldNotCheck(x.getCause());
            } catch (InterruptedException i) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                result = couldNotCheck(i);
            } catch (RuntimeException r) {
                result = couldNotCheck(r);
            }
            out.put(e.getKey().id(), result);
        }
        return out;
    }

    private CheckResult couldNotCheck(Throwable e) {
        String why =
                e instanceof SolbotException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return failOpen
                ? CheckResult.warn("could not check (" + why + "); ignored, as the gate fails open", 0)
                : CheckResult.fail("could not check, so it fails closed: " + why, 100);
    }

    /** One evaluation's view of a token; the mint account is read and decoded once, by the first check to ask. */
    private final class Context implements SafetyContext {
        private final Mint mint;
        // a FutureTask, not a synchronized method: the read may block on the network, and the checks asking for it at
        // once are virtual threads, which a monitor would pin to their carriers on JDK 21
        private final FutureTask<MintAccount> mintAccount;

        Context(Mint mint) {
            this.mint = mint;
            this.mintAccount = new FutureTask<>(() -> market.account(mint.address())
                    .orElseThrow(() -> new SafetyDataException("the market has no account data for " + mint))
                    .mint());
        }

        @Override
        public Mint mint() {
            return mint;
        }

        @Override
        public MarketData market() {
            return market;
        }

        @Override
        public Optional<SwapExecutor> executor() {
            return Optional.ofNullable(executor);
        }

        @Override
        public SafetyLimits limits() {
            return limits;
        }

        @Override
        public MintAccount mintAccount() {
            mintAccount.run(); // reads on the first call only; a call while another reads returns at once
            try {
                return mintAccount.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new SafetyDataException("reading the mint account of " + mint + " failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SafetyDataException("interrupted while the mint account of " + mint + " was read");
            }
        }
    }

    /** Builds a {@link SafetyGate}. Not thread-safe. */
    public static final class Builder {
        private final MarketData market;
        private SwapExecutor executor;
        private final List<SafetyCheck> checks = new ArrayList<>();
        private boolean builtIns = true;
        private SafetyLimits limits = SafetyLimits.DEFAULTS;
        private Duration ttl = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofSeconds(5);
        private boolean failOpen;
        private InstantSource clock = InstantSource.system();
        private boolean inline;
        private Executor runner;

        private Builder(MarketData market) {
            this.market = Objects.requireNonNull(market, "market");
        }

        /** The executor the honeypot check quotes and tries sells with; without one that check fails closed. */
        public Builder executor(SwapExecutor value) {
            this.executor = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Adds a check, after the built-in ones. */
        public Builder check(SafetyCheck value) {
            checks.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Leaves the built-in checks out: only the checks added run. */
        public Builder withoutBuiltInChecks() {
            this.builtIns = false;
            return this;
        }

        /**
         * Adds every check found with {@link ServiceLoader} (on the module path, or {@code
         * META-INF/services/io.solbot.core.safety.SafetyCheck} on the class path).
         *
         * @throws SolbotException naming each check that could not be loaded, and why
         */
        public Builder discoverChecks() {
            List<String> failures = new ArrayList<>();
            for (ServiceLoader.Provider<SafetyCheck> p :
                    ServiceLoader.load(SafetyCheck.class).stream().toList()) {
                try {
                    checks.add(p.get());
                } catch (ServiceConfigurationError | RuntimeException e) {
                    failures.add(p.type().getName() + " (in " + where(p.type()) + "): " + e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new SolbotException("safety checks could not be loaded: " + String.join("; ", failures));
            }
            return this;
        }

        private static String where(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? "an unknown jar" : String.valueOf(source.getLocation());
        }

        /** The thresholds; {@link SafetyLimits#DEFAULTS} by default. */
        public Builder limits(SafetyLimits value) {
            this.limits = Objects.requireNonNull(value, "value");
            return this;
        }

        /** How long a token's results are reused, positive; 30 s by default. */
        public Builder ttl(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, but was " + value);
            }
            this.ttl = value;
            return this;
        }

        /** How long the checks of one token may take together, positive; 5 s by default. */
        public Builder deadline(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, but was " + value);
            }
            this.deadline = value;
            return this;
        }

        /** A check that throws or overruns its deadline only warns, with weight 0, instead of failing with 100. */
        public Builder failOpen() {
            this.failOpen = true;
            return this;
        }

        /** The clock the cache ages on; the engine's clock for a simulated engine. System time by default. */
        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Runs the checks on the placing bot's thread, without a deadline: for simulated markets (see the class). */
        public Builder inline() {
            this.inline = true;
            return this;
        }

        /** Where checking a token off the tick is started; a new virtual thread each time by default. */
        public Builder runner(Executor value) {
            this.runner = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds the gate.
         *
         * @throws IllegalArgumentException if it has no check, or two checks share an id
         */
        public SafetyGate build() {
            List<SafetyCheck> all = new ArrayList<>();
            if (builtIns) {
                all.addAll(BuiltInChecks.all());
            }
            all.addAll(checks);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("a safety gate needs at least one check");
            }
            Set<String> ids = new HashSet<>();
            for (SafetyCheck c : all) {
                if (!ids.add(Objects.requireNonNull(c.id(), "a check's id"))) {
                    throw new IllegalArgumentException("two safety checks have the id '" + c.id() + "' ("
                            + c.getClass().getName() + ")");
                }
            }
            checks.clear();
            checks.addAll(all);
            return new SafetyGate(this);
        }
    }

    @Override
    public String toString() {
        return "safety gate " + checkIds();
    }
}
