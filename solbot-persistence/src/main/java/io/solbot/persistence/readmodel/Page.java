package io.solbot.persistence.readmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of rows, newest first.
 *
 * @param items the rows
 * @param next the cursor of the next page, for {@link TradeQuery#after(String)}; empty when this is the last page.
 *     Opaque text, safe in a URL
 * @param <T> the row type
 */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
