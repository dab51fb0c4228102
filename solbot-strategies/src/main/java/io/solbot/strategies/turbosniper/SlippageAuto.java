package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import java.math.BigDecimal;

/**
 * Slippage chosen per trade between {@code floorPct} and {@code ceilPct} (0.01 to 99 %, floor at most ceil),
 * moving by {@code sensitivity} (0 to 1).
 */
@CrossField
public record SlippageAuto(
        Boolean enabled,
        @Between(min = "0.01", max = "99", unit = "%") BigDecimal floorPct,
        @Between(min = "0.01", max = "99", unit = "%") BigDecimal ceilPct,
        @Between(min = "0", max = "1") BigDecimal sensitivity)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (floorPct != null && ceilPct != null && ceilPct.compareTo(floorPct) < 0) {
            rules.reject("ceilPct", ceilPct, "must be at least floorPct (" + floorPct.toPlainString() + ")");
        }
    }
}
