package io.solbot.core.domain;

import java.util.regex.Pattern;

/**
 * The name of one bot, unique within an engine: 1 to 64 characters of letters, digits, '.', '_' and '-', starting
 * with a letter or digit. The rule keeps a bot id safe as a file name ({@code runtime/<botId>.json}), a URL path
 * segment and a log field.
 *
 * @param value the id
 */
public record BotId(String value) implements Comparable<BotId> {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** @throws IllegalArgumentException if {@code value} does not match the format above */
    public BotId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid bot id: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Parses a bot id; see {@link #BotId(String)}. */
    public static BotId of(String value) {
        return new BotId(value);
    }

    @Override
    public int compareTo(BotId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
