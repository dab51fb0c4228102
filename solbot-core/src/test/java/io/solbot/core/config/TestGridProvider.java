package io.solbot.core.config;

import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;

class TestGridProvider implements StrategyProvider<TestGridConfig> {
    @Override
    public String id() {
        return "test-grid";
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public Class<TestGridConfig> configType() {
        return TestGridConfig.class;
    }

    @Override
    public Strategy create(TestGridConfig config) {
        throw new UnsupportedOperationException("validation only");
    }
}
