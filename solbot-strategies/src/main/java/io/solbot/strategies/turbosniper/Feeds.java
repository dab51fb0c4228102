package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import java.util.HashSet;
import java.util.List;

/**
 * Where new tokens come from, tried in {@code order} (each of {@code ws}, {@code birdeye}, {@code onchain}, at
 * least one, none twice); a result lives {@code ttlMs} and a source is given {@code timeoutMs} (both at least 1).
 */
@CrossField
public record Feeds(
        List<@OneOf({"ws", "birdeye", "onchain"}) String> order,
        @Between(min = "1", unit = "ms") Long ttlMs,
        @Between(min = "1", unit = "ms") Long timeoutMs)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (order == null) {
            return;
        }
        if (order.isEmpty()) {
            rules.reject("order", order, "must list at least one source");
        } else if (!order.contains(null) && new HashSet<>(order).size() != order.size()) {
            rules.reject("order", order, "must not name a source twice");
        }
    }
}
