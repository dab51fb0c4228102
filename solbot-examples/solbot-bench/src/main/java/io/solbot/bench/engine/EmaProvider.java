package io.solbot.bench.engine;

import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;

/** Runs an {@link EmaBot} per bot; the config is the bot's token index. */
public final class EmaProvider implements StrategyProvider<Integer> {
    @Override
    public String id() {
        return "ema-bench";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public Class<Integer> configType() {
        return Integer.class;
    }

    @Override
    public Strategy create(Integer token) {
        EmaBot bot = new EmaBot(token);
        return new Strategy() {
            @Override
            public void onTick(StrategyContext ctx) {
                bot.tick();
            }
        };
    }
}
