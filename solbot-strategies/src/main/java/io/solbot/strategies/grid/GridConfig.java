package io.solbot.strategies.grid;

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
 * A grid: {@code levels} prices evenly spaced from {@code lowerPrice} to {@code upperPrice} (USD per token); each level
 * but the top buys {@code amountPerLevel} when the price falls to it and sells that lot at the level above.
 *
 * @param tokenMint the token; required
 * @param lowerPrice the lowest level, USD per token; required
 * @param upperPrice the highest level, USD per token, above {@code lowerPrice}; required
 * @param levels how many levels, 2 to 100 (default 10)
 * @param amountPerLevel SOL each level's buy spends; required
 * @param rebuild move the grid to the price when it leaves the range (default true)
 * @param maxTrades buys in the bot's life at most, 1 to 1 000 000 (default 10 000)
 * @param monitorFields {@code interval} (default 10 s), {@code slippage}, {@code priorityFeeLamports}, {@code
 *     haltOnFailures}
 */
@CrossField
public record GridConfig(
        @Required @SolanaAddress String tokenMint,

        @Required @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal lowerPrice,

        @Required @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal upperPrice,

        @Between(min = "2", max = "100") Integer levels,

        @Required @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal amountPerLevel,

        Boolean rebuild,
        @Between(min = "1", max = "1000000") Integer maxTrades,
        @Flatten @Valid MonitorFields monitorFields,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    static final int DEFAULT_LEVELS = 10;

    @Override
    public void check(Rules rules) {
        if (lowerPrice != null && upperPrice != null && upperPrice.compareTo(lowerPrice) <= 0) {
            rules.reject("upperPrice", upperPrice, "must be above lowerPrice (" + lowerPrice.toPlainString() + ")");
        }
    }

    int levelCount() {
        return levels == null ? DEFAULT_LEVELS : levels;
    }

    /** Each buy spends {@code amountPerLevel}; one token, its levels' lots together one position. */
    @Override
    public BotSettings settings() {
        return MonitorFields.orNone(monitorFields)
                .settings(
                        Duration.ofSeconds(10), maxTrades == null ? 10_000 : maxTrades, Lamports.ofSol(amountPerLevel));
    }

    @Override
    public List<String> warnings() {
        return List.of(
                Boolean.FALSE.equals(rebuild)
                        ? "no stop loss (lots bought stay held while the price is below the grid)"
                        : "no stop loss but the grid's floor (below it the lots are sold and the grid moves)");
    }
}
