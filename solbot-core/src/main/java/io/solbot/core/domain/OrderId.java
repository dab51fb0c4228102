package io.solbot.core.domain;

import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of one order intent, unique across runs: it is journalled before the order is executed and carried by every
 * fill and trade row that comes from it, so that writing either twice is harmless.
 *
 * @param value 1 to 64 characters of letters, digits, '_' and '-'
 */
public record OrderId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public OrderId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid order id");
        }
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    /** A random (version 4) UUID drawn from {@code random}, so that seeded runs repeat their ids. */
    public static OrderId random(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new OrderId(new UUID(high, low).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
