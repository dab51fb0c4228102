package io.solbot.strategies.limit;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A limit order, as the original's {@code LimitOrder} monitor: buy at or below a price, sell at or above one, or
 * both (buy, then sell what was bought), until it expires. Prices are USD per token, as the original's.
 *
 * @param tokenMint the token; required
 * @param buyAtOrBelow buy once the price is at or below this, USD per token
 * @param amountToSpend SOL the buy spends; required with {@code buyAtOrBelow}
 * @param sellAtOrAbove sell once the price is at or above this, USD per token, above {@code buyAtOrBelow}
 * @param sellPct share of what the bot holds that the sell sells, percent, greater than 0 and at most 100 (default
 *     100)
 * @param expiresAt when the order lapses, ISO-8601 with an offset; not with {@code expiryHours}
 * @param expiryHours how long after its first tick the order lapses, greater than 0; not with {@code expiresAt}
 * @param monitorFields {@code interval} (default 10 s), {@code slippage}, {@code priorityFeeLamports}, {@code
 *     haltOnFailures} (also {@code maxFails}, the original's MAX_FAILS)
 */
@CrossField
public record LimitConfig(
        @Required @SolanaAddress String tokenMint,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal buyAtOrBelow,

        @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal amountToSpend,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal sellAtOrAbove,

        @Between(min = "0", minInclusive = false, max = "100", unit = "%")
        BigDecimal sellPct,

        String expiresAt,

        @Between(min = "0", minInclusive = false, unit = "hours")
        BigDecimal expiryHours,

        @Flatten @Valid MonitorFields monitorFields,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (buyAtOrBelow == null && sellAtOrAbove == null) {
            rules.reject("buyAtOrBelow", null, "is required (or sellAtOrAbove, or both): the order's price");
        }
        if (buyAtOrBelow != null) {
            rules.require("amountToSpend", amountToSpend, "with buyAtOrBelow (the SOL the buy spends)");
        }
        if (buyAtOrBelow != null && sellAtOrAbove != null && sellAtOrAbove.compareTo(buyAtOrBelow) <= 0) {
            rules.reject(
                    "sellAtOrAbove",
                    sellAtOrAbove,
                    "must be above buyAtOrBelow (" + buyAtOrBelow.toPlainString() + ")");
        }
        if (expiresAt != null && expiryHours != null) {
            rules.reject("expiryHours", expiryHours, "must be left out when expiresAt is given (one or the other)");
        }
        if (expiresAt != null) {
            try {
                OffsetDateTime.parse(expiresAt.trim());
            } catch (DateTimeParseException e) {
                rules.reject(
                        "expiresAt", expiresAt, "must be a date and time with an offset, like 2026-12-01T09:00:00Z");
            }
        }
    }

    /** When the order lapses, if {@code expiresAt} says; null otherwise. */
    Instant expiry() {
        return expiresAt == null ? null : OffsetDateTime.parse(expiresAt.trim()).toInstant();
    }

    /** How long after its first tick the order lapses, if {@code expiryHours} says; null otherwise. */
    Duration lifetime() {
        return expiryHours == null
                ? null
                : Duration.ofMillis(
                        expiryHours.multiply(BigDecimal.valueOf(3_600_000)).longValue());
    }

    /** One trade at most (its buy), of one token. */
    @Override
    public BotSettings settings() {
        Lamports buy = amountToSpend == null ? Lamports.ZERO : Lamports.ofSol(amountToSpend);
        return MonitorFields.orNone(monitorFields).settings(Duration.ofSeconds(10), 1, buy);
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(2);
        if (sellAtOrAbove == null) {
            out.add("no stop loss (a buy limit order only buys)");
        }
        if (buyAtOrBelow == null) {
            out.add("sellAtOrAbove without buyAtOrBelow sells only what this bot holds from its own buys");
        }
        return out;
    }
}
