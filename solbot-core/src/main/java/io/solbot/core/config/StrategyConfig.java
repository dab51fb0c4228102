package io.solbot.core.config;

import java.util.List;

/**
 * A config record that can tell the engine its {@link BotSettings}, and the plan its risks. Optional for plugin
 * configs: the loader validates any record, and the plan shows what it knows.
 */
public interface StrategyConfig {
    /** The engine-facing settings; called only on a config that passed validation. */
    BotSettings settings();

    /** The wallet label the config names, or null to leave it to the bots file. */
    default String wallet() {
        return null;
    }

    /**
     * Risky but legal choices, one sentence each ("no stop loss", "safety checks are off"); called only on a valid
     * config. Slippage above 10 % is found from {@link #settings()} and need not be repeated here.
     */
    default List<String> warnings() {
        return List.of();
    }
}
