package io.solbot.strategies.common;

import io.solbot.core.config.BotSettings;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.time.Duration;

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

    /**
     * The engine settings of a strategy that sizes its trades from balances (rebalancer, rotation bot): it spends SOL,
     * with no fixed amount per trade. The {@code given} values are the config's, null where it leaves them out and
     * these defaults stand in; for a validated config only.
     *
     * @param givenCooldown seconds before the same token is traded again, up to millisecond precision
     * @param slippage percent, at most 2 decimals
     */
    public BotSettings balanceSized(
            Duration tickInterval,
            int maxTrades,
            BigDecimal givenCooldown,
            Integer givenHaltOnFailures,
            Integer givenMaxOpenTrades,
            BigDecimal slippage,
            Long givenPriorityFeeLamports) {
        return new BotSettings(
                tickInterval,
                maxTrades,
                givenCooldown == null ? Duration.ofSeconds(cooldownSeconds) : Units.seconds(givenCooldown),
                givenHaltOnFailures == null ? haltOnFailures : givenHaltOnFailures,
                givenMaxOpenTrades == null ? maxOpenTrades : givenMaxOpenTrades,
                Units.bps(slippage),
                Lamports.of(givenPriorityFeeLamports == null ? priorityFeeLamports : givenPriorityFeeLamports),
                Mint.WRAPPED_SOL,
                TokenAmount.zero(9));
    }
}
