package io.solbot.strategies.common;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
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
 * {@code none} and {@code volume} exist for the turbo strategies only; {@link #checkMode} says which a strategy allows.
 */
@CrossField
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
        Boolean authorityFlipExit)
        implements CrossFieldRules {

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

    /** Exit when volume fades (turbo). */
    public record Volume(
            @Between(min = "5", max = "600", unit = "seconds")
            Integer lookbackSec,

            @Between(min = "0") BigDecimal threshold) {}

    /** Exit when liquidity drops (turbo). */
    public record Liquidity(
            @Between(min = "5", max = "600", unit = "seconds")
            Integer lookbackSec,

            @Between(min = "0", max = "100", unit = "%") BigDecimal dropPct) {}

    /** Watching a position after the buy. */
    public record PostBuyWatch(
            @Between(min = "1", unit = "seconds") Integer intervalSec,
            Boolean authorityFlipExit,
            @Between(min = "0", max = "100", unit = "%") BigDecimal lpOutflowExitPct,
            @Between(min = "0") Integer rugDelayBlocks) {}

    private String mode() {
        return smartExitMode == null ? "off" : smartExitMode.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void check(Rules rules) {
        String mode = mode();
        if (mode.equals("time")) {
            Integer nested = smartExit != null && smartExit.time() != null
                    ? smartExit.time().maxHoldSec()
                    : null;
            if (nested == null && timeMaxHoldSec == null) {
                rules.reject(
                        "smartExit.time.maxHoldSec",
                        null,
                        "is required when smartExitMode is time (or timeMaxHoldSec)");
            }
        }
        if (mode.equals("liquidity")) {
            BigDecimal pct = postBuyWatch != null && postBuyWatch.lpOutflowExitPct() != null
                    ? postBuyWatch.lpOutflowExitPct()
                    : lpOutflowExitPct;
            if (pct == null || pct.signum() <= 0) {
                rules.reject(
                        "postBuyWatch.lpOutflowExitPct",
                        pct,
                        "must be greater than 0 and at most 100 % when smartExitMode is liquidity (or lpOutflowExitPct)");
            }
        }
    }

    /** Reports {@code smartExitMode} unless it is one of {@code allowed}. */
    public void checkMode(CrossFieldRules.Rules rules, Set<String> allowed) {
        if (smartExitMode != null && TURBO_MODES.contains(mode()) && !allowed.contains(mode())) {
            rules.reject(
                    "smartExitMode",
                    smartExitMode,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " for this strategy");
        }
    }
}
