package io.solbot.strategies.copytrade;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a copy trader has read one leader's swaps, as kept in its state under {@code follow.<wallet>}: {@code
 * <since ms> <cursor ms> <id>@<ms> ...}. {@code since} is when it started following (earlier swaps are never copied),
 * {@code cursor} the time of the newest swap it handled, and the ids those handled within {@link #LOOKBACK} of it.
 *
 * <p>Why the ids: a read goes back {@link #LOOKBACK} from the cursor, because several swaps share a block time and a
 * live feed may report a swap after a later one; the ids make each swap handled once however often it is read, and a
 * swap older than the look-back is never read again, so its id can go.
 */
final class Follow {
    static final Duration LOOKBACK = Duration.ofMinutes(2);

    private final long since;
    private long cursor;
    private final Map<String, Long> handled;

    private Follow(long since, long cursor, Map<String, Long> handled) {
        this.since = since;
        this.cursor = cursor;
        this.handled = handled;
    }

    /** A follow starting at {@code now}. */
    static Follow startingAt(Instant now) {
        long ms = now.toEpochMilli();
        return new Follow(ms, ms, new LinkedHashMap<>());
    }

    /**
     * Reads the form {@link #toString()} writes.
     *
     * @throws IllegalStateException if {@code text} is not of that form (a state written by something else)
     */
    static Follow parse(String text) {
        String[] parts = text.trim().split(" ");
        try {
            Map<String, Long> handled = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int at = parts[i].lastIndexOf('@');
                handled.put(parts[i].substring(0, at), Long.parseLong(parts[i].substring(at + 1)));
            }
            return new Follow(Long.parseLong(parts[0]), Long.parseLong(parts[1]), handled);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "a copy trader's follow state is '<since> <cursor> <id>@<ms>...', but was '" + text + "'", e);
        }
    }

    /** Where the next read starts: {@link #LOOKBACK} before the cursor, never before {@code since}. */
    Instant readAfter() {
        return Instant.ofEpochMilli(Math.max(cursor - LOOKBACK.toMillis(), since - 1));
    }

    /** Whether a swap of {@code id} at {@code at} is one to handle: after the start and not handled yet. */
    boolean isNew(String id, Instant at) {
        return at.toEpochMilli() >= since && !handled.containsKey(id);
    }

    /** Marks the swap handled, moves the cursor up to it and forgets the ids the look-back no longer reaches. */
    void handled(String id, Instant at) {
        long ms = at.toEpochMilli();
        handled.put(id, ms);
        cursor = Math.max(cursor, ms);
        long oldest = cursor - LOOKBACK.toMillis();
        handled.values().removeIf(t -> t < oldest);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(since).append(' ').append(cursor);
        handled.forEach((id, ms) -> out.append(' ').append(id).append('@').append(ms));
        return out.toString();
    }
}
