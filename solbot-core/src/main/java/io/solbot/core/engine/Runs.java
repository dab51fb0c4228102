package io.solbot.core.engine;

import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Objects;

/** Makes a bot's runs: a new strategy instance from its provider, with its lane and context. */
final class Runs {
    private final StrategyRegistry registry;
    private final Callbacks callbacks;
    private final OrderDesk orders;
    private final EngineClock clock;
    private final MarketView market;

    Runs(StrategyRegistry registry, Callbacks callbacks, OrderDesk orders, EngineClock clock, MarketView market) {
        this.registry = registry;
        this.callbacks = callbacks;
        this.orders = orders;
        this.clock = clock;
        this.market = market;
    }

    /**
     * A new run of {@code bot}, not yet installed or started.
     *
     * @throws RuntimeException whatever the provider throws, or a {@link NullPointerException} if it returns null
     */
    @SuppressWarnings("unchecked")
    Run create(Bot bot) {
        StrategyProvider<Object> provider =
                (StrategyProvider<Object>) registry.require(bot.strategyId()).provider();
        Strategy strategy =
                Objects.requireNonNull(provider.create(bot.spec().config()), "the provider returned no strategy");
        return new Run(bot, strategy, callbacks, orders, clock, market);
    }
}
