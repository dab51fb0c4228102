package io.solbot.strategies.trendfollower;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.EntryDefaults;
import io.solbot.strategies.common.internal.ExitRule;
import io.solbot.strategies.common.internal.Gate;
import io.solbot.strategies.common.internal.Gates;
import io.solbot.strategies.common.internal.TradingPlan;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code trend-follower} strategy: the sniper's pipeline with an EMA alignment gate after its signal (the pump, or
 * the dip over the price window when {@code dipThreshold} is set), a trailing stop among its exits, and optionally
 * stop-and-reverse and pyramiding (see {@link TrendFollower}). Defaults as the original: {@code emaPeriods} 10, 30
 * and 60 one-minute bars, {@code trailingPct} 0.02, {@code riskPerAdd} 0.01, {@code maxRisk} 0.05. Stateless and
 * thread-safe.
 */
public final class TrendFollowerProvider implements StrategyProvider<TrendFollowerConfig> {
    static final List<Integer> DEFAULT_PERIODS = List.of(10, 30, 60);
    static final BigDecimal DEFAULT_TRAILING = new BigDecimal("0.02");
    static final BigDecimal DEFAULT_RISK_PER_ADD = new BigDecimal("0.01");
    static final BigDecimal DEFAULT_MAX_RISK = new BigDecimal("0.05");

    public TrendFollowerProvider() {}

    @Override
    public String id() {
        return "trend-follower";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys aligned EMA trends with a trailing stop";
    }

    @Override
    public Class<TrendFollowerConfig> configType() {
        return TrendFollowerConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(TrendFollowerConfig config) {
        Trend trend = new Trend(config.emaPeriods() == null ? DEFAULT_PERIODS : config.emaPeriods());
        Set<Mint> reversed = new HashSet<>();
        boolean sar = Boolean.TRUE.equals(config.sarEnabled());
        TradingPlan plan = plan(config, trend, sar ? reversed::contains : null);
        BigDecimal trailing = config.trailingPct() == null ? DEFAULT_TRAILING : config.trailingPct();
        Lamports addSize = null;
        int maxAdds = 0;
        if (Boolean.TRUE.equals(config.pyramidEnabled())) {
            BigDecimal risk = config.riskPerAdd() == null ? DEFAULT_RISK_PER_ADD : config.riskPerAdd();
            BigDecimal maxRisk = config.maxRisk() == null ? DEFAULT_MAX_RISK : config.maxRisk();
            long sized = new BigDecimal(plan.amount().value())
                    .multiply(risk)
                    .divide(trailing, 0, RoundingMode.DOWN)
                    .longValueExact();
            addSize = Lamports.of(Math.min(sized, plan.amount().value()));
            maxAdds = maxRisk.divide(risk, 0, RoundingMode.DOWN).intValueExact();
            if (addSize.isZero()) {
                addSize = null;
            }
        }
        return new TrendFollower(
                new TradingStrategy(plan), trend, sar, reversed, addSize, maxAdds, trailing.movePointRight(2));
    }

    /** The pipeline: the sniper's gates with the EMA alignment after the signal, its exits and the trailing stop. */
    static TradingPlan plan(TrendFollowerConfig config, Trend trend, java.util.function.Predicate<Mint> reversed) {
        SharedConfig shared = config.sharedFields();
        FilterConfig filter = ConfigPlans.orEmpty(config.filterFields());
        EntryDefaults defaults = EntryDefaults.SNIPER;
        Duration window = ConfigPlans.window(filter.priceWindow(), defaults.priceWindow());
        List<Gate> signal = new ArrayList<>();
        if (!Units.isOff(config.dipThreshold())) {
            signal.add(Gates.dip(window, config.dipThreshold()));
        } else {
            signal.addAll(ConfigPlans.pump(shared, window, defaults));
        }
        signal.add(Gates.gate(
                "ema-alignment",
                c -> c.price()
                        .map(price -> trend.notUp(trend.read(c.ctx(), c.mint(), price)))
                        .orElseGet(() -> Optional.of("price unknown"))));
        List<ExitRule> exits = new ArrayList<>();
        if (reversed != null) {
            exits.add(new ExitRule.Reversal(reversed));
        }
        exits.addAll(ConfigPlans.exits(shared, config.exitFields()));
        BigDecimal trailing = config.trailingPct() == null ? DEFAULT_TRAILING : config.trailingPct();
        exits.add(new ExitRule.TrailingStop(trailing.movePointRight(2)));
        Long delay = config.delayBeforeBuyMs();
        return ConfigPlans.plan(
                        config,
                        config.feedFields(),
                        defaults,
                        ConfigPlans.gates(shared, filter, defaults, signal),
                        exits)
                .withEntryDelay(delay == null ? null : Duration.ofMillis(delay));
    }
}
