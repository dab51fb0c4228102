package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.T0;
import static io.solbot.core.engine.Scripted.TENTH_SOL;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.MarketData;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.testing.FixedPriceMarket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What strategies read through the engine (its market cache, their wallets) and the options their orders carry to
 * the executor and the journal.
 */
class StrategyReadsTest {
    /** A market that counts what is asked of it, per kind of read. */
    static final class CountingMarket implements MarketData {
        final FixedPriceMarket prices = new FixedPriceMarket().price(MINT, "0.001");
        final AtomicInteger priceReads = new AtomicInteger();
        final AtomicInteger candleReads = new AtomicInteger();
        final AtomicInteger newTokenReads = new AtomicInteger();
        final List<NewToken> listed = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Price> price(Mint mint) {
            priceReads.incrementAndGet();
            return prices.price(mint);
        }

        @Override
        public Optional<Integer> decimals(Mint mint) {
            return prices.decimals(mint);
        }

        @Override
        public Optional<Candle> candle(Mint mint, Duration window) {
            candleReads.incrementAndGet();
            Price p = prices.price(mint).orElseThrow();
            return Optional.of(new Candle(T0, T0.plus(window), p, p, p, p, Lamports.ZERO, TokenAmount.zero(6), 0));
        }

        @Override
        public List<NewToken> newTokens(Instant after) {
            newTokenReads.incrementAndGet();
            return listed.stream().filter(t -> t.listedAt().isAfter(after)).toList();
        }

        @Override
        public Set<String> capabilities() {
            return Set.of("prices", "price-history", "new-tokens");
        }
    }

    @Test
    void shouldServeManyBotsReadingOneTokenWithOneReadPerTimeToLiveInSimulatedTime() {
        CountingMarket market = new CountingMarket();
        List<Price> seen = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.marketData(market)
                        .marketCacheTtl(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            for (int i = 0; i < 20; i++) {
                f.engine.start(spec("reader-" + i, () -> ctx -> {
                            seen.add(ctx.market().price(MINT).orElseThrow());
                            ctx.market().candle(MINT, Duration.ofMinutes(5));
                        })
                        .interval(Duration.ofMillis(100))
                        .build());
            }
            // 20 bots tick every 100 ms, 10 times in a second: 200 reads of each kind
            f.advance(Duration.ofMillis(995));
            assertThat(seen).hasSize(200);
            // fresh at the first tick, then at the fourth (300 ms on: 250 ms have passed), the seventh and the tenth
            assertThat(market.priceReads.get()).isEqualTo(4);
            assertThat(market.candleReads.get()).isEqualTo(4);

            // a price that moves reaches every bot once its cached value has expired, not before
            market.prices.price(MINT, "0.002");
            f.advance(Duration.ofMillis(100));
            assertThat(seen.subList(200, 220)).containsOnly(Price.of("0.001"));
            f.advance(Duration.ofMillis(300));
            assertThat(seen.getLast()).isEqualTo(Price.of("0.002"));
        }
    }

    @Test
    void shouldLoadAMissingEntryOnceForReadersOnManyThreads() throws Exception {
        CountingMarket market = new CountingMarket();
        SimulatedClock clock = SimulatedClock.startingAt(T0);
        MarketCache cache = new MarketCache(market, order -> null, new EngineClock(clock), MarketCache.Ttl.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                readers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 1_000; i++) {
                        cache.price(MINT);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> r : readers) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(market.priceReads.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(249));
        cache.price(MINT);
        assertThat(market.priceReads.get()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        cache.price(MINT);
        assertThat(market.priceReads.get()).isEqualTo(2);
    }

    @Test
    void shouldCutEachBotsNewTokensFromOneCachedListOfTheLastDay() {
        CountingMarket market = new CountingMarket();
        SimulatedClock clock = SimulatedClock.startingAt(T0.plus(Duration.ofDays(2)));
        Instant now = clock.instant();
        NewToken old = new NewToken(MINT, "OLD", 6, now.minus(Duration.ofHours(30)));
        NewToken a = new NewToken(Scripted.OTHER, "A", 6, now.minusSeconds(60));
        NewToken b =
                new NewToken(Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr"), "B", 6, now.minusSeconds(30));
        market.listed.addAll(List.of(old, a, b));
        MarketCache cache = new MarketCache(market, order -> null, new EngineClock(clock), MarketCache.Ttl.DEFAULT);

        assertThat(cache.newTokens(now.minusSeconds(90))).containsExactly(a, b);
        assertThat(cache.newTokens(now.minusSeconds(60))).containsExactly(b);
        assertThat(cache.newTokens(now)).isEmpty();
        assertThat(market.newTokenReads.get()).isEqualTo(1);
        // from further back than the cached day: read through
        assertThat(cache.newTokens(now.minus(Duration.ofDays(2)))).containsExactly(old, a, b);
        assertThat(market.newTokenReads.get()).isEqualTo(2);
    }

    @Test
    void shouldCarryAnOrdersOptionsToTheExecutorTheJournalAndTheFillStore() {
        List<SwapOrder> sent = new CopyOnWriteArrayList<>();
        List<OrderIntent> journalled = new CopyOnWriteArrayList<>();
        OrderOptions buyOptions = OrderOptions.NONE
                .withSlippageBps(300)
                .withPriorityFee(Lamports.of(20_000))
                .withJitoTip(Lamports.of(1_000))
                .withWallet("w2")
                .withReason("breakout");
        AtomicReference<String> step = new AtomicReference<>("buy");
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.beforeEach(order -> {
                sent.add(order);
                journalled.addAll(f.stores.load(BotId.of("opt")).orElseThrow().pendingIntents());
            });
            f.engine.start(spec("opt", () -> ctx -> {
                        if (step.get().equals("buy")) {
                            ctx.orders().buy(MINT, TENTH_SOL, buyOptions);
                            step.set("sell");
                        } else if (step.get().equals("sell") && !ctx.positions().isEmpty()) {
                            ctx.orders()
                                    .sell(
                                            MINT,
                                            ctx.positions().getFirst().quantity(),
                                            OrderOptions.NONE.withReason("take-profit"));
                            step.set("done");
                        }
                    })
                    .slippageBps(100)
                    .priorityFee(Lamports.of(5_000))
                    .build());
            f.advance(Duration.ofSeconds(3));

            SwapOrder buy = sent.getFirst();
            assertThat(List.of(buy.slippageBps(), buy.priorityFee(), buy.jitoTip(), buy.wallet(), buy.reason()))
                    .containsExactly(300, Lamports.of(20_000), Lamports.of(1_000), "w2", "breakout");
            assertThat(journalled.getFirst().options()).isEqualTo(buyOptions);
            // the sell sets only its reason: the rest is the bot's
            SwapOrder sell = sent.get(1);
            assertThat(List.of(sell.slippageBps(), sell.priorityFee(), sell.jitoTip(), sell.wallet(), sell.reason()))
                    .containsExactly(100, Lamports.of(5_000), Lamports.ZERO, "default", "take-profit");
            assertThat(f.stores.trades.fills(BotId.of("opt")))
                    .extracting(Fill::reason)
                    .containsExactly("breakout", "take-profit");
        }
    }

    @Test
    void shouldSendAnOrderFoundInFlightToBeResolvedWithTheOptionsItWasPlacedWith() {
        Scripted.Fixture one = new Scripted.Fixture();
        OrderOptions options = OrderOptions.NONE
                .withSlippageBps(900)
                .withJitoTip(Lamports.of(2_000))
                .withWallet("w3");
        OrderIntent intent =
                new OrderIntent(OrderId.of("in-flight-1"), MINT, Side.BUY, TENTH_SOL.toTokenAmount(), T0, options);
        one.stores.save(new JournalEntry(
                BotId.of("bot"),
                "scripted",
                RunStatus.RUNNING,
                "hash",
                "1@gone-host",
                List.of(intent),
                Map.of(),
                List.of(),
                List.of(),
                T0));
        List<SwapOrder> resolved = new CopyOnWriteArrayList<>();
        SwapExecutor executor = new SwapExecutor() {
            @Override
            public SwapOutcome execute(SwapOrder order) {
                return one.executor.execute(order);
            }

            @Override
            public Optional<SwapOutcome> resolve(SwapOrder order) {
                resolved.add(order);
                return Optional.of(one.executor.execute(order));
            }
        };
        try (Scripted.Fixture two = new Scripted.Fixture(
                SimulatedClock.startingAt(T0.plusSeconds(10), Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.runStatusStore(one.stores)
                        .fillStore(one.stores)
                        .journal(one.stores)
                        .swapExecutor(executor))) {
            two.engine.recover(spec("bot", Scripted::idle).build());

            assertThat(resolved).singleElement().satisfies(order -> {
                assertThat(order.slippageBps()).isEqualTo(900);
                assertThat(order.jitoTip()).isEqualTo(Lamports.of(2_000));
                assertThat(order.wallet()).isEqualTo("w3");
                assertThat(order.reason()).isEqualTo("entry");
            });
        }
    }

    @Test
    void shouldShowABotItsWalletsWithTheirTokensPricedFromTheMarket() {
        List<Optional<WalletBalances>> seen = new CopyOnWriteArrayList<>();
        SwapExecutor withWallets = new SwapExecutor() {
            @Override
            public SwapOutcome execute(SwapOrder order) {
                throw new AssertionError("no order in this test");
            }

            @Override
            public Optional<WalletBalances> balances(BotId botId, String wallet) {
                return wallet.equals("none")
                        ? Optional.empty()
                        : Optional.of(new WalletBalances(
                                wallet,
                                Lamports.ofSol("2"),
                                List.of(TokenBalance.unpriced(MINT, TokenAmount.of(1_000_000_000L, 6))),
                                T0));
            }
        };
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.swapExecutor(withWallets))) {
            f.engine.start(spec("holder", () -> new Strategy() {
                        @Override
                        public void onTick(StrategyContext ctx) {
                            seen.add(ctx.wallet().balances());
                            seen.add(ctx.wallet().balances("none"));
                        }
                    })
                    .build());
            f.advance(Duration.ofMillis(500));

            WalletBalances main = seen.getFirst().orElseThrow();
            assertThat(main.wallet()).isEqualTo("default");
            // 1 000 tokens at 0.001 SOL: 1 SOL, plus 2 SOL
            assertThat(main.token(MINT).orElseThrow().price()).contains(Price.of("0.001"));
            assertThat(main.valueSol()).isEqualTo(Lamports.ofSol("3"));
            assertThat(seen.get(1)).isEmpty();
        }
    }
}
