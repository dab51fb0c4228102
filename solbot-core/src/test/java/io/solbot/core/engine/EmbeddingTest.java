package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.config.BotSettings;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.InvalidConfigException;
import io.solbot.core.config.Required;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a host embedding the engine gets without reading its source: a bots file run in one call, and no silent bots. */
class EmbeddingTest {
    /** A config a bots file can hold: its own interval and trade limit, and a switch that makes the strategy throw. */
    public record WatchConfig(
            @Required Integer interval, @Required Integer maxTrades, Boolean broken) implements StrategyConfig {
        @Override
        public BotSettings settings() {
            return new BotSettings(
                    Duration.ofSeconds(interval),
                    maxTrades,
                    Duration.ZERO,
                    3,
                    1,
                    100,
                    Lamports.ZERO,
                    Mint.WRAPPED_SOL,
                    TokenAmount.of(10_000_000, 9));
        }
    }

    /** Watches nothing in particular; refuses to be created when its config says it is broken. */
    public static final class WatchProvider implements StrategyProvider<WatchConfig> {
        @Override
        public String id() {
            return "watch";
        }

        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public Class<WatchConfig> configType() {
            return WatchConfig.class;
        }

        @Override
        public Strategy create(WatchConfig config) {
            if (Boolean.TRUE.equals(config.broken())) {
                throw new IllegalStateException("this strategy is broken on purpose");
            }
            return ctx -> {};
        }
    }

    private static StrategyRegistry registry() {
        return StrategyRegistry.builder().register(new WatchProvider()).build();
    }

    @Test
    void shouldStartEveryBotOfABotsFileInOneCallWithTheIntervalsOfItsConfigsAndReportTheOneThatCannotStart() {
        StrategyRegistry registry = registry();
        ConfigReport report = BotsFileLoader.using(registry).parse("""
                        bots:
                          - id: every-5s
                            mode: watch
                            config: {interval: 5, maxTrades: 3}
                          - id: every-2s
                            mode: watch
                            config: {interval: 2, maxTrades: 1}
                          - id: broken
                            mode: watch
                            config: {interval: 1, maxTrades: 1, broken: true}
                        """, "bots.yaml");
        try (SolbotEngine engine = SolbotEngine.builder()
                .strategies(registry)
                .clock(SimulatedClock.startingAt(Scripted.T0))
                .spreadFirstTicks(false)
                .build()) {
            StartedBots started = engine.startAll(report);
            assertThat(started.statuses())
                    .extracting(BotStatus::botId)
                    .containsExactly(BotId.of("every-5s"), BotId.of("every-2s"));
            assertThat(started.notStarted()).containsOnlyKeys(BotId.of("broken"));
            assertThat(started.notStarted().get(BotId.of("broken"))).contains("this strategy is broken on purpose");
            assertThat(started.allStarted()).isFalse();
        }
    }

    @Test
    void shouldStartNothingFromABotsFileWithAnError() {
        StrategyRegistry registry = registry();
        ConfigReport report = BotsFileLoader.using(registry).parse("""
                        bots:
                          - id: fine
                            mode: watch
                            config: {interval: 5, maxTrades: 3}
                          - id: no-limit
                            mode: watch
                            config: {interval: 5}
                        """, "bots.yaml");
        try (SolbotEngine engine = SolbotEngine.builder().strategies(registry).build()) {
            assertThatThrownBy(() -> engine.startAll(report))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("maxTrades");
            assertThat(engine.statuses()).isEmpty();
        }
    }

    @Test
    void shouldTickAtTheIntervalTheBotsFileGivesOnASimulatedClock() {
        StrategyRegistry registry = registry();
        ConfigReport report = BotsFileLoader.using(registry)
                .parse("bots:\n  - id: every-5s\n    mode: watch\n    config: {interval: 5, maxTrades: 3}\n", "b.yaml");
        SimulatedClock clock = SimulatedClock.startingAt(Scripted.T0);
        try (SolbotEngine engine = SolbotEngine.builder()
                .strategies(registry)
                .clock(clock)
                .spreadFirstTicks(false)
                .build()) {
            engine.startAll(report);
            clock.advance(Duration.ofMinutes(1).minusMillis(500));
            // 0, 5, ..., 55: twelve ticks, not the engine's default of one per 30 s
            assertThat(engine.status(BotId.of("every-5s")).tickCount()).isEqualTo(12);
        }
    }

    @Test
    void shouldSayWhenABotAsksForAPriceTheMarketNeverHas() {
        Mint unknown = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(Scripted.spec("blind", () -> ctx -> ctx.market().price(unknown))
                    .build());
            f.advance(Duration.ofSeconds(8));
            assertThat(f.status("blind").lastError()).isEmpty();

            f.advance(Duration.ofSeconds(2));
            assertThat(f.status("blind").lastError())
                    .hasValueSatisfying(e -> assertThat(e)
                            .isEqualTo("no price for " + unknown + " in 10 reads in a row: the market data does not"
                                    + " list it (or has stopped moving)"));
            assertThat(f.status("blind").status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void shouldMoveASimulatedMarketWithTheSimulatedClockItRunsOn() {
        List<Price> seen = new CopyOnWriteArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(RandomMarketSettings.defaults(3, Scripted.T0))) {
            market.advanceTo(Scripted.T0);
            Mint mint = market.mints().getFirst();
            SimulatedClock clock = SimulatedClock.startingAt(Scripted.T0);
            try (SolbotEngine engine = SolbotEngine.builder()
                    .strategyProvider(new Scripted())
                    .clock(clock)
                    .marketData(market)
                    .spreadFirstTicks(false)
                    .build()) {
                engine.start(Scripted.spec("watcher", () -> (StrategyContext ctx) -> {
                            Optional<Price> p = ctx.market().price(mint);
                            p.ifPresent(seen::add);
                        })
                        .interval(Duration.ofMinutes(1))
                        .build());
                clock.advance(Duration.ofHours(1));

                assertThat(market.now()).isEqualTo(clock.instant());
                assertThat(seen).hasSizeGreaterThan(50);
                // the market moved: far more than one price over an hour of a random walk
                assertThat(seen.stream().distinct().count()).isGreaterThan(10);
            }
        }
    }
}
