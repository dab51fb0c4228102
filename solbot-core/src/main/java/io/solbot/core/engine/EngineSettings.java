package io.solbot.core.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.market.MarketData;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Capability;
import io.solbot.core.store.FillStore;
import io.solbot.core.store.Journal;
import io.solbot.core.store.RunStatusStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** What an {@link EngineBuilder} collected: the engine's collaborators and settings, checked and immutable. */
record EngineSettings(
        StrategyRegistry registry,
        RunStatusStore runStatusStore,
        FillStore fillStore,
        Journal journal,
        MarketData marketData,
        SwapExecutor swapExecutor,
        InstantSource clock,
        MeterRegistry meterRegistry,
        long seed,
        boolean spreadFirstTicks,
        int staleAfterIntervals,
        Duration backoffInitial,
        Duration backoffMax,
        int maxRestarts,
        Duration restartWindow,
        Duration tickResolution,
        String owner,
        Duration shutdownHookTimeout,
        Duration intentExpiry,
        Duration storeRetryInterval,
        List<Consumer<? super EngineEvent>> subscribers,
        List<OrderCheck> orderChecks,
        MarketCache.Ttl cacheTtl) {
    EngineSettings {
        subscribers = List.copyOf(subscribers);
        orderChecks = List.copyOf(orderChecks);
    }

    /** What the market data and the executor supply together; a bot whose provider needs more is refused. */
    Set<Capability> supplied() {
        Set<Capability> caps = new HashSet<>();
        Objects.requireNonNull(marketData().capabilities(), "marketData.capabilities()")
                .forEach(n -> caps.add(Capability.of(n)));
        Objects.requireNonNull(swapExecutor().capabilities(), "swapExecutor.capabilities()")
                .forEach(n -> caps.add(Capability.of(n)));
        return Set.copyOf(caps);
    }
}
