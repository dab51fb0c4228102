package io.solbot.core.plugin;

import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;

/** Registered in this module's test resources, so the class-path discovery test has something to find. */
public class ClassPathTestProvider implements StrategyProvider<String> {
    public ClassPathTestProvider() {}

    @Override
    public String id() {
        return "class-path-test";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public Class<String> configType() {
        return String.class;
    }

    @Override
    public Strategy create(String config) {
        return ctx -> {};
    }
}
