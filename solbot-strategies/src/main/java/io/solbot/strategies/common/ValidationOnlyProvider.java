package io.solbot.strategies.common;

import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;

/**
 * A built-in strategy whose config loads and validates but whose logic has not landed yet: {@link #create} refuses
 * with a clear message, and {@link #description()} says so, which the launcher's {@code plugins} listing shows.
 *
 * @param <C> the config record
 */
public abstract class ValidationOnlyProvider<C> implements StrategyProvider<C> {
    private final String id;
    private final String what;
    private final Class<C> configType;

    protected ValidationOnlyProvider(String id, String what, Class<C> configType) {
        this.id = id;
        this.what = what;
        this.configType = configType;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public final String description() {
        return what + " [validation only in this version]";
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    /** @throws UnsupportedOperationException always: this version validates the strategy's configs only */
    @Override
    public final Strategy create(C config) {
        throw new UnsupportedOperationException("Strategy '" + id
                + "' is validation only in this version: its configs load and validate, but it cannot run a bot yet");
    }
}
