package io.solbot.strategies.turbopapertrader;

import io.solbot.core.domain.Lamports;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.TurboToggles;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.TurboPlan;
import io.solbot.strategies.common.internal.TurboPlans;
import io.solbot.strategies.common.internal.TurboStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code turbo-paper-trader} strategy: the turbo sniper's pipeline ({@link TurboStrategy}) with the turbo paper
 * trader's fields, as the paper trader is to the sniper: one buy per signal (no probe, tranches or wallets), each order
 * with its priority fee (with {@code autoPriorityFee}, the 75th percentile of recent fees, at most {@code
 * priorityFeeLamports}) and, with {@code useJitoBundle}, its Jito tip; a trailing stop beside the sniper's exits; with
 * {@code killSwitch}, a halt after {@code haltOnFailures} failed orders in all (not only in a row). On the paper
 * executor its own simulation fields ({@code execModel}, {@code seed}, {@code latency}, ...) set how its orders run.
 */
public final class TurboPaperTraderProvider implements StrategyProvider<TurboPaperTraderConfig> {
    public TurboPaperTraderProvider() {}

    @Override
    public String id() {
        return "turbo-paper-trader";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "The turbo sniper on paper: priority fees, Jito tips, trailing stop, kill switch, its own simulation";
    }

    @Override
    public Class<TurboPaperTraderConfig> configType() {
        return TurboPaperTraderConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(TurboPaperTraderConfig config) {
        return new TurboStrategy(plan(config));
    }

    static TurboPlan plan(TurboPaperTraderConfig c) {
        TurboToggles toggles = c.turboToggles();
        boolean auto = toggles != null && Boolean.TRUE.equals(toggles.autoPriorityFee());
        Long fixed = c.sharedFields().priorityFeeLamports();
        Lamports fixedFee = fixed == null ? null : Lamports.of(fixed);
        boolean jito = toggles != null && Boolean.TRUE.equals(toggles.useJitoBundle()) && c.jitoTipLamports() != null;
        boolean kill = toggles != null && Boolean.TRUE.equals(toggles.killSwitch());
        return new TurboPlan(
                TurboPlans.trading(
                        c,
                        c.feedFields(),
                        c.filterFields(),
                        c.exitFields(),
                        c.sniperFields(),
                        null,
                        null,
                        c.trailingStopPct()),
                new TurboPlan.Fee(fixedFee, auto, 0, Long.MAX_VALUE, auto ? fixedFee : null),
                jito ? Lamports.of(c.jitoTipLamports()) : Lamports.ZERO,
                0,
                0,
                Lamports.ZERO,
                1,
                Duration.ZERO,
                List.of(),
                List.of(),
                1,
                null,
                kill ? c.settings().maxFailuresInARow() : null,
                null,
                false);
    }
}
