package io.solbot.core.config;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine needs to know of every bot, whatever its strategy, in exact units. A {@link StrategyConfig} derives
 * it from its fields after validation, so every value here is already in range. The names and meanings are those of
 * {@link io.solbot.core.engine.BotSpec}'s limits, which {@code BotSpec.builder} takes from here.
 *
 * @param interval how often the bot ticks, 1 s to 3600 s
 * @param maxTrades the most trades (buys) the bot opens, at least 1
 * @param cooldown the least time between two buys of one token; zero for none
 * @param maxFailuresInARow failed orders in a row after which the bot is FAILED, at least 1 (the bots file's
 *     {@code haltOnFailures})
 * @param maxOpenPositions tokens the bot may hold at once, at least 1
 * @param slippageBps the slippage allowed on each swap in basis points (1 % = 100 bps), 0 to 10 000
 * @param priorityFee the priority fee per transaction; zero for none
 * @param spendMint the token each buy spends: {@link Mint#WRAPPED_SOL} or {@link Mint#USDC}
 * @param amountPerTrade what each buy spends, in {@code spendMint}'s units; zero for strategies that size trades from
 *     balances (rebalancer, rotation bot)
 */
public record BotSettings(
        Duration interval,
        int maxTrades,
        Duration cooldown,
        int maxFailuresInARow,
        int maxOpenPositions,
        int slippageBps,
        Lamports priorityFee,
        Mint spendMint,
        TokenAmount amountPerTrade) {
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(3600);

    /** @throws IllegalArgumentException naming the first value out of range; validated configs never trigger it */
    public BotSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(priorityFee, "priorityFee");
        Objects.requireNonNull(spendMint, "spendMint");
        Objects.requireNonNull(amountPerTrade, "amountPerTrade");
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(
                    "interval must be between 1 s and 3600 s, but was " + interval.toMillis() + " ms");
        }
        check("maxTrades", maxTrades, 1, Integer.MAX_VALUE);
        check("maxFailuresInARow", maxFailuresInARow, 1, Integer.MAX_VALUE);
        check("maxOpenPositions", maxOpenPositions, 1, Integer.MAX_VALUE);
        check("slippageBps", slippageBps, 0, 10_000);
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, but was " + cooldown);
        }
        if (priorityFee.isNegative()) {
            throw new IllegalArgumentException("priorityFee must not be negative, but was " + priorityFee);
        }
        if (amountPerTrade.signum() < 0) {
            throw new IllegalArgumentException("amountPerTrade must not be negative, but was " + amountPerTrade);
        }
    }

    /**
     * The settings of a bot that spends {@code amountPerTrade} of SOL on each buy, ticks every {@code interval} and
     * opens at most {@code maxTrades} trades; the rest as a {@code BotSpec} has them by default: no cooldown, FAILED
     * after 3 failed orders in a row, at most 10 open positions, 1 % slippage (100 bps), no priority fee.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public static BotSettings spendingSol(Lamports amountPerTrade, Duration interval, int maxTrades) {
        return new BotSettings(
                interval,
                maxTrades,
                Duration.ZERO,
                3,
                10,
                100,
                Lamports.ZERO,
                Mint.WRAPPED_SOL,
                amountPerTrade.toTokenAmount());
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", but was " + value);
        }
    }

    /** The amount per trade in lamports, when the bot spends SOL. */
    public Optional<Lamports> lamportsPerTrade() {
        return spendMint.equals(Mint.WRAPPED_SOL)
                ? Optional.of(Lamports.fromTokenAmount(amountPerTrade))
                : Optional.empty();
    }

    /** The most the bot can spend: amount per trade × max trades (exact; it cannot overflow). */
    public TokenAmount maxExposure() {
        return amountPerTrade.times(maxTrades);
    }
}
