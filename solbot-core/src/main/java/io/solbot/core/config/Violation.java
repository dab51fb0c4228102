package io.solbot.core.config;

import io.solbot.core.config.internal.Values;

/**
 * One thing wrong with a bot's config, or with the bots file itself.
 *
 * @param bot the bot's id as written or defaulted ({@code "sniper-1"}), or empty for the file as a whole
 * @param path the field, as named in the file: {@code "slippage"}, {@code "safetyChecks.liquidity"}, {@code
 *     "monitoredTokens[2]"}; empty for the whole bot or file
 * @param rejectedValue the value given, or null when there is none to show (a missing field)
 * @param reason what is wrong, as a predicate: {@code "must be between 1 and 20"}
 * @param line the 1-based line in the file where the value is, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record Violation(String bot, String path, Object rejectedValue, String reason, int line, int column) {
    public Violation {
        bot = bot == null ? "" : bot;
        path = path == null ? "" : path;
        reason = reason == null ? "is invalid" : reason;
    }

    /** A violation with no location. */
    public Violation(String bot, String path, Object rejectedValue, String reason) {
        this(bot, path, rejectedValue, reason, 0, 0);
    }

    /**
     * One line: where, which bot, which field, why, and the value. For example {@code "line 12, column 5: bot
     * 'sniper-1': maxTrades must be between 1 and 20, but was 25"}.
     */
    public String message() {
        StringBuilder out = new StringBuilder();
        if (line > 0) {
            out.append("line ").append(line);
            if (column > 0) {
                out.append(", column ").append(column);
            }
            out.append(": ");
        }
        if (!bot.isEmpty()) {
            out.append("bot '").append(bot).append("': ");
        }
        out.append(path.isEmpty() ? (bot.isEmpty() ? "the file " : "the bot ") : path + " ")
                .append(reason);
        if (rejectedValue != null) {
            out.append(", but was ").append(Values.render(rejectedValue));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
