package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.SolanaAddress;
import java.math.BigDecimal;
import java.util.List;

/**
 * Developer and creator heuristics: skip tokens whose top 5 holders own more than {@code holderTop5MaxPct} (also
 * read as {@code maxHolderPercent}) or whose LP burn is below {@code lpBurnMinPct} (also read as {@code
 * minLpBurnPercent}), both percent 0 to 100; {@code whitelist} bypasses, {@code blacklist} refuses (addresses).
 */
@CrossField
public record DevWatch(
        List<@SolanaAddress String> whitelist,
        List<@SolanaAddress String> blacklist,

        @Between(min = "0", max = "100", unit = "%") @Alias("maxHolderPercent")
        BigDecimal holderTop5MaxPct,

        @Between(min = "0", max = "100", unit = "%") @Alias("minLpBurnPercent")
        BigDecimal lpBurnMinPct,

        Boolean enableInsiderHeuristics)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (whitelist != null && whitelist.contains(null)) {
            rules.reject("whitelist", null, "must not hold empty entries");
        }
        if (blacklist != null && blacklist.contains(null)) {
            rules.reject("blacklist", null, "must not hold empty entries");
        }
    }
}
