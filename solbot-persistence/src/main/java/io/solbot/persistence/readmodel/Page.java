package io.solbot.persistence.readmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of rows, in the order of what was asked: fills and closed trades newest first, bots by id.
 *
 * @param items the rows
 * @param next the cursor of the next page, for {@link TradeQuery#after(String)} (of bots: {@link BotReports#reports(Optional, int)}); empty when this is the last page.
 *     Opaque text, safe in a URL
 * @param <T> the row type
 */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
