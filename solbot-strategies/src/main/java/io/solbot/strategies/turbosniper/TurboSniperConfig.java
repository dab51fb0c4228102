package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.OneOf;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TurboExitFields;
import io.solbot.strategies.common.TurboToggles;
import io.solbot.strategies.common.TurboTradingConfig;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The turbo sniper: every field of the sniper plus all of the original's turbo knobs ({@code validateTurboSniper}),
 * its rules reachable (the original's turbo validator was keyed {@code turboSniper} but looked up lower-cased, so
 * turbo configs got only the shared rules).
 *
 * <p>Groups the original read only when {@code enabled: true} (leader timing, parallel wallets, pump.fun, airdrops,
 * private relay, probe) check their fields' ranges whenever given, and require the fields they need only when
 * enabled. Where the original accepted either comma-separated text or a list ({@code tpLadder}, {@code allowedDexes},
 * {@code rpcEndpoints}, {@code cuPriceCurve}), a list is required; {@code cuPriceCurve} and {@code
 * tipCurveCoefficients} are written as a list of coefficients, not as {@code {coeffs: [...]}}.
 *
 * @param sniperFields the sniper's own fields, accepted and range-checked as the sniper does
 * @param maxPriceImpactPct LP gate: refuse a quote above this price impact, percent 0 to 100
 * @param multiBuyCount buys per signal, 1 to 3
 * @param multiWallet wallets to buy from in parallel (the original's shortcut for {@code parallelWallets.maxParallel}),
 *     at least 1
 * @param jitoTipLamports Jito tip, lamports, 0 to 1 000 000 000 (1 SOL; the original had no upper bound)
 * @param jitoRelayUrl Jito relay, an https URL
 * @param bundleStrategy {@code topOfBlock}, {@code mid} or {@code nearEnd}
 * @param tipCurve {@code flat}, {@code linear} or {@code expo}
 * @param cuPriceMicroLamportsMin compute-unit price floor, micro-lamports, at least 0
 * @param cuPriceMicroLamportsMax compute-unit price cap, micro-lamports, at least the floor
 * @param cuPriceCurve coefficients of the compute-unit price curve
 * @param tipCurveCoefficients coefficients of the tip curve
 * @param directAmmFirstPct share routed to the AMM directly first, a fraction 0 to 1
 * @param impactAbortPct abort above this price impact, percent 0 to 100
 * @param dynamicSlippageMaxPct cap of dynamic slippage, percent 0 to 100
 * @param allowedDexes DEXes the route may use (names, not blank)
 * @param excludedDexes DEXes the route must avoid (names, not blank)
 * @param coverWalletId the cover wallet of {@code ghostMode}
 * @param killThreshold failures before the kill switch fires, at least 1; required with {@code killSwitch}
 * @param rpcMaxErrors RPC errors tolerated, at least 1
 * @param rpcEndpoints RPC endpoints, http(s) URLs
 * @param privateRpcUrl a private RPC endpoint, an http(s) URL
 * @param quoteTtlMs a quote older than this is refused, ms, at least 1
 * @param idempotencyTtlSec the original's flat form of {@code idempotency.ttlSec}, at least 1 s; not with it
 * @param trailingStopPct trailing stop, percent 0 to 100
 * @param stopLossPercent the original's turbo spelling of a stop loss, percent 0 to 100
 * @param tpLadder take-profit ladder, each percent 0 to 100
 * @param maxHolderPercent the original's flat form of {@code devWatch.maxHolderPercent}, percent 0 to 100
 * @param poolFreshnessWindowSlots a pool older than this many slots is not new, at least 1
 * @param riskLevels the original's free-form risk levels object (kept, not used)
 */
@CrossField
public record TurboSniperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid TurboExitFields turboExitFields,
        @Flatten @Valid TurboToggles turboToggles,
        @Flatten @Valid Toggles toggles,
        @Flatten @Valid SniperFields sniperFields,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxPriceImpactPct,
        @Between(min = "1", max = "3") Integer multiBuyCount,
        @Between(min = "1") Integer multiWallet,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long jitoTipLamports,

        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String jitoRelayUrl,

        @OneOf({"topOfBlock", "mid", "nearEnd"}) String bundleStrategy,
        @OneOf({"flat", "linear", "expo"}) String tipCurve,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMin,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMax,
        List<BigDecimal> cuPriceCurve,
        List<BigDecimal> tipCurveCoefficients,
        @Between(min = "0", max = "1") BigDecimal directAmmFirstPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal impactAbortPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dynamicSlippageMaxPct,
        List<@NotBlank(message = "must not be blank") String> allowedDexes,
        List<@NotBlank(message = "must not be blank") String> excludedDexes,
        String coverWalletId,
        @Between(min = "1") Integer killThreshold,
        @Between(min = "1") Integer rpcMaxErrors,
        List<@Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> rpcEndpoints,

        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String privateRpcUrl,

        @Between(min = "1", unit = "ms") Long quoteTtlMs,
        @Between(min = "1", unit = "seconds") Integer idempotencyTtlSec,
        @Between(min = "0", max = "100", unit = "%") BigDecimal trailingStopPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal stopLossPercent,
        List<@Between(min = "0", max = "100") BigDecimal> tpLadder,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxHolderPercent,
        @Between(min = "1", unit = "slots") Integer poolFreshnessWindowSlots,
        Map<String, Object> riskLevels,
        @Valid Flags flags,
        @Valid LeaderTiming leaderTiming,
        @Valid Idempotency idempotency,
        @Valid RetryPolicy retryPolicy,
        @Valid ParallelWallets parallelWallets,
        @Valid Pumpfun pumpfun,
        @Valid Airdrops airdrops,
        @Valid PrivateRelay privateRelay,
        @Valid Sizing sizing,
        @Valid Probe probe,
        @Valid Iceberg iceberg,
        @Valid DevWatch devWatch,
        @Valid Feeds feeds,
        @Valid Rpc rpc,
        @Valid LiqGate liqGate,
        @Valid SlippageAuto slippageAuto,
        @Valid PostTx postTx)
        implements TurboTradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (feedFields != null) {
            feedFields.requireSource(rules);
        }
        if (turboToggles != null) {
            if (on(turboToggles.ghostMode()) && (coverWalletId == null || coverWalletId.isBlank())) {
                rules.reject("coverWalletId", null, "is required when ghostMode is true");
            }
            if (on(turboToggles.killSwitch()) && killThreshold == null) {
                rules.reject("killThreshold", null, "is required when killSwitch is true");
            }
        }
        if (cuPriceMicroLamportsMin != null
                && cuPriceMicroLamportsMax != null
                && cuPriceMicroLamportsMax < cuPriceMicroLamportsMin) {
            rules.reject(
                    "cuPriceMicroLamportsMax",
                    cuPriceMicroLamportsMax,
                    "must be at least cuPriceMicroLamportsMin (" + cuPriceMicroLamportsMin + ")");
        }
        if (idempotencyTtlSec != null && idempotency != null && idempotency.ttlSec() != null) {
            rules.reject(
                    "idempotencyTtlSec",
                    idempotencyTtlSec,
                    "is given as idempotencyTtlSec and idempotency.ttlSec; give only one of them");
        }
        if (maxHolderPercent != null && devWatch != null && devWatch.holderTop5MaxPct() != null) {
            rules.reject(
                    "maxHolderPercent",
                    maxHolderPercent,
                    "is given as maxHolderPercent and devWatch.maxHolderPercent; give only one of them");
        }
        if (stopLossPercent != null && sharedFields != null && sharedFields.stopLoss() != null) {
            rules.reject(
                    "stopLossPercent",
                    stopLossPercent,
                    "is given as stopLoss and stopLossPercent; give only one of them");
        }
        if (multiWallet != null
                && parallelWallets != null
                && parallelWallets.walletIds() != null
                && on(parallelWallets.enabled())
                && multiWallet > parallelWallets.walletIds().size()) {
            rules.reject(
                    "multiWallet",
                    multiWallet,
                    "must be at most the number of parallelWallets.walletIds ("
                            + parallelWallets.walletIds().size() + ")");
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.TURBO_MODES, turboExitFields);
        }
        checkLadder(rules);
        if (turboToggles != null) {
            if (on(turboToggles.autoPriorityFee()) && cuPriceMicroLamportsMax == null) {
                rules.reject(
                        "cuPriceMicroLamportsMax",
                        null,
                        "is required when autoPriorityFee is true: the most the automatic priority fee may bid");
            }
            TurboToggles.checkJitoTip(rules, turboToggles, jitoTipLamports);
        }
    }

    private void checkLadder(Rules rules) {
        if (tpLadder == null || tpLadder.isEmpty() || tpLadder.contains(null)) {
            return;
        }
        if (sharedFields == null || Units.isOff(sharedFields.takeProfit())) {
            rules.reject(
                    "tpLadder",
                    tpLadder,
                    "needs takeProfit: rung i of the ladder sells its share at i × takeProfit % above the entry");
        }
        BigDecimal hundred = BigDecimal.valueOf(100);
        if (tpLadder.stream().anyMatch(share -> share.signum() < 0 || share.compareTo(hundred) > 0)) {
            return; // a share out of range is reported on its own
        }
        BigDecimal sum = tpLadder.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(hundred) > 0) {
            rules.reject(
                    "tpLadder",
                    tpLadder,
                    "shares of the position must sum to at most 100 %, but sum to " + sum.toPlainString());
        }
    }

    /** The probe (1 with {@code probe.enabled}), then the iceberg's tranches, each across the parallel wallets. */
    @Override
    public int ordersPerSignal() {
        int tranches = iceberg != null && on(iceberg.enabled()) && iceberg.tranches() != null ? iceberg.tranches() : 1;
        int wallets = parallelWallets != null && on(parallelWallets.enabled()) && parallelWallets.walletIds() != null
                ? Math.max(1, parallelWallets.walletIds().size())
                : 1;
        return (probe != null && on(probe.enabled()) ? 1 : 0) + tranches * wallets;
    }

    /** Several orders per signal, or a retry of a failed piece. */
    @Override
    public boolean buysATokenInARow() {
        return ordersPerSignal() > 1 || (retryPolicy != null && retryPolicy.max() != null && retryPolicy.max() > 0);
    }

    /** A trailing stop, or a stop loss in the original's turbo spelling. */
    @Override
    public boolean hasTurboStopLoss() {
        return !Units.isOff(trailingStopPct) || !Units.isOff(stopLossPercent);
    }
}
