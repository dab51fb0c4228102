package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run as one bot: its id, the strategy and the strategy's config, and the limits the engine itself enforces
 * around the strategy. Immutable; validated once, when built, with every violation reported together.
 *
 * @param botId the bot's id, unique within an engine
 * @param strategyId the id of the {@code StrategyProvider} to run ({@code "ma-cross"}; matched ignoring case, '-'
 *     and '_')
 * @param config the config handed to the provider's {@code create}; must be an instance of its {@code configType()}
 * @param interval time between two ticks, 1 s to 3600 s
 * @param maxTrades the most buys the bot makes in its life; once that many filled and its positions are closed, the
 *     bot stops as completed. Sells are never refused by this limit, so a bot can always exit
 * @param cooldown the least time between two buys; sells are never refused by it
 * @param haltOnFailures after this many failed orders in a row the bot is halted (FAILED)
 * @param maxOpenPositions the most tokens the bot holds (or is buying) at once
 * @param slippageBps the most the price may move against an order, in basis points (0 to 10 000)
 * @param priorityFee the priority fee every order pays
 * @param maxBuy the most one buy may spend
 */
public record BotSpec(
        BotId botId,
        String strategyId,
        Object config,
        Duration interval,
        int maxTrades,
        Duration cooldown,
        int haltOnFailures,
        int maxOpenPositions,
        int slippageBps,
        Lamports priorityFee,
        Lamports maxBuy) {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(3600);

    /** @throws InvalidBotSpecException listing every field that is missing or out of range, with its value */
    public BotSpec {
        List<String> problems = new ArrayList<>();
        if (botId == null) {
            problems.add("botId is required");
        }
        if (strategyId == null || strategyId.isBlank()) {
            problems.add("strategyId is required");
        }
        if (config == null) {
            problems.add("config is required");
        }
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            problems.add("interval must be between 1 s and 3600 s, but was " + interval);
        }
        if (maxTrades < 1) {
            problems.add("maxTrades must be at least 1, but was " + maxTrades);
        }
        if (cooldown == null || cooldown.isNegative()) {
            problems.add("cooldown must be zero or positive, but was " + cooldown);
        }
        if (haltOnFailures < 1) {
            problems.add("haltOnFailures must be at least 1, but was " + haltOnFailures);
        }
        if (maxOpenPositions < 1) {
            problems.add("maxOpenPositions must be at least 1, but was " + maxOpenPositions);
        }
        if (slippageBps < 0 || slippageBps > 10_000) {
            problems.add("slippageBps must be between 0 and 10000, but was " + slippageBps);
        }
        if (priorityFee == null || priorityFee.isNegative()) {
            problems.add("priorityFee must be zero or positive, but was " + priorityFee);
        }
        if (maxBuy == null || maxBuy.value() <= 0) {
            problems.add("maxBuy must be positive, but was " + maxBuy);
        }
        if (!problems.isEmpty()) {
            throw new InvalidBotSpecException(botId, problems);
        }
    }

    /**
     * A builder with the defaults: interval 30 s, maxTrades unlimited, no cooldown, halt after 3 failed orders in a
     * row, at most 10 open positions, slippage 100 bps, no priority fee, no limit on a buy.
     */
    public static Builder builder(BotId botId, String strategyId, Object config) {
        return new Builder(botId, strategyId, config);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(botId, strategyId, config)
                .interval(interval)
                .maxTrades(maxTrades)
                .cooldown(cooldown)
                .haltOnFailures(haltOnFailures)
                .maxOpenPositions(maxOpenPositions)
                .slippageBps(slippageBps)
                .priorityFee(priorityFee)
                .maxBuy(maxBuy);
    }

    /** Builds a {@link BotSpec}. Not thread-safe. */
    public static final class Builder {
        private final BotId botId;
        private final String strategyId;
        private final Object config;
        private Duration interval = Duration.ofSeconds(30);
        private int maxTrades = Integer.MAX_VALUE;
        private Duration cooldown = Duration.ZERO;
        private int haltOnFailures = 3;
        private int maxOpenPositions = 10;
        private int slippageBps = 100;
        private Lamports priorityFee = Lamports.ZERO;
        private Lamports maxBuy = Lamports.of(Long.MAX_VALUE);

        private Builder(BotId botId, String strategyId, Object config) {
            this.botId = botId;
            this.strategyId = strategyId;
            this.config = config;
        }

        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        public Builder maxTrades(int maxTrades) {
            this.maxTrades = maxTrades;
            return this;
        }

        public Builder cooldown(Duration cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        public Builder haltOnFailures(int haltOnFailures) {
            this.haltOnFailures = haltOnFailures;
            return this;
        }

        public Builder maxOpenPositions(int maxOpenPositions) {
            this.maxOpenPositions = maxOpenPositions;
            return this;
        }

        public Builder slippageBps(int slippageBps) {
            this.slippageBps = slippageBps;
            return this;
        }

        public Builder priorityFee(Lamports priorityFee) {
            this.priorityFee = priorityFee;
            return this;
        }

        public Builder maxBuy(Lamports maxBuy) {
            this.maxBuy = maxBuy;
            return this;
        }

        /** @throws InvalidBotSpecException listing every invalid field */
        public BotSpec build() {
            return new BotSpec(
                    botId,
                    strategyId,
                    config,
                    interval,
                    maxTrades,
                    cooldown,
                    haltOnFailures,
                    maxOpenPositions,
                    slippageBps,
                    priorityFee,
                    maxBuy);
        }
    }
}
