package io.solbot.persistence;

import io.solbot.core.domain.Fill;
import java.util.Objects;

/**
 * A fill to record, with what the ledger needs besides the fill itself.
 *
 * @param strategyId the strategy of the bot that placed the order
 * @param fill the fill
 * @param reason why the order was placed (for a sell: the exit reason, such as {@code take-profit}); at most 32
 *     characters
 */
public record FillRecord(String strategyId, Fill fill, String reason) {
    public FillRecord {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > 32) {
            throw new IllegalArgumentException("reason must be at most 32 characters, but was '" + reason + "'");
        }
    }
}
