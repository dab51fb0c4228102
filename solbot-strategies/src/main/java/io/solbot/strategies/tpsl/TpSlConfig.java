package io.solbot.strategies.tpsl;

import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Lamports;
import io.solbot.strategies.common.MonitorFields;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * TP/SL rules, as the original's {@code TpSlRule} monitor, on the position this bot opens: it buys {@code
 * amountToSpend} of the token at its first tick, then sells by its rules, each a take profit or a stop loss (a change
 * from the entry price, percent) selling a share of the position as bought.
 *
 * @param tokenMint the token; required
 * @param amountToSpend SOL the entry buy spends; required
 * @param entryPrice the price the rules measure from, USD per token; left out, the entry buy's own price
 * @param rules 1 to 20 rules; required
 * @param maxHoldSec sell what is left this long after the entry, seconds, at least 1 (the original's smart exit by
 *     time)
 * @param monitorFields {@code interval} (default 10 s), {@code slippage}, {@code priorityFeeLamports}, {@code
 *     haltOnFailures}
 */
@CrossField
public record TpSlConfig(
        @Required @SolanaAddress String tokenMint,

        @Required @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal amountToSpend,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal entryPrice,

        @Required List<@Valid Rule> rules,
        @Between(min = "1", unit = "seconds") Long maxHoldSec,
        @Flatten @Valid MonitorFields monitorFields,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    /**
     * One rule: once the price is {@code tp} % or more above the entry (or {@code sl} % or more below it), sell {@code
     * sellPct} % of the position as bought (at most what is left). Exactly one of {@code tp} and {@code sl}.
     *
     * @param tp take profit, percent above the entry, greater than 0
     * @param sl stop loss, percent below the entry, greater than 0 and at most 100
     * @param sellPct share of the position as bought, percent, greater than 0 and at most 100; required
     */
    @CrossField
    public record Rule(
            @Between(min = "0", minInclusive = false, unit = "%")
            BigDecimal tp,

            @Between(min = "0", minInclusive = false, max = "100", unit = "%")
            BigDecimal sl,

            @Required @Between(min = "0", minInclusive = false, max = "100", unit = "%")
            BigDecimal sellPct)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if ((tp == null) == (sl == null)) {
                rules.reject("tp", tp, "one of tp and sl is required, not both");
            }
        }
    }

    @Override
    public void check(Rules rules) {
        if (this.rules != null && (this.rules.isEmpty() || this.rules.size() > 20)) {
            rules.reject("rules", this.rules.size() + " rules", "must hold 1 to 20 rules");
        } else if (this.rules != null && this.rules.contains(null)) {
            rules.reject("rules", null, "must not hold empty rules");
        }
    }

    /** One trade, its entry buy. */
    @Override
    public BotSettings settings() {
        return MonitorFields.orNone(monitorFields).settings(Duration.ofSeconds(10), 1, Lamports.ofSol(amountToSpend));
    }

    @Override
    public List<String> warnings() {
        return rules.stream().anyMatch(r -> r != null && r.sl() != null)
                ? List.of()
                : List.of("no stop loss (no rule has an sl)");
    }
}
