package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.T0;
import static io.solbot.core.engine.Scripted.TENTH_SOL;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.PermanentStoreRefusal;
import io.solbot.core.testing.FillAtPriceExecutor;
import io.solbot.core.testing.Fills;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A second engine on the stores and journal a first one left behind (as a crashed process leaves them) picks up where
 * the first left off: positions, trades, strategy state, orders in flight resolved and never sent again.
 */
class RecoveryTest {
    private static final BotId BOT = BotId.of("bot");

    /** Each tick takes the next command ("buy", "sell") from the queue and keeps the result. */
    static final class Commands implements Strategy {
        final Queue<String> commands = new ConcurrentLinkedQueue<>();
        final List<OrderResult> results = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> stateAtStart = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(StrategyContext ctx) {
            stateAtStart.add(ctx.state().asMap());
        }

        @Override
        public void onTick(StrategyContext ctx) {
            String command = commands.poll();
            if ("buy".equals(command)) {
                results.add(ctx.orders().buy(MINT, TENTH_SOL));
            } else if ("sell".equals(command)) {
                TokenAmount held = ctx.positions().getFirst().quantity();
                results.add(ctx.orders().sell(MINT, held));
            } else if (command != null && command.startsWith("put ")) {
                ctx.state().put("last", command.substring(4));
            }
        }
    }

    /** An executor that resolves from a map and counts what it is asked to execute. */
    static class ResolvingExecutor implements SwapExecutor {
        final Map<OrderId, SwapOutcome> outcomes = new ConcurrentHashMap<>();
        final AtomicInteger executed = new AtomicInteger();
        final AtomicInteger resolved = new AtomicInteger();
        final FillAtPriceExecutor delegate;

        ResolvingExecutor(FillAtPriceExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public SwapOutcome execute(SwapOrder order) {
            executed.incrementAndGet();
            return delegate.execute(order);
        }

        @Override
        public Optional<SwapOutcome> resolve(SwapOrder order) {
            resolved.incrementAndGet();
            return Optional.ofNullable(outcomes.get(order.orderId()));
        }
    }

    private static Scripted.Fixture secondEngine(Scripted.Fixture first, SwapExecutor executor, Instant at) {
        return new Scripted.Fixture(
                SimulatedClock.startingAt(at, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.runStatusStore(first.stores)
                        .fillStore(first.stores)
                        .journal(first.stores)
                        .swapExecutor(executor)
                        .intentExpiry(Duration.ofMinutes(1))
                        .storeRetryInterval(Duration.ofMillis(5)));
    }

    private static Fill buyFill(OrderId orderId, int part, int parts, long lamports) {
        return Fills.buy(MINT, Lamports.of(lamports), TokenAmount.of(lamports, 6))
                .bot(BOT)
                .order(orderId)
                .part(part, parts)
                .fee(5_000)
                .submittedAt(T0)
                .at(T0.plusMillis(400))
                .build();
    }

    private static JournalEntry entryWithIntent(String owner, OrderIntent intent, RunStatus status) {
        return new JournalEntry(
                BOT, "scripted", status, "hash", owner, List.of(intent), Map.of(), List.of(), List.of(), T0);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 5 s").isTrue();
    }

    @Test
    void shouldRestorePositionsTradeCountAndStrategyStateWhenASecondEngineRecoversTheBot() {
        Commands first = new Commands();
        Scripted.Fixture one = new Scripted.Fixture();
        one.engine.start(spec("bot", () -> first).maxTrades(5).build());
        first.commands.addAll(List.of("buy", "put 42", "buy"));
        one.advance(Duration.ofSeconds(4));
        assertThat(one.status("bot").ordersFilled()).isEqualTo(2);
        // the first process dies here: no shutdown, its journal entry stays

        Commands second = new Commands();
        try (Scripted.Fixture two = secondEngine(one, new ResolvingExecutor(one.executor), T0.plusSeconds(60))) {
            BotStatus status =
                    two.engine.recover(spec("bot", () -> second).maxTrades(5).build());

            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(status.ordersFilled()).isEqualTo(2);
            assertThat(status.openPositions()).isEqualTo(1);
            two.advance(Duration.ofSeconds(1));
            assertThat(second.stateAtStart).containsExactly(Map.of("last", "42"));
            second.commands.add("sell");
            two.advance(Duration.ofSeconds(2));
            assertThat(second.results).singleElement().isInstanceOf(OrderResult.Submitted.class);
            assertThat(two.status("bot").openPositions()).isZero();
            assertThat(one.stores.trades.fills(BOT)).hasSize(3);
            assertThat(one.stores.trades.fills(BOT).stream().map(Fill::orderId).distinct())
                    .as("no order id of the first run comes up again")
                    .hasSize(3);
        }
    }

    @Test
    void shouldBringBackStrategyStateAndPositionsAfterAGracefulShutdownAsAfterACrash() {
        Commands first = new Commands();
        Scripted.Fixture one = new Scripted.Fixture();
        one.engine.start(spec("bot", () -> first).maxTrades(5).build());
        one.engine.start(spec("paused", Commands::new).build());
        first.commands.addAll(List.of("buy", "put 7"));
        one.advance(Duration.ofSeconds(3));
        one.engine.pause(BotId.of("paused"));
        assertThat(one.engine.shutdown(Duration.ofSeconds(5))).isTrue();

        Commands second = new Commands();
        try (Scripted.Fixture two = secondEngine(one, new ResolvingExecutor(one.executor), T0.plusSeconds(60))) {
            BotStatus status =
                    two.engine.recover(spec("bot", () -> second).maxTrades(5).build());
            BotStatus paused = two.engine.recover(spec("paused", Commands::new).build());

            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(status.openPositions()).isEqualTo(1);
            assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
            two.advance(Duration.ofSeconds(1));
            assertThat(second.stateAtStart).containsExactly(Map.of("last", "7"));
        }
    }

    @Test
    void shouldResolveAnOrderInFlightThroughTheExecutorStoreItsFillsOnceAndNeverSendItAgain() {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderId orderId = OrderId.of("in-flight-1");
        OrderIntent intent = new OrderIntent(orderId, MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent("1@gone-host", intent, RunStatus.RUNNING));
        Fill part1 = buyFill(orderId, 1, 2, 50_000_000);
        Fill part2 = buyFill(orderId, 2, 2, 50_000_000);
        // the crashed process stored the first part before it died
        one.stores.trades.record(part1);
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);
        executor.outcomes.put(orderId, new SwapOutcome.Filled(List.of(part1, part2)));

        try (Scripted.Fixture two = secondEngine(one, executor, T0.plusSeconds(10))) {
            Commands strategy = new Commands();
            BotStatus status = two.engine.recover(spec("bot", () -> strategy).build());

            assertThat(executor.resolved.get()).isEqualTo(1);
            assertThat(executor.executed.get())
                    .as("an order found in flight is never sent again")
                    .isZero();
            assertThat(one.stores.trades.fills(BOT)).containsExactly(part1, part2);
            assertThat(status.ordersFilled()).isEqualTo(1);
            assertThat(status.openPositions()).isEqualTo(1);
            assertThat(one.stores.load(BOT).orElseThrow().pendingIntents()).isEmpty();
            strategy.commands.add("sell");
            two.advance(Duration.ofSeconds(2));
            assertThat(two.status("bot").openPositions()).isZero();
            Fill sell = one.stores.trades.fills(BOT).getLast();
            assertThat(sell.amountIn())
                    .as("the position is both parts, not more")
                    .isEqualTo(TokenAmount.of(100_000_000, 6));
        }
    }

    @Test
    void shouldTreatAnOrderWhoseOutcomeStaysUnknownAsExpiredAndKeepItReservedUntilThen() {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderIntent intent = new OrderIntent(OrderId.of("unknown-1"), MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent("1@gone-host", intent, RunStatus.RUNNING));
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);

        try (Scripted.Fixture two = secondEngine(one, executor, T0.plusSeconds(10))) {
            Commands strategy = new Commands();
            two.engine.recover(spec("bot", () -> strategy).maxTrades(1).build());
            assertThat(one.stores.load(BOT).orElseThrow().pendingIntents()).containsExactly(intent);
            strategy.commands.add("buy");
            two.advance(Duration.ofSeconds(2));
            assertThat(strategy.results)
                    .singleElement()
                    .isInstanceOfSatisfying(
                            OrderResult.Refused.class,
                            r -> assertThat(r.reason()).contains("maxTrades 1 reached"));

            two.advance(Duration.ofMinutes(1));
            await(() -> one.stores.load(BOT).orElseThrow().pendingIntents().isEmpty());
            strategy.commands.add("buy");
            two.advance(Duration.ofSeconds(2));
            assertThat(strategy.results.getLast()).isInstanceOf(OrderResult.Submitted.class);
            assertThat(executor.executed.get()).isEqualTo(1);
            assertThat(two.status("bot").lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("expired"));
        }
    }

    @Test
    void shouldHaveEveryIntentBackInTheJournalBeforeTheFirstOneIsResolved() {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderId first = OrderId.of("first");
        OrderId second = OrderId.of("second");
        OrderIntent a = new OrderIntent(first, MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        OrderIntent b = new OrderIntent(second, MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(new JournalEntry(
                BOT,
                "scripted",
                RunStatus.RUNNING,
                "hash",
                "1@gone-host",
                List.of(a, b),
                Map.of(),
                List.of(),
                List.of(),
                T0));
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);
        executor.outcomes.put(first, new SwapOutcome.Filled(List.of(buyFill(first, 1, 1, 100_000_000))));
        // what each journal save held, in order: a crash after any of them must leave the second intent journalled
        List<List<OrderId>> saved = new CopyOnWriteArrayList<>();
        Journal watching = new Journal() {
            @Override
            public void save(JournalEntry entry) {
                saved.add(entry.pendingIntents().stream()
                        .map(OrderIntent::orderId)
                        .toList());
                one.stores.save(entry);
            }

            @Override
            public Optional<JournalEntry> load(BotId botId) {
                return one.stores.load(botId);
            }

            @Override
            public void delete(BotId botId) {
                one.stores.delete(botId);
            }

            @Override
            public List<JournalEntry> entries() {
                return one.stores.entries();
            }
        };
        try (Scripted.Fixture two = new Scripted.Fixture(
                SimulatedClock.startingAt(T0.plusSeconds(10), Duration.ofMillis(10), Duration.ofSeconds(5)),
                builder -> builder.runStatusStore(one.stores)
                        .fillStore(one.stores)
                        .journal(watching)
                        .swapExecutor(executor)
                        .intentExpiry(Duration.ofHours(1)))) {
            two.engine.recover(spec("bot", Scripted::idle).build());

            // resolving the first intent saved the journal; the second was in it (it is unknown: still in flight)
            assertThat(saved).isNotEmpty().allSatisfy(ids -> assertThat(ids).contains(second));
            assertThat(saved.getFirst()).containsExactly(second);
            assertThat(executor.executed.get()).isZero();
        }
    }

    @Test
    void shouldLeaveNoHalfRegisteredBotWhenARecoveryFailsAndRecoverItWhenAskedAgain() {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderIntent intent = new OrderIntent(OrderId.of("o-1"), MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent("1@gone-host", intent, RunStatus.RUNNING));
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        ResolvingExecutor executor = new ResolvingExecutor(one.executor) {
            @Override
            public Optional<SwapOutcome> resolve(SwapOrder order) {
                if (broken.get()) {
                    throw new AssertionError("the executor's state is broken");
                }
                return super.resolve(order);
            }
        };
        try (Scripted.Fixture two = secondEngine(one, executor, T0.plusSeconds(10))) {
            assertThatThrownBy(
                            () -> two.engine.recover(spec("bot", Scripted::idle).build()))
                    .isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> two.engine.status(BOT)).isInstanceOf(NoSuchBotException.class);
            assertThat(two.engine.statuses()).isEmpty();

            broken.set(false);
            BotStatus status = two.engine.recover(spec("bot", Scripted::idle).build());
            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(one.stores.load(BOT).orElseThrow().pendingIntents()).containsExactly(intent);
        }
    }

    @Test
    void shouldSettleAnOrderOnceWhenTheJournalFailsWhileItsResolutionSettlesIt() throws Exception {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderId orderId = OrderId.of("late");
        OrderIntent intent = new OrderIntent(orderId, MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent("1@gone-host", intent, RunStatus.RUNNING));
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);
        java.util.concurrent.atomic.AtomicInteger failSaves = new java.util.concurrent.atomic.AtomicInteger();
        Journal failing = new Journal() {
            @Override
            public void save(JournalEntry entry) {
                if (failSaves.getAndDecrement() > 0) {
                    throw new IllegalStateException("No space left on device");
                }
                one.stores.save(entry);
            }

            @Override
            public Optional<JournalEntry> load(BotId botId) {
                return one.stores.load(botId);
            }

            @Override
            public void delete(BotId botId) {
                one.stores.delete(botId);
            }

            @Override
            public List<JournalEntry> entries() {
                return one.stores.entries();
            }
        };
        List<Fill> onFill = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture two = new Scripted.Fixture(
                SimulatedClock.startingAt(T0.plusSeconds(10), Duration.ofMillis(10), Duration.ofSeconds(5)),
                builder -> builder.runStatusStore(one.stores)
                        .fillStore(one.stores)
                        .journal(failing)
                        .swapExecutor(executor)
                        .intentExpiry(Duration.ofHours(1))
                        .storeRetryInterval(Duration.ofMillis(5)))) {
            two.engine.recover(spec("bot", () -> new Strategy() {
                        @Override
                        public void onTick(StrategyContext ctx) {}

                        @Override
                        public void onFill(StrategyContext ctx, Fill fill) {
                            onFill.add(fill);
                        }
                    })
                    .build());
            // the outcome becomes known; the journal save that clears the intent fails once, then works
            failSaves.set(1);
            executor.outcomes.put(orderId, new SwapOutcome.Filled(List.of(buyFill(orderId, 1, 1, 100_000_000))));
            await(() -> !onFill.isEmpty());
            // twenty more rounds of the retry loop: a second settlement would come within them
            Thread.sleep(100);
            two.advance(Duration.ofSeconds(1));

            BotStatus status = two.status("bot");
            assertThat(status.openPositions()).isEqualTo(1);
            assertThat(status.trades()).as("one buy, counted once").isEqualTo(1);
            assertThat(one.stores.trades.fills(BOT)).hasSize(1);
            assertThat(onFill).hasSize(1);
        }
    }

    @Test
    void shouldWaitTheWholeIntentExpiryOnTheMonotonicClockEvenWhenTheWallClockSaysTheIntentIsHoursOld()
            throws Exception {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderIntent intent = new OrderIntent(OrderId.of("old"), MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent("1@gone-host", intent, RunStatus.RUNNING));
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);
        // real time, with a wall clock an hour past the intent (it stepped, or the process was down that long)
        try (SolbotEngine engine = SolbotEngine.builder()
                .strategyProvider(new Scripted())
                .clock(() -> T0.plusSeconds(3_600))
                .runStatusStore(one.stores)
                .fillStore(one.stores)
                .journal(one.stores)
                .swapExecutor(executor)
                .intentExpiry(Duration.ofMillis(300))
                .storeRetryInterval(Duration.ofMillis(5))
                .build()) {
            long began = System.nanoTime();
            engine.recover(spec("bot", Scripted::idle).build());
            assertThat(one.stores.load(BOT).orElseThrow().pendingIntents())
                    .as("unknown, and not expired by the wall clock alone")
                    .containsExactly(intent);

            await(() -> one.stores.load(BOT).orElseThrow().pendingIntents().isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(engine.status(BOT).lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("expired"));
        }
    }

    @Test
    void shouldNeverReuseAnOrderIdWhenABotWhoseOrdersAllFailedStartsAgain() throws Exception {
        Scripted.Fixture stores = new Scripted.Fixture();
        stores.executor.failWith("no route");
        List<OrderId> ids = new CopyOnWriteArrayList<>();
        for (int run = 0; run < 2; run++) {
            // real time, the same seed: only a salt tells the runs' ids apart
            try (SolbotEngine engine = SolbotEngine.builder()
                    .strategyProvider(new Scripted())
                    .runStatusStore(stores.stores)
                    .fillStore(stores.stores)
                    .journal(stores.stores)
                    .swapExecutor(stores.executor)
                    .marketData(stores.market)
                    .spreadFirstTicks(false)
                    .seed(7)
                    .build()) {
                int before = ids.size();
                engine.start(spec("bot", () -> ctx -> {
                            OrderResult r = ctx.orders().buy(MINT, TENTH_SOL);
                            if (r instanceof OrderResult.Submitted submitted) {
                                ids.add(submitted.orderId());
                            }
                        })
                        .maxFailuresInARow(1)
                        .build());
                await(() -> ids.size() > before && engine.status(BOT).status() == RunStatus.FAILED);
            }
        }
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(stores.stores.trades.failures(BOT)).hasSize(2);
    }

    @Test
    void shouldKeepAPausedBotPausedAndLeaveAFailedOneFailed() {
        Scripted.Fixture one = new Scripted.Fixture();
        one.engine.start(spec("paused", Scripted::idle).build());
        one.engine.pause(BotId.of("paused"));
        one.executor.failWith("blockhash expired");
        Commands failing = new Commands();
        failing.commands.add("buy");
        one.engine.start(spec("failed", () -> failing).maxFailuresInARow(1).build());
        one.advance(Duration.ofSeconds(2));
        assertThat(one.status("failed").status()).isEqualTo(RunStatus.FAILED);

        try (Scripted.Fixture two = secondEngine(one, new ResolvingExecutor(one.executor), T0.plusSeconds(60))) {
            assertThat(two.engine
                            .recover(spec("paused", Scripted::idle).build())
                            .status())
                    .isEqualTo(RunStatus.PAUSED);
            assertThat(two.engine.recover(spec("failed", Commands::new).build()).status())
                    .isEqualTo(RunStatus.FAILED);
            assertThat(two.engine.recover(spec("new", Scripted::idle).build()).status())
                    .isEqualTo(RunStatus.RUNNING);
            two.advance(Duration.ofSeconds(3));

            assertThat(two.status("paused").tickCount()).isZero();
            assertThat(two.status("failed").tickCount()).isZero();
            assertThat(two.engine.resume(BotId.of("paused")).status()).isEqualTo(RunStatus.RUNNING);
            two.advance(Duration.ofSeconds(2));
            assertThat(two.status("paused").tickCount()).isPositive();
        }
    }

    @Test
    void shouldRefuseABotWhoseJournalEntryBelongsToAnotherLiveProcess() {
        Scripted.Fixture one = new Scripted.Fixture();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        String owner = parent + "@localhost";
        OrderIntent intent = new OrderIntent(OrderId.of("theirs-1"), MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0);
        one.stores.save(entryWithIntent(owner, intent, RunStatus.RUNNING));
        ResolvingExecutor executor = new ResolvingExecutor(one.executor);

        try (Scripted.Fixture two = secondEngine(one, executor, T0.plusSeconds(10))) {
            assertThatThrownBy(
                            () -> two.engine.recover(spec("bot", Scripted::idle).build()))
                    .isInstanceOf(SolbotException.class)
                    .hasMessageContaining("Bot 'bot' is run by the live process " + owner);
            assertThat(executor.resolved.get()).isZero();
            assertThat(one.stores.load(BOT).orElseThrow().owner()).isEqualTo(owner);
        }
    }

    @Test
    void shouldKeepFillsTheStoreRefusesInTheJournalRefuseBuysAllowSellsAndCatchUpWhenItReturns() {
        FlakyFillStore flaky = new FlakyFillStore();
        Scripted.Fixture f = flakyFixture(flaky);
        try (f) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            flaky.down = true;
            strategy.commands.addAll(List.of("buy", "buy", "sell"));
            f.advance(Duration.ofSeconds(4));

            assertThat(strategy.results).hasSize(3);
            assertThat(strategy.results.get(0)).isInstanceOf(OrderResult.Submitted.class);
            assertThat(strategy.results.get(1))
                    .isInstanceOfSatisfying(
                            OrderResult.Refused.class,
                            r -> assertThat(r.reason()).contains("the database is unreachable"));
            assertThat(strategy.results.get(2)).isInstanceOf(OrderResult.Submitted.class);
            JournalEntry entry = f.stores.load(BOT).orElseThrow();
            assertThat(entry.unstoredFills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
            assertThat(entry.pendingIntents()).isEmpty();
            assertThat(f.stores.trades.fills(BOT)).isEmpty();

            flaky.down = false;
            await(() -> f.stores.load(BOT).orElseThrow().unstoredFills().isEmpty());
            assertThat(f.stores.trades.fills(BOT)).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
            strategy.commands.add("buy");
            f.advance(Duration.ofSeconds(2));
            assertThat(strategy.results.getLast()).isInstanceOf(OrderResult.Submitted.class);
            assertThat(f.stores.trades.fills(BOT)).hasSize(3);
        }
    }

    @Test
    void shouldStoreWhatItKeptWhileTheStoreWasAwayWhenItStopsGracefullyAfterTheStoreCameBack() {
        FlakyFillStore flaky = new FlakyFillStore();
        // a retry loop that would not come round again before the stop: only the stop itself can store the fills
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.fillStore(flaky).storeRetryInterval(Duration.ofHours(1)));
        flaky.delegate = f.stores;
        try (f) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            flaky.down = true;
            strategy.commands.addAll(List.of("buy", "sell"));
            f.advance(Duration.ofSeconds(4));
            assertThat(f.stores.load(BOT).orElseThrow().unstoredFills()).hasSize(2);

            flaky.down = false;
            assertThat(f.engine.shutdown(Duration.ofSeconds(5))).isTrue();

            assertThat(f.stores.trades.fills(BOT)).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
            assertThat(f.stores.load(BOT).orElseThrow().unstoredFills()).isEmpty();
        }
    }

    @Test
    void shouldFailTheBotOnAFillTheStoreRefusesForGoodAndStoreItsOtherFills() {
        FlakyFillStore flaky = new FlakyFillStore();
        flaky.refuses = fill -> fill.side() == Side.SELL;
        Scripted.Fixture f = flakyFixture(flaky);
        try (f) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            strategy.commands.addAll(List.of("buy", "sell"));
            f.advance(Duration.ofSeconds(3));

            BotStatus status = f.status("bot");
            assertThat(status.status()).isEqualTo(RunStatus.FAILED);
            assertThat(status.lastError())
                    .hasValueSatisfying(e -> assertThat(e)
                            .startsWith("the fill store refused fill ")
                            .contains("for good")
                            .contains("the sell exceeds the open lots"));
            // the refused sell is not kept for a retry that can never succeed; the buy before it is stored
            assertThat(f.stores.load(BOT).orElseThrow().unstoredFills()).isEmpty();
            assertThat(f.stores.trades.fills(BOT)).extracting(Fill::side).containsExactly(Side.BUY);
        }
    }

    @Test
    void shouldDropAKeptFillTheStoreRefusesForGoodWhenItReturnsAndStoreTheFillsBehindIt() {
        FlakyFillStore flaky = new FlakyFillStore();
        Scripted.Fixture f = flakyFixture(flaky);
        try (f) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            flaky.down = true;
            strategy.commands.addAll(List.of("buy", "sell"));
            f.advance(Duration.ofSeconds(3));
            assertThat(f.stores.load(BOT).orElseThrow().unstoredFills())
                    .extracting(Fill::side)
                    .containsExactly(Side.BUY, Side.SELL);

            // back, but it refuses the buy for good: the sell behind it must not wait for it forever
            flaky.refuses = fill -> fill.side() == Side.BUY;
            flaky.down = false;
            await(() -> f.stores.load(BOT).orElseThrow().unstoredFills().isEmpty());

            assertThat(f.stores.trades.fills(BOT)).extracting(Fill::side).containsExactly(Side.SELL);
            assertThat(f.status("bot").status()).isEqualTo(RunStatus.FAILED);
            assertThat(f.status("bot").lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("for good"));
        }
    }

    @Test
    void shouldStoreTheFillsACrashedProcessKeptInItsJournalWhenTheBotIsRecovered() {
        FlakyFillStore flaky = new FlakyFillStore();
        Scripted.Fixture one = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.fillStore(flaky).storeRetryInterval(Duration.ofHours(1)));
        flaky.delegate = one.stores;
        Commands strategy = new Commands();
        one.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
        flaky.down = true;
        strategy.commands.add("buy");
        one.advance(Duration.ofSeconds(2));
        assertThat(one.stores.load(BOT).orElseThrow().unstoredFills()).hasSize(1);
        // the process dies with the database still down

        try (Scripted.Fixture two = secondEngine(one, new ResolvingExecutor(one.executor), T0.plusSeconds(60))) {
            BotStatus status =
                    two.engine.recover(spec("bot", Commands::new).maxTrades(5).build());

            assertThat(status.openPositions()).isEqualTo(1);
            assertThat(status.ordersFilled()).isEqualTo(1);
            await(() -> one.stores.trades.fills(BOT).size() == 1);
            await(() -> one.stores.load(BOT).orElseThrow().unstoredFills().isEmpty());
        }
    }

    @Test
    void shouldStoreAFailedOrderOnceWithTheFeeItPaid() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            f.executor.failWith("slippage exceeded at landing", FillAtPriceExecutor.FEE);
            strategy.commands.add("buy");
            f.advance(Duration.ofSeconds(2));

            assertThat(f.stores.trades.failures(BOT)).singleElement().satisfies(failure -> {
                assertThat(failure.fee()).isEqualTo(Lamports.of(5_000));
                assertThat(failure.tip()).isEqualTo(Lamports.ZERO);
                assertThat(failure.reason()).isEqualTo("slippage exceeded at landing");
                assertThat(failure.side()).isEqualTo(Side.BUY);
            });
            assertThat(f.stores.trades.fills(BOT)).isEmpty();
            assertThat(f.stores.load(BOT).orElseThrow().unstoredFailures()).isEmpty();
        }
    }

    @Test
    void shouldKeepAFailureTheStoreRefusesInTheJournalAndStoreItWhenTheStoreReturns() {
        FlakyFillStore flaky = new FlakyFillStore();
        Scripted.Fixture f = flakyFixture(flaky);
        try (f) {
            Commands strategy = new Commands();
            f.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
            flaky.down = true;
            f.executor.failWith("honeypot: the sell reverted", FillAtPriceExecutor.FEE);
            strategy.commands.add("buy");
            f.advance(Duration.ofSeconds(2));

            JournalEntry entry = f.stores.load(BOT).orElseThrow();
            assertThat(entry.unstoredFailures())
                    .singleElement()
                    .satisfies(failure -> assertThat(failure.fee()).isEqualTo(Lamports.of(5_000)));
            assertThat(entry.pendingIntents()).isEmpty();
            assertThat(f.stores.trades.failures(BOT)).isEmpty();

            flaky.down = false;
            await(() -> f.stores.load(BOT).orElseThrow().unstoredFailures().isEmpty());
            assertThat(f.stores.trades.failures(BOT)).isEqualTo(entry.unstoredFailures());
        }
    }

    @Test
    void shouldStoreTheFailuresACrashedProcessKeptInItsJournalWhenTheBotIsRecovered() {
        FlakyFillStore flaky = new FlakyFillStore();
        Scripted.Fixture one = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.fillStore(flaky).storeRetryInterval(Duration.ofHours(1)));
        flaky.delegate = one.stores;
        Commands strategy = new Commands();
        one.engine.start(spec("bot", () -> strategy).maxTrades(5).build());
        flaky.down = true;
        one.executor.failWith("slippage exceeded at landing", FillAtPriceExecutor.FEE);
        strategy.commands.add("buy");
        one.advance(Duration.ofSeconds(2));
        List<io.solbot.core.domain.OrderFailure> kept =
                one.stores.load(BOT).orElseThrow().unstoredFailures();
        assertThat(kept).hasSize(1);
        // the process dies with the database still down

        try (Scripted.Fixture two = secondEngine(one, new ResolvingExecutor(one.executor), T0.plusSeconds(60))) {
            two.engine.recover(spec("bot", Commands::new).maxTrades(5).build());

            await(() -> one.stores.trades.failures(BOT).size() == 1);
            assertThat(one.stores.trades.failures(BOT)).isEqualTo(kept);
            await(() -> one.stores.load(BOT).orElseThrow().unstoredFailures().isEmpty());
        }
    }

    /** A fill store that fails while {@link #down} is set, as PostgreSQL does when it cannot be reached. */
    static final class FlakyFillStore implements io.solbot.core.store.FillStore {
        volatile Scripted.CountingStores delegate;
        volatile boolean down;
        /** Fills the store refuses for good, as the ledger refuses a sell of more than the bot's lots hold. */
        volatile java.util.function.Predicate<Fill> refuses = fill -> false;

        /** What a store throws when it refuses a write for good. */
        static final class Refused extends IllegalArgumentException implements PermanentStoreRefusal {
            Refused(String message) {
                super(message);
            }
        }

        @Override
        public void record(Fill fill) {
            if (down) {
                throw new IllegalStateException("Connection refused: the database is down");
            }
            if (refuses.test(fill)) {
                throw new Refused("the sell exceeds the open lots");
            }
            delegate.record(fill);
        }

        @Override
        public List<Fill> fills(BotId botId) {
            if (down) {
                throw new IllegalStateException("Connection refused: the database is down");
            }
            return delegate.fills(botId);
        }

        @Override
        public void recordFailure(BotId botId, io.solbot.core.domain.OrderFailure failure) {
            if (down) {
                throw new IllegalStateException("Connection refused: the database is down");
            }
            delegate.recordFailure(botId, failure);
        }

        @Override
        public List<io.solbot.core.domain.OrderFailure> failures(BotId botId) {
            if (down) {
                throw new IllegalStateException("Connection refused: the database is down");
            }
            return delegate.failures(botId);
        }
    }

    /** An engine whose fill store is {@code flaky} in front of the fixture's own, retried every 5 ms. */
    private static Scripted.Fixture flakyFixture(FlakyFillStore flaky) {
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.fillStore(flaky).storeRetryInterval(Duration.ofMillis(5)));
        flaky.delegate = f.stores;
        return f;
    }
}
