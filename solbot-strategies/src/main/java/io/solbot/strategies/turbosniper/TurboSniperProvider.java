package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.on;

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
 * The {@code turbo-sniper} strategy: the sniper's feed, gates and exits, with each token it buys treated as one signal
 * (see {@link TurboStrategy}): bought once, optionally after a probe ({@code probe}), in tranches ({@code iceberg})
 * across wallets ({@code parallelWallets}), each order with its priority fee (fixed {@code priorityFeeLamports}, or
 * with {@code autoPriorityFee} the 75th percentile of recent fees within {@code cuPriceMicroLamportsMin} and {@code
 * cuPriceMicroLamportsMax}) and, with {@code useJitoBundle}, its Jito tip; failed pieces retried per {@code
 * retryPolicy}; a take-profit ladder ({@code tpLadder}), a trailing stop and {@code stopLossPercent} beside the
 * sniper's exits; a kill switch ({@code killSwitch}, {@code killThreshold}); signals remembered for {@code
 * idempotency.ttlSec} (always, if unset) and resumed after a restart with {@code idempotency.resumeFromLast}.
 */
public final class TurboSniperProvider implements StrategyProvider<TurboSniperConfig> {
    public TurboSniperProvider() {}

    @Override
    public String id() {
        return "turbo-sniper";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Low-latency sniper: priority fees, Jito tips, probe buys, tranches across wallets, TP ladder,"
                + " kill switch";
    }

    @Override
    public Class<TurboSniperConfig> configType() {
        return TurboSniperConfig.class;
    }

    /**
     * The sniper's reads, and several wallets when {@code parallelWallets} is on. The recent priority fees are read
     * when the market has them (an automatic fee falls back to the fixed one otherwise), so they are not required.
     */
    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(TurboSniperConfig config) {
        return new TurboStrategy(plan(config));
    }

    static TurboPlan plan(TurboSniperConfig c) {
        TurboToggles toggles = c.turboToggles();
        boolean auto = toggles != null && on(toggles.autoPriorityFee());
        Long fixed = c.sharedFields().priorityFeeLamports();
        TurboPlan.Fee fee = new TurboPlan.Fee(
                fixed == null ? null : Lamports.of(fixed),
                auto,
                c.cuPriceMicroLamportsMin() == null ? 0 : c.cuPriceMicroLamportsMin(),
                c.cuPriceMicroLamportsMax() == null ? Long.MAX_VALUE : c.cuPriceMicroLamportsMax(),
                null);
        boolean jito = toggles != null && on(toggles.useJitoBundle()) && c.jitoTipLamports() != null;
        RetryPolicy retry = c.retryPolicy();
        Iceberg iceberg = c.iceberg() != null && on(c.iceberg().enabled()) ? c.iceberg() : null;
        ParallelWallets wallets =
                c.parallelWallets() != null && on(c.parallelWallets().enabled()) ? c.parallelWallets() : null;
        Probe probe = c.probe() != null && on(c.probe().enabled()) ? c.probe() : null;
        Integer ttl = c.idempotency() != null && c.idempotency().ttlSec() != null
                ? c.idempotency().ttlSec()
                : c.idempotencyTtlSec();
        return new TurboPlan(
                TurboPlans.trading(
                        c,
                        c.feedFields(),
                        c.filterFields(),
                        c.exitFields(),
                        c.sniperFields(),
                        c.tpLadder(),
                        c.stopLossPercent(),
                        c.trailingStopPct()),
                fee,
                jito ? Lamports.of(c.jitoTipLamports()) : Lamports.ZERO,
                retry == null || retry.max() == null ? 0 : retry.max(),
                retry == null || retry.bumpCuStep() == null ? 0 : retry.bumpCuStep(),
                Lamports.of(retry == null || retry.bumpTipStep() == null ? 0 : retry.bumpTipStep()),
                iceberg == null || iceberg.tranches() == null ? 1 : iceberg.tranches(),
                Duration.ofMillis(iceberg == null || iceberg.trancheDelayMs() == null ? 0 : iceberg.trancheDelayMs()),
                wallets == null ? List.of() : wallets.walletIds(),
                wallets == null ? List.of() : wallets.splitPct(),
                wallets == null ? 1 : wallets.maxParallel(),
                probe == null
                        ? null
                        : new TurboPlan.Probe(
                                probe.usd(),
                                probe.scaleFactor(),
                                probe.abortOnImpactPct(),
                                Duration.ofMillis(probe.delayMs())),
                toggles != null && on(toggles.killSwitch()) ? c.killThreshold() : null,
                ttl == null ? null : Duration.ofSeconds(ttl),
                c.idempotency() != null && on(c.idempotency().resumeFromLast()));
    }
}
