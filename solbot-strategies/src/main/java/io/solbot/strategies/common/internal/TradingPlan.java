package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenFeed;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TradingStrategy} does, built from a validated config: where candidates come from, the gates they
 * pass in order, then the safety checks, then the price-impact gate, and the bot's caps and exits.
 *
 * @param feed the list candidates come from, or null when {@code monitored} names them
 * @param monitored the config's own tokens, used when {@code feed} is null
 * @param feedLimit how many tokens of the feed to judge per tick, at least 1
 * @param gates the entry gates, in order
 * @param safety the safety checks a token must pass after the gates (none yet: the safety checks are a later step)
 * @param priceImpact the price-impact gate, last, or null for none
 * @param amount SOL per buy
 * @param maxTrades buys the bot makes at most, counting those in flight
 * @param maxOpen positions held at once at most, counting buys in flight
 * @param haltOnFailures failed orders in a row after which the bot buys no more
 * @param cooldown time between two buys of one token
 * @param maxDailyVolume SOL spent per UTC day at most, counting buys in flight; null for no cap
 * @param exits the exit rules, in order
 * @param entryDelay how long a token that passed every gate waits before it is bought ({@code delayBeforeBuyMs}):
 *     it must pass them again then; zero to buy at once
 */
public record TradingPlan(
        TokenFeed feed,
        List<Mint> monitored,
        int feedLimit,
        List<Gate> gates,
        List<Gate> safety,
        Gate priceImpact,
        Lamports amount,
        int maxTrades,
        int maxOpen,
        int haltOnFailures,
        Duration cooldown,
        Lamports maxDailyVolume,
        List<ExitRule> exits,
        Duration entryDelay) {
    /** How many tokens of a feed a tick judges: what the original read of a Birdeye list. */
    public static final int FEED_LIMIT = 20;

    public TradingPlan {
        monitored = List.copyOf(monitored);
        gates = List.copyOf(gates);
        safety = List.copyOf(safety);
        exits = List.copyOf(exits);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(cooldown, "cooldown");
        if (entryDelay == null || entryDelay.isNegative()) {
            throw new IllegalArgumentException("entryDelay must be zero or more, but was " + entryDelay);
        }
        if (feed == null && monitored.isEmpty()) {
            throw new IllegalArgumentException("a plan needs a feed or monitored tokens");
        }
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("amount must be more than 0, but was " + amount);
        }
    }

    /** This plan with {@code extra} gates after its own. */
    public TradingPlan withGates(List<Gate> extra) {
        List<Gate> all = new java.util.ArrayList<>(gates);
        all.addAll(extra);
        return replacingGates(all);
    }

    /** This plan with {@code value} as its gates. */
    public TradingPlan replacingGates(List<Gate> value) {
        return new TradingPlan(
                feed,
                monitored,
                feedLimit,
                value,
                safety,
                priceImpact,
                amount,
                maxTrades,
                maxOpen,
                haltOnFailures,
                cooldown,
                maxDailyVolume,
                exits,
                entryDelay);
    }

    /** This plan with {@code value} as its entry delay; null is zero. */
    public TradingPlan withEntryDelay(Duration value) {
        return new TradingPlan(
                feed,
                monitored,
                feedLimit,
                gates,
                safety,
                priceImpact,
                amount,
                maxTrades,
                maxOpen,
                haltOnFailures,
                cooldown,
                maxDailyVolume,
                exits,
                value == null ? Duration.ZERO : value);
    }
}
