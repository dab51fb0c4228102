package io.solbot.strategies.common;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Smart exits and post-buy watching, nested ({@code smartExit.time.maxHoldSec}, {@code postBuyWatch.intervalSec}) or
 * flat ({@code timeMaxHoldSec}, {@code intervalSec}) as the original accepted both.
 *
 * <p>{@code smartExitMode: time} needs a max hold time; {@code liquidity} needs an LP outflow percent above 0. Modes
 * {@code none} and {@code volume} exist for the turbo strategies only; {@link #checkMode} says which a strategy allows
 * and applies these rules, so every strategy that includes this group calls it from its own cross-field check (the
 * turbo strategies pass their flat {@link TurboExitFields}, which also meet a mode's needs).
 */
public record ExitConfig(
        @OneOf({"off", "none", "time", "volume", "liquidity"})
        String smartExitMode,

        @Valid SmartExit smartExit,
        @Valid PostBuyWatch postBuyWatch,
        @Between(min = "1", unit = "seconds") Integer timeMaxHoldSec,
        @Between(min = "-100", max = "100", unit = "%") BigDecimal timeMinPnLBeforeTimeExitPct,
        @Between(min = "1", unit = "seconds") Integer intervalSec,
        @Between(min = "0", max = "100", unit = "%") BigDecimal lpOutflowExitPct,
        @Between(min = "0") Integer rugDelayBlocks,
        Boolean authorityFlipExit) {

    /** The modes the sniper and the paper trader accept. */
    public static final Set<String> BASIC_MODES = Set.of("off", "time", "liquidity");

    /** The modes the turbo strategies accept. */
    public static final Set<String> TURBO_MODES = Set.of("off", "none", "time", "volume", "liquidity");

    /** {@code smartExit}: the nested form. */
    public record SmartExit(
            @Valid Time time, @Valid Volume volume, @Valid Liquidity liquidity) {}

    /** Exit after a hold time, optionally only above a PnL. */
    public record Time(
            @Between(min = "1", unit = "seconds") Integer maxHoldSec,
            @Between(min = "-100", max = "100", unit = "%") BigDecimal minPnLBeforeTimeExitPct) {}

    /**
     * Exit when volume fades (turbo): over {@code lookbackSec} (also read as the turbo sniper's {@code volWindowSec}),
     * volume below {@code threshold} (quote units) or down by {@code volDropPct} percent.
     */
    public record Volume(
            @Between(min = "5", max = "600", unit = "seconds") @Alias("volWindowSec")
            Integer lookbackSec,

            @Between(min = "0") BigDecimal threshold,
            @Between(min = "0", max = "100", unit = "%") BigDecimal volDropPct) {}

    /**
     * Exit when liquidity drops (turbo): over {@code lookbackSec}, by {@code dropPct} percent (also read as the turbo
     * sniper's {@code lpOutflowExitPct}).
     */
    public record Liquidity(
            @Between(min = "5", max = "600", unit = "seconds")
            Integer lookbackSec,

            @Between(min = "0", max = "100", unit = "%") @Alias("lpOutflowExitPct")
            BigDecimal dropPct) {}

    /**
     * Watching a position after the buy. {@code durationSec} (how long to watch, at least 0 s) and {@code lpPullExit}
     * (sell when the LP is pulled) are the turbo sniper's; the other strategies accept and ignore them.
     */
    public record PostBuyWatch(
            @Between(min = "1", unit = "seconds") Integer intervalSec,
            Boolean authorityFlipExit,
            @Between(min = "0", max = "100", unit = "%") BigDecimal lpOutflowExitPct,
            @Between(min = "0") Integer rugDelayBlocks,
            @Between(min = "0", unit = "seconds") Integer durationSec,
            Boolean lpPullExit) {}

    private String mode() {
        return smartExitMode == null ? "off" : smartExitMode.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Reports {@code smartExitMode} unless it is one of {@code allowed}, and what the mode needs but the config lacks.
     */
    public void checkMode(CrossFieldRules.Rules rules, Set<String> allowed) {
        checkMode(rules, allowed, null);
    }

    /**
     * As {@link #checkMode(CrossFieldRules.Rules, Set)}, where {@code turbo} (may be null) also meets a mode's
     * needs: {@code smartExitTimeMins} for time, {@code smartVolLookbackSec} and {@code smartVolThreshold} for volume,
     * {@code smartLiqLookbackSec} and {@code smartLiqDropPct} for liquidity.
     */
    public void checkMode(CrossFieldRules.Rules rules, Set<String> allowed, TurboExitFields turbo) {
        String mode = mode();
        if (smartExitMode != null && TURBO_MODES.contains(mode) && !allowed.contains(mode)) {
            rules.reject(
                    "smartExitMode",
                    smartExitMode,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " for this strategy");
            return;
        }
        SmartExit nested = smartExit;
        switch (mode) {
            case "time" -> {
                Integer maxHold =
                        nested != null && nested.time() != null ? nested.time().maxHoldSec() : null;
                boolean flat = turbo != null && turbo.smartExitTimeMins() != null;
                if (maxHold == null && timeMaxHoldSec == null && !flat) {
                    rules.reject(
                            "smartExit.time.maxHoldSec",
                            null,
                            "is required when smartExitMode is time (or timeMaxHoldSec"
                                    + (turbo != null ? ", or smartExitTimeMins)" : ")"));
                }
            }
            case "volume" -> {
                Volume v = nested == null ? null : nested.volume();
                boolean lookback = (v != null && v.lookbackSec() != null)
                        || (turbo != null && turbo.smartVolLookbackSec() != null);
                boolean threshold = (v != null && (v.threshold() != null || v.volDropPct() != null))
                        || (turbo != null && turbo.smartVolThreshold() != null);
                if (!lookback) {
                    rules.reject(
                            "smartVolLookbackSec",
                            null,
                            "is required when smartExitMode is volume (or smartExit.volume.lookbackSec)");
                }
                if (!threshold) {
                    rules.reject(
                            "smartVolThreshold",
                            null,
                            "is required when smartExitMode is volume (or smartExit.volume.threshold or volDropPct)");
                }
            }
            case "liquidity" -> {
                boolean turboLiq =
                        turbo != null && turbo.smartLiqLookbackSec() != null && turbo.smartLiqDropPct() != null;
                Liquidity l = nested == null ? null : nested.liquidity();
                boolean nestedLiq = turbo != null && l != null && l.lookbackSec() != null && l.dropPct() != null;
                BigDecimal pct = postBuyWatch != null && postBuyWatch.lpOutflowExitPct() != null
                        ? postBuyWatch.lpOutflowExitPct()
                        : lpOutflowExitPct;
                if (!turboLiq && !nestedLiq && (pct == null || pct.signum() <= 0)) {
                    rules.reject(
                            "postBuyWatch.lpOutflowExitPct",
                            pct,
                            "must be greater than 0 and at most 100 % when smartExitMode is liquidity (or"
                                    + " lpOutflowExitPct"
                                    + (turbo != null ? "; or smartLiqLookbackSec with smartLiqDropPct)" : ")"));
                }
            }
            default -> {}
        }
    }
}
