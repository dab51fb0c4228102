package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.OneOf;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The turbo sniper: the sniper's fields plus the low-latency knobs. Its rules are reachable (the original's turbo
 * validator was keyed {@code turboSniper} but looked up lower-cased, so turbo configs got only the shared rules).
 *
 * @param multiBuyCount buys per signal, 1 to 3
 * @param useJitoBundle send as a Jito bundle
 * @param jitoTipLamports Jito tip, lamports, at least 0
 * @param jitoRelayUrl Jito relay, an https URL
 * @param bundleStrategy {@code topOfBlock}, {@code mid} or {@code nearEnd}
 * @param tipCurve {@code flat}, {@code linear} or {@code expo}
 * @param autoPriorityFee pick the priority fee from recent fees
 * @param cuPriceMicroLamportsMin compute-unit price floor, micro-lamports, at least 0
 * @param cuPriceMicroLamportsMax compute-unit price cap, micro-lamports, at least the floor
 * @param directAmmFirstPct share routed to the AMM directly first, a fraction 0 to 1
 * @param skipPreflight skip the RPC preflight simulation
 * @param impactAbortPct abort above this price impact, percent 0 to 100
 * @param dynamicSlippageMaxPct cap of dynamic slippage, percent 0 to 100
 * @param ghostMode buy through a cover wallet; needs {@code coverWalletId}
 * @param coverWalletId the cover wallet
 * @param killSwitch stop after {@code killThreshold} failures
 * @param killThreshold failures before the kill switch fires, at least 1
 * @param rpcMaxErrors RPC errors tolerated, at least 1
 * @param quoteTtlMs a quote older than this is refused, ms, at least 1
 * @param smartExitTimeMins flat time exit, 1 to 1440 minutes
 * @param smartVolLookbackSec flat volume-exit lookback, 5 to 600 s
 * @param smartVolThreshold flat volume-exit threshold, at least 0
 * @param smartLiqLookbackSec flat liquidity-exit lookback, 5 to 600 s
 * @param smartLiqDropPct flat liquidity-exit drop, percent 0 to 100
 * @param trailingStopPct trailing stop, percent 0 to 100
 * @param tpLadder take-profit ladder, each percent 0 to 100
 * @param idempotency duplicate-send protection
 * @param iceberg split buys into tranches
 */
@CrossField
public record TurboSniperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Between(min = "0", unit = "ms") Long delayBeforeBuyMs,
        @Between(min = "1", max = "3") Integer multiBuyCount,
        Boolean useJitoBundle,
        @Between(min = "0", unit = "lamports") Long jitoTipLamports,

        @jakarta.validation.constraints.Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String jitoRelayUrl,

        @OneOf({"topOfBlock", "mid", "nearEnd"}) String bundleStrategy,
        @OneOf({"flat", "linear", "expo"}) String tipCurve,
        Boolean autoPriorityFee,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMin,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMax,
        @Between(min = "0", max = "1") BigDecimal directAmmFirstPct,
        Boolean skipPreflight,
        @Between(min = "0", max = "100", unit = "%") BigDecimal impactAbortPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dynamicSlippageMaxPct,
        Boolean ghostMode,
        String coverWalletId,
        Boolean killSwitch,
        @Between(min = "1") Integer killThreshold,
        @Between(min = "1") Integer rpcMaxErrors,
        @Between(min = "1", unit = "ms") Long quoteTtlMs,
        @Between(min = "1", max = "1440", unit = "minutes") Integer smartExitTimeMins,
        @Between(min = "5", max = "600", unit = "seconds") Integer smartVolLookbackSec,
        @Between(min = "0") BigDecimal smartVolThreshold,
        @Between(min = "5", max = "600", unit = "seconds") Integer smartLiqLookbackSec,
        @Between(min = "0", max = "100", unit = "%") BigDecimal smartLiqDropPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal trailingStopPct,
        List<@Between(min = "0", max = "100") BigDecimal> tpLadder,
        @Valid Idempotency idempotency,
        @Valid Iceberg iceberg)
        implements TradingConfig, CrossFieldRules {

    /** Duplicate-send protection: an intent is remembered {@code ttlSec} seconds (at least 1). */
    public record Idempotency(
            @Between(min = "1", unit = "seconds") Integer ttlSec, String salt, Boolean resumeFromLast) {}

    /** Splits each buy into {@code tranches} (1 to 20) parts {@code trancheDelayMs} apart. */
    public record Iceberg(
            Boolean enabled,
            @Between(min = "1", max = "20") Integer tranches,
            @Between(min = "0", unit = "ms") Long trancheDelayMs) {}

    @Override
    public void check(Rules rules) {
        if (Boolean.TRUE.equals(ghostMode) && (coverWalletId == null || coverWalletId.isBlank())) {
            rules.reject("coverWalletId", null, "is required when ghostMode is true");
        }
        if (cuPriceMicroLamportsMin != null
                && cuPriceMicroLamportsMax != null
                && cuPriceMicroLamportsMax < cuPriceMicroLamportsMin) {
            rules.reject(
                    "cuPriceMicroLamportsMax",
                    cuPriceMicroLamportsMax,
                    "must be at least cuPriceMicroLamportsMin (" + cuPriceMicroLamportsMin + ")");
        }
        if (Boolean.TRUE.equals(killSwitch) && killThreshold == null) {
            rules.reject("killThreshold", null, "is required when killSwitch is true");
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.TURBO_MODES);
        }
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(TradingConfig.super.warnings());
        if (!Units.isOff(trailingStopPct)) {
            out.removeIf(w -> w.startsWith("no stop loss"));
        }
        return out;
    }
}
