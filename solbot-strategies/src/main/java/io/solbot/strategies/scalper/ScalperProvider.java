package io.solbot.strategies.scalper;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code scalper} strategy: the sniper's pipeline on short windows (a pump of {@code entryThreshold}, 3 %, over
 * {@code priceWindow}, 1 min; no volume gate unless {@code volumeThreshold} is set; price impact at most 5 %; 3 SOL a
 * day), or with {@code useSignals} a mean-reversion entry instead of the pump: the price at least {@code
 * vwapDiscountPct} (0.5 %) below the VWAP of the price window. Exits: stop loss {@code stopLoss} % or {@code
 * stopLossPct} (1 %), take profit {@code takeProfit} % or {@code takeProfitPct} (3 %), and a hard {@code
 * maxHoldSeconds} (30 s).
 */
public final class ScalperProvider implements StrategyProvider<ScalperConfig> {
    static final EntryDefaults DEFAULTS = new EntryDefaults(
            Duration.ofMinutes(1),
            new BigDecimal("3"),
            BigDecimal.ZERO,
            new BigDecimal("50000"),
            new BigDecimal("0.05"),
            new BigDecimal("3"));
    static final BigDecimal TAKE_PROFIT = new BigDecimal("0.03");
    static final BigDecimal STOP_LOSS = new BigDecimal("0.01");
    static final int MAX_HOLD_SECONDS = 30;
    static final BigDecimal VWAP_DISCOUNT = new BigDecimal("0.5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ScalperProvider() {}

    @Override
    public String id() {
        return "scalper";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Short-window momentum scalps with a hard hold timeout";
    }

    @Override
    public Class<ScalperConfig> configType() {
        return ScalperConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(ScalperConfig config) {
        return new TradingStrategy(plan(config));
    }

    static TradingPlan plan(ScalperConfig config) {
        FilterConfig filter = ConfigPlans.orEmpty(config.filterFields());
        SharedConfig shared = config.sharedFields();
        Duration window = ConfigPlans.window(filter.priceWindow(), DEFAULTS.priceWindow());
        List<Gate> signal = Boolean.TRUE.equals(config.useSignals())
                ? List.of(Gates.belowVwap(
                        window, config.vwapDiscountPct() == null ? VWAP_DISCOUNT : config.vwapDiscountPct()))
                : ConfigPlans.pump(shared, window, DEFAULTS);
        return ConfigPlans.plan(
                config,
                config.feedFields(),
                DEFAULTS,
                ConfigPlans.gates(shared, filter, DEFAULTS, signal),
                exits(config));
    }

    /** The shared exits, with the scalper's own stop loss, take profit and hard hold time where those are unset. */
    static List<ExitRule> exits(ScalperConfig config) {
        SharedConfig shared = config.sharedFields();
        List<ExitRule> out = new ArrayList<>(ConfigPlans.exits(shared, config.exitFields()));
        if (Units.isOff(shared.stopLoss())) {
            BigDecimal sl = config.stopLossPct() == null ? STOP_LOSS : config.stopLossPct();
            out.add(0, new ExitRule.StopLoss(sl.multiply(HUNDRED), HUNDRED));
        }
        if (Units.isOff(shared.takeProfit())) {
            BigDecimal tp = config.takeProfitPct() == null ? TAKE_PROFIT : config.takeProfitPct();
            out.add(new ExitRule.TakeProfit(tp.multiply(HUNDRED), HUNDRED));
        }
        int hold = config.maxHoldSeconds() == null ? MAX_HOLD_SECONDS : config.maxHoldSeconds();
        out.add(new ExitRule.MaxHold(Duration.ofSeconds(hold), null));
        return out;
    }
}
