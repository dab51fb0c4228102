package io.solbot.persistence.readmodel;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which closed trades or fills to read, newest first: optionally one bot's, one mint's, within {@code [from, to)}, at
 * most {@code limit} of them, after the page that {@code after} ended. Start from {@link #all()} and narrow it down:
 *
 * <pre>{@code
 * TradeQuery.all().forBot(BotId.of("bonk-fast")).since(midnight).limit(50)
 * }</pre>
 *
 * Immutable; every method returns a new query, and refuses a bad argument at once.
 *
 * @param botId only this bot's rows, or every bot's when empty
 * @param mint only this token's rows, or every token's when empty
 * @param from only rows at or after this time (closed at, filled at), or no lower bound when empty
 * @param to only rows before this time, or no upper bound when empty
 * @param limit at most this many rows, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page ({@link Page#next()}), or empty for the first page
 */
public record TradeQuery(
        Optional<BotId> botId,
        Optional<Mint> mint,
        Optional<Instant> from,
        Optional<Instant> to,
        int limit,
        Optional<String> after) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 100;

    /** @throws IllegalArgumentException if {@code limit} is out of range or {@code from} is after {@code to} */
    public TradeQuery {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException(
                    "from must not be after to, but from was " + from.get() + " and to " + to.get());
        }
    }

    /** Every bot's rows of all time, the first {@value #DEFAULT_LIMIT}. */
    public static TradeQuery all() {
        return new TradeQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_LIMIT,
                Optional.empty());
    }

    public TradeQuery forBot(BotId botId) {
        return new TradeQuery(Optional.of(botId), mint, from, to, limit, after);
    }

    public TradeQuery forMint(Mint mint) {
        return new TradeQuery(botId, Optional.of(mint), from, to, limit, after);
    }

    /** Only rows at or after {@code from}. */
    public TradeQuery since(Instant from) {
        return new TradeQuery(botId, mint, Optional.of(from), to, limit, after);
    }

    /** Only rows before {@code to}. */
    public TradeQuery before(Instant to) {
        return new TradeQuery(botId, mint, from, Optional.of(to), limit, after);
    }

    public TradeQuery limit(int limit) {
        return new TradeQuery(botId, mint, from, to, limit, after);
    }

    /** The next page after the one whose {@link Page#next()} is {@code cursor}. */
    public TradeQuery after(String cursor) {
        return new TradeQuery(botId, mint, from, to, limit, Optional.of(cursor));
    }
}
