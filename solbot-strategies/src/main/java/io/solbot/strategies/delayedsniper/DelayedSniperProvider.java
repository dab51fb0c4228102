package io.solbot.strategies.delayedsniper;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.internal.ConfigPlans;
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
 * The {@code delayed-sniper} strategy: the sniper's pipeline, defaults and exits, with a launch's first moments left
 * alone. A token is judged only once {@code ignoreBlocks} blocks (400 ms slots; 3 by default) have passed since its
 * listing; it must have warmed up, rising at least {@code breakoutPct} (0.3, that is 30 %) above its opening price
 * and falling back no more than {@code pullbackPct} (0.1) from that high; and once it passed every gate it waits
 * {@code delayBeforeBuyMs} and is bought only if it passes them all again then. {@code scanInterval} is validated
 * (the original never read it); the bot ticks at its {@code interval}. Stateless and thread-safe.
 */
public final class DelayedSniperProvider implements StrategyProvider<DelayedSniperConfig> {
    static final int DEFAULT_IGNORE_BLOCKS = 3;
    static final BigDecimal DEFAULT_BREAKOUT = new BigDecimal("0.3");
    static final BigDecimal DEFAULT_PULLBACK = new BigDecimal("0.1");

    public DelayedSniperProvider() {}

    @Override
    public String id() {
        return "delayed-sniper";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Sniper that skips the first blocks after launch, wants a warm-up ramp and waits before buying";
    }

    @Override
    public Class<DelayedSniperConfig> configType() {
        return DelayedSniperConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(DelayedSniperConfig config) {
        return new TradingStrategy(plan(config));
    }

    static TradingPlan plan(DelayedSniperConfig config) {
        TradingPlan sniper =
                ConfigPlans.sniper(config, config.feedFields(), config.filterFields(), config.exitFields());
        int blocks = config.ignoreBlocks() == null ? DEFAULT_IGNORE_BLOCKS : config.ignoreBlocks();
        BigDecimal breakout = config.breakoutPct() == null ? DEFAULT_BREAKOUT : config.breakoutPct();
        BigDecimal pullback = config.pullbackPct() == null ? DEFAULT_PULLBACK : config.pullbackPct();
        // the launch's first blocks before any read of its history, then the sniper's age gate if it has one, the
        // warm-up, and the sniper's other gates
        List<Gate> gates = new ArrayList<>();
        gates.add(Gates.launchBlocks(blocks));
        List<Gate> rest = new ArrayList<>(sniper.gates());
        if (!rest.isEmpty() && rest.getFirst().name().equals("token-age")) {
            gates.add(rest.removeFirst());
        }
        gates.add(Gates.warmUp(breakout.movePointRight(2), pullback.movePointRight(2)));
        gates.addAll(rest);
        return sniper.replacingGates(gates).withEntryDelay(Duration.ofMillis(config.delayBeforeBuyMs()));
    }
}
