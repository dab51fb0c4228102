package io.solbot.core.engine;

import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run as one bot: its id, the strategy and the strategy's config, and the limits the engine itself enforces
 * around the strategy. Immutable; validated once, when built, with every violation reported together.
 *
 * <p>A trade is what one buy opens and sells close: {@code maxTrades} limits the buys, and {@link BotStatus#trades()}
 * counts them.
 *
 * @param botId the bot's id, unique within an engine
 * @param strategyId the id of the {@code StrategyProvider} to run ({@code "ma-cross"}; matched ignoring case, '-'
 *     and '_'); a bots file calls it {@code mode}
 * @param config the config handed to the provider's {@code create}; must be an instance of its {@code configType()}
 * @param interval time between two ticks, 10 ms to 3600 s (a bots file allows 1 s to 3600 s)
 * @param maxTrades the most trades (buys) the bot opens in its life; once that many filled and its positions are
 *     closed, the bot stops as completed. Sells are never refused by this limit, so a bot can always exit
 * @param cooldown the least time between two buys of one token; sells are never refused by it
 * @param maxFailuresInARow after this many failed orders in a row the bot is FAILED (a bots file's
 *     {@code haltOnFailures})
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
        int maxFailuresInARow,
        int maxOpenPositions,
        int slippageBps,
        Lamports priorityFee,
        Lamports maxBuy) {
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
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
            problems.add("interval must be between 10 ms and 3600 s, but was " + interval);
        }
        if (maxTrades < 1) {
            problems.add("maxTrades must be at least 1, but was " + maxTrades);
        }
        if (cooldown == null || cooldown.isNegative()) {
            problems.add("cooldown must be zero or positive, but was " + cooldown);
        }
        if (maxFailuresInARow < 1) {
            problems.add("maxFailuresInARow must be at least 1, but was " + maxFailuresInARow);
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
     * A builder for a bot running {@code config}. When the config is a {@link StrategyConfig} (every built-in strategy's
     * is), the builder starts from the config's own {@linkplain StrategyConfig#settings() settings}: its interval,
     * maxTrades, cooldown, maxFailuresInARow, maxOpenPositions, slippage and priority fee, and a maxBuy of its amount
     * per trade when it spends SOL. Otherwise it starts from the defaults: interval 30 s, maxTrades unlimited, no
     * cooldown, FAILED after 3 failed orders in a row, at most 10 open positions, slippage 100 bps, no priority fee, no
     * limit on a buy. A setter called on the builder overrides either.
     *
     * @throws InvalidBotSpecException if the config is a {@link StrategyConfig} whose settings cannot be derived (it
     *     was never validated)
     */
    public static Builder builder(BotId botId, String strategyId, Object config) {
        Builder builder = new Builder(botId, strategyId, config);
        if (config instanceof StrategyConfig c) {
            BotSettings settings;
            try {
                settings = c.settings();
            } catch (RuntimeException e) {
                throw new InvalidBotSpecException(
                        botId, "the config's settings could not be derived (validate it first): " + e);
            }
            builder.settings(settings);
        }
        return builder;
    }

    /** The spec of a bot of a valid bots file: its strategy, its config, and the config's own settings. */
    public static BotSpec from(BotDefinition bot) {
        return builder(bot.id(), bot.strategyId(), bot.config()).build();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(botId, strategyId, config)
                .interval(interval)
                .maxTrades(maxTrades)
                .cooldown(cooldown)
                .maxFailuresInARow(maxFailuresInARow)
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
        private int maxFailuresInARow = 3;
        private int maxOpenPositions = 10;
        private int slippageBps = 100;
        private Lamports priorityFee = Lamports.ZERO;
        private Lamports maxBuy = Lamports.of(Long.MAX_VALUE);

        private Builder(BotId botId, String strategyId, Object config) {
            this.botId = botId;
            this.strategyId = strategyId;
            this.config = config;
        }

        /** Takes every limit {@code settings} holds; a maxBuy of its amount per trade when it spends SOL. */
        public Builder settings(BotSettings settings) {
            interval(settings.interval())
                    .maxTrades(settings.maxTrades())
                    .cooldown(settings.cooldown())
                    .maxFailuresInARow(settings.maxFailuresInARow())
                    .maxOpenPositions(settings.maxOpenPositions())
                    .slippageBps(settings.slippageBps())
                    .priorityFee(settings.priorityFee());
            settings.lamportsPerTrade().filter(l -> l.value() > 0).ifPresent(this::maxBuy);
            return this;
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

        public Builder maxFailuresInARow(int maxFailuresInARow) {
            this.maxFailuresInARow = maxFailuresInARow;
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
                    maxFailuresInARow,
                    maxOpenPositions,
                    slippageBps,
                    priorityFee,
                    maxBuy);
        }
    }
}
