package io.solbot.strategies.common;

/**
 * A strategy's runtime fallbacks for the shared engine settings, used when the config leaves them out (the original's
 * values per strategy). Zero in a config is a value, never "use the default".
 *
 * @param haltOnFailures consecutive failures before halting
 * @param cooldownSeconds per-token cooldown after a trade
 * @param maxOpenTrades positions held at once
 * @param priorityFeeLamports priority fee per transaction, lamports
 */
public record Defaults(int haltOnFailures, int cooldownSeconds, int maxOpenTrades, long priorityFeeLamports) {
    /** Sniper, breakout, dip buyer, delayed sniper, trend follower, paper traders, turbo sniper. */
    public static final Defaults SNIPER = new Defaults(3, 60, 9999, 0);
}
