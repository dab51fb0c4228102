package io.solbot.strategies.breakout;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.EntryDefaults;
import io.solbot.strategies.common.internal.Gate;
import io.solbot.strategies.common.internal.TradingPlan;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code breakout} strategy: the common pipeline with, in place of the pump gate: the time-of-day window ({@code
 * timeOfDayFilter}, UTC), the rug blacklist, the fakeout cooldown ({@code fakeoutCooldownMs}, 5 min) and the breakout
 * itself: the last 1-minute bar closes more than {@code breakoutThreshold} % (0) above the high of the {@code
 * squeezeLookback} (10) bars before it, on a volume of at least {@code minVolumeSurge} (2) times their average; with
 * {@code useSignals}, also out of a squeeze (those bars within {@code squeezeThreshold}, 0.2 %) with an expansion (a
 * range of {@code expansionMultiplier}, 2, times their average). A pump gate applies only if {@code entryThreshold} is
 * set, over {@code priceWindow} (30 min); volume 50 000 USD over 1 h, liquidity {@code minPoolUsd} or {@code
 * minLiquidity} (50 000 USD), price impact 15 %.
 */
public final class BreakoutProvider implements StrategyProvider<BreakoutConfig> {
    static final EntryDefaults DEFAULTS = new EntryDefaults(
            Duration.ofMinutes(30),
            null,
            new BigDecimal("50000"),
            new BigDecimal("50000"),
            new BigDecimal("0.15"),
            new BigDecimal("9999"));
    static final int LOOKBACK = 10;
    static final BigDecimal VOLUME_SURGE = new BigDecimal("2.0");
    static final BigDecimal SQUEEZE = new BigDecimal("0.002");
    static final BigDecimal EXPANSION = new BigDecimal("2.0");
    static final long FAKEOUT_COOLDOWN_MS = 300_000;

    public BreakoutProvider() {}

    @Override
    public String id() {
        return "breakout";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys volume-backed breakouts out of a squeeze";
    }

    @Override
    public Class<BreakoutConfig> configType() {
        return BreakoutConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(BreakoutConfig config) {
        BreakoutWatch watch = watch(config);
        return new BreakoutStrategy(watch, new TradingStrategy(plan(config, watch)));
    }

    static BreakoutWatch watch(BreakoutConfig c) {
        FilterConfig filter = ConfigPlans.orEmpty(c.filterFields());
        return new BreakoutWatch(
                c.squeezeLookback() == null ? LOOKBACK : c.squeezeLookback(),
                c.breakoutThreshold() == null ? BigDecimal.ZERO : c.breakoutThreshold(),
                c.minVolumeSurge() == null ? VOLUME_SURGE : c.minVolumeSurge(),
                Boolean.TRUE.equals(c.useSignals()),
                c.squeezeThreshold() == null ? SQUEEZE : c.squeezeThreshold(),
                c.expansionMultiplier() == null ? EXPANSION : c.expansionMultiplier(),
                Duration.ofMillis(c.fakeoutCooldownMs() == null ? FAKEOUT_COOLDOWN_MS : c.fakeoutCooldownMs()),
                ConfigPlans.window(filter.priceWindow(), DEFAULTS.priceWindow()),
                c.timeOfDayFilter() == null
                        ? null
                        : LocalTime.parse(c.timeOfDayFilter().start()),
                c.timeOfDayFilter() == null
                        ? null
                        : LocalTime.parse(c.timeOfDayFilter().end()));
    }

    static TradingPlan plan(BreakoutConfig config, BreakoutWatch watch) {
        FilterConfig given = ConfigPlans.orEmpty(config.filterFields());
        // minLiquidity, which the original validated and never read, stands in for minPoolUsd
        FilterConfig filter = given.minPoolUsd() == null && config.minLiquidity() != null
                ? new FilterConfig(
                        given.minMarketCap(),
                        given.maxMarketCap(),
                        given.minTokenAgeMinutes(),
                        given.maxTokenAgeMinutes(),
                        config.minLiquidity(),
                        given.priceWindow(),
                        given.volumeWindow(),
                        given.volumeSpikeMultiplier())
                : given;
        Duration window = ConfigPlans.window(filter.priceWindow(), DEFAULTS.priceWindow());
        List<Gate> signal = new ArrayList<>(watch.gates());
        signal.addAll(ConfigPlans.pump(config.sharedFields(), window, DEFAULTS));
        return ConfigPlans.plan(
                config,
                config.feedFields(),
                DEFAULTS,
                ConfigPlans.gates(config.sharedFields(), filter, DEFAULTS, signal),
                ConfigPlans.exits(config.sharedFields(), config.exitFields()));
    }
}
