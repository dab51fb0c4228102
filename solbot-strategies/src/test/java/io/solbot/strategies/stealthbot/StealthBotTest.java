package io.solbot.strategies.stealthbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.market.Listing;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.StrategyRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StealthBotTest {
    private static final Mint BONK = Listing.BONK.mint();
    private static final String JITTERED = "{wallets: [w1, w2, w3], tokenMint: " + BONK + ", positionSize: 0.1,"
            + " slippage: 2, delayMinMs: 1000, delayMaxMs: 5000, sizeJitterPct: 20, slippageJitterPct: 50}";

    private static StealthBotConfig config(String yaml) {
        return StrategyRuns.config("stealth-bot", yaml, StealthBotConfig.class);
    }

    private static RecordingStrategyContext context() {
        return new RecordingStrategyContext(BotId.of("stealth-1")).price(BONK, "0.001");
    }

    /** Ticks every 100 ms for {@code seconds}, filling each order; the time of each order. */
    private static List<Instant> run(Strategy strategy, RecordingStrategyContext ctx, int seconds) throws Exception {
        List<Instant> placedAt = new ArrayList<>();
        for (int i = 0; i < seconds * 10; i++) {
            int before = ctx.placedOrders().size();
            strategy.onTick(ctx);
            for (PlacedOrder order :
                    ctx.placedOrders().subList(before, ctx.placedOrders().size())) {
                placedAt.add(ctx.now());
                strategy.onFill(ctx, ctx.fill(order));
            }
            ctx.advance(Duration.ofMillis(100));
        }
        return placedAt;
    }

    @Test
    void shouldBuyOnceFromEachWalletWithDelaysSizesAndSlippageWithinTheirBounds() throws Exception {
        RecordingStrategyContext ctx = context();
        Instant start = ctx.now();
        List<Instant> placedAt = run(new StealthBotProvider().create(config(JITTERED)), ctx, 20);

        assertThat(ctx.placedOrders())
                .extracting(o -> o.options().wallet().orElseThrow())
                .containsExactly("w1", "w2", "w3");
        assertThat(ctx.placedOrders()).allSatisfy(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.mint()).isEqualTo(BONK);
            assertThat(o.sol().value()).isBetween(80_000_000L, 120_000_000L); // 0.1 SOL ± 20 %
            assertThat(o.options().slippageBps().orElseThrow()).isBetween(100, 300); // 2 % ± 50 %
        });
        Instant previous = start;
        for (Instant at : placedAt) { // each a 1 to 5 s delay after the previous one (ticks every 100 ms)
            assertThat(Duration.between(previous, at)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(5100));
            previous = at;
        }
        assertThat(ctx.state().asMap().values()).allMatch(v -> v.startsWith("bought:"));
    }

    @Test
    void shouldNeverSpendMoreThanItsDailyVolume() throws Exception {
        // 3 wallets × 0.1 SOL ± 20 % would spend about 0.3 SOL; the cap is 0.13 SOL
        RecordingStrategyContext ctx = context();
        run(
                new StealthBotProvider()
                        .create(config(
                                JITTERED.replace("positionSize: 0.1,", "positionSize: 0.1, maxDailyVolume: 0.13,"))),
                ctx,
                20);

        assertThat(ctx.placedOrders().stream().mapToLong(o -> o.sol().value()).sum())
                .isLessThanOrEqualTo(130_000_000L);
        assertThat(ctx.placedOrders()).isNotEmpty();
    }

    @Test
    void shouldDrawTheSameRunForTheSameSeed() throws Exception {
        RecordingStrategyContext first = context();
        RecordingStrategyContext second = context();
        List<Instant> a = run(new StealthBotProvider().create(config(JITTERED)), first, 20);
        List<Instant> b = run(new StealthBotProvider().create(config(JITTERED)), second, 20);

        assertThat(a).isEqualTo(b);
        assertThat(first.placedOrders())
                .extracting(PlacedOrder::sol, PlacedOrder::options)
                .isEqualTo(second.placedOrders().stream()
                        .map(o -> org.assertj.core.groups.Tuple.tuple(o.sol(), o.options()))
                        .toList());
    }

    @Test
    void shouldNeverSpendMoreThanThePositionSizeTimesTheWallets() throws Exception {
        for (int jitter : new int[] {0, 10, 50, 100}) {
            RecordingStrategyContext ctx = context();
            run(
                    new StealthBotProvider()
                            .create(config("{wallets: [a, b, c, d, e, f, g, h, i, j], tokenMint: " + BONK
                                    + ", positionSize: 0.05, sizeJitterPct: " + jitter + "}")),
                    ctx,
                    2);
            // every wallet bought, or with a jitter of 100 % (sizes down to nothing) found the budget spent
            assertThat(ctx.state().asMap().values())
                    .hasSize(10)
                    .allMatch(v -> v.startsWith("bought:") || (jitter == 100 && v.equals("skipped:0")));
            long total =
                    ctx.placedOrders().stream().mapToLong(o -> o.sol().value()).sum();
            assertThat(total).as("jitter %d %%", jitter).isLessThanOrEqualTo(500_000_000L);
            if (jitter == 0) {
                assertThat(total).isEqualTo(500_000_000L);
            }
        }
    }

    @Test
    void shouldNotRepeatABuyAfterARestartAndRetryAFailedOne() throws Exception {
        StealthBotConfig config = config("{wallets: [w1, w2], tokenMint: " + BONK + ", positionSize: 0.1}");
        RecordingStrategyContext ctx = context();
        Strategy strategy = new StealthBotProvider().create(config);
        strategy.onTick(ctx); // no delays: both due at once
        assertThat(ctx.placedOrders()).hasSize(2);

        Strategy restarted = new StealthBotProvider().create(config); // both buys still in flight
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);

        PlacedOrder w2 = ctx.placedOrders().get(1);
        restarted.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        restarted.onOrderFailed(ctx, new OrderFailure(w2.id(), BONK, Side.BUY, "land", "blockhash expired", ctx.now()));
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(3);
        assertThat(ctx.placedOrders().get(2).options().wallet()).contains("w2");
    }

    @Test
    void shouldBuyFromEveryWalletInABacktestOnASimulatedMarket() {
        String bots = """
                bots:
                  - id: stealth-1
                    mode: stealth-bot
                    config: {wallets: [w1, w2, w3], tokenMint: %s, positionSize: 0.05, slippage: 3,
                             delayMinMs: 2000, delayMaxMs: 8000, sizeJitterPct: 10, slippageJitterPct: 20}
                """.formatted(BONK);
        StrategyRuns.Run run = StrategyRuns.backtest(bots, 42, Duration.ofMinutes(2), p -> p);

        assertThat(run.fills()).hasSize(3).allSatisfy(f -> {
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.mint()).isEqualTo(BONK);
        });
        assertThat(run.fills().stream().mapToLong(f -> f.sol().value()).sum()).isLessThanOrEqualTo(150_000_000L);
        for (String wallet : List.of("w1", "w2", "w3")) {
            assertThat(run.wallets().of("stealth-1", wallet).token(BONK)).isPresent();
            assertThat(run.wallets().of("stealth-1", wallet).sol()).isLessThan(Lamports.ofSol("100"));
        }
        assertThat(run.fills()).extracting(Fill::filledAt).doesNotHaveDuplicates();
    }
}
