package io.solbot.strategies.common;

import io.solbot.core.config.BotSettings;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.StrategyConfig;
import java.util.List;

/** A strategy config built on {@link SharedConfig}: its settings, wallet and warnings come from the shared fields. */
public interface TradingConfig extends StrategyConfig {
    /** The shared fields. */
    SharedConfig sharedFields();

    /** The strategy's fallbacks for the engine settings. */
    default Defaults defaults() {
        return Defaults.SNIPER;
    }

    @Override
    default BotSettings settings() {
        return sharedFields().settings(defaults());
    }

    @Override
    default String wallet() {
        return sharedFields().walletLabel();
    }

    @Override
    default SafetyChoice safety() {
        return sharedFields().safety();
    }

    @Override
    default List<String> warnings() {
        return sharedFields().warnings();
    }
}
