package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.WHEN_ENABLED;
import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.List;

/**
 * Split each buy across wallets: {@code walletIds} with one {@code splitPct} share each (each greater than 0 and at
 * most 1, summing to 1 ± 0.05), at most {@code maxParallel} at once (1 to the number of wallets). When enabled,
 * the wallets, shares and {@code maxParallel} are required.
 */
@CrossField
public record ParallelWallets(
        Boolean enabled,
        List<@NotBlank(message = "must not be blank") String> walletIds,
        List<@Between(min = "0", minInclusive = false, max = "1") BigDecimal> splitPct,
        @Between(min = "1") Integer maxParallel)
        implements CrossFieldRules {
    static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.05");

    @Override
    public void check(Rules rules) {
        if (!on(enabled)) {
            return;
        }
        if (walletIds == null || walletIds.isEmpty()) {
            rules.reject("walletIds", walletIds, "must list at least one wallet when enabled is true");
            return;
        }
        if (splitPct == null || splitPct.size() != walletIds.size()) {
            rules.reject(
                    "splitPct",
                    splitPct,
                    "must give one share per wallet (" + walletIds.size() + ") when enabled is true");
        } else if (!splitPct.contains(null)) {
            BigDecimal sum = splitPct.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(BigDecimal.ONE).abs().compareTo(SUM_TOLERANCE) > 0) {
                rules.reject("splitPct", splitPct, "must sum to 1 ± 0.05, but sums to " + sum.toPlainString());
            }
        }
        if (maxParallel == null) {
            rules.require("maxParallel", null, WHEN_ENABLED);
        } else if (maxParallel > walletIds.size()) {
            rules.reject(
                    "maxParallel", maxParallel, "must be at most the number of walletIds (" + walletIds.size() + ")");
        }
    }
}
