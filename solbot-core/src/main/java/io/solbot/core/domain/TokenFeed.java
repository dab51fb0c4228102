package io.solbot.core.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * A list of tokens a market data source ranks for strategies to look at: the lists the original platform read from
 * Birdeye ({@code tokenFeed} in configs), less {@code monitored}, which is the config's own list and not the market's.
 * What each list holds and in which order is said per constant; a source documents how it computes them (the
 * simulated market from its own swaps and pools).
 */
public enum TokenFeed {
    /** Tokens listed in the last 24 hours, newest first. */
    NEW("new"),
    /** Tokens by SOL volume over the last hour, largest first; those that did not trade are left out. */
    TRENDING("trending"),
    /** Tokens by pool liquidity, deepest first. */
    HIGH_LIQUIDITY("high-liquidity"),
    /**
     * Tokens of middling market cap (the middle third of the source's tokens ranked by market cap) whose price rose
     * over the last 24 hours, by that rise, largest first.
     */
    MID_CAP_GROWTH("mid-cap-growth"),
    /** Tokens whose price rose over the last hour, by that rise, largest first. */
    PRICE_SURGE("price-surge"),
    /**
     * Tokens whose SOL volume over the last 5 minutes is above their average 5 minutes of the last hour, by how many
     * times, largest first.
     */
    VOLUME_SPIKE("volume-spike"),
    /** Tokens by number of swaps over the last hour, most first; those that did not trade are left out. */
    HIGH_TRADE("high-trade"),
    /** Tokens listed in the last 24 hours whose pool holds at least 50 SOL of liquidity, newest first. */
    RECENT_GOOD_LIQUIDITY("recent-good-liquidity"),
    /** Every token with a price, by SOL volume over the last 24 hours, largest first. */
    ALL("all");

    private final String id;

    TokenFeed(String id) {
        this.id = id;
    }

    /** The name configs use: {@code new}, {@code trending}, {@code high-liquidity}, ... */
    public String id() {
        return id;
    }

    /**
     * The feed named {@code id} as configs spell it ({@code "high-liquidity"}), ignoring case, '-' and '_'.
     *
     * @throws IllegalArgumentException naming the value and the known feeds ({@code monitored} is not one: it is a
     *     config's own list)
     */
    public static TokenFeed of(String id) {
        String wanted = normalise(id);
        for (TokenFeed feed : values()) {
            if (normalise(feed.id).equals(wanted)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("a token feed is one of "
                + Arrays.stream(values()).map(TokenFeed::id).toList() + ", but was '" + id + "'");
    }

    private static String normalise(String id) {
        return id == null ? "" : id.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id;
    }
}
