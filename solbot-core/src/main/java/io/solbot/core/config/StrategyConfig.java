package io.solbot.core.config;

import io.solbot.core.execution.PaperSettings;
import java.util.List;

/**
 * A config record that can tell the engine its {@link BotSettings}, and the plan its risks. Optional for plugin
 * configs: the loader validates any record, and the plan shows what it knows.
 */
public interface StrategyConfig {
    /** The engine-facing settings; called only on a config that passed validation. */
    BotSettings settings();

    /**
     * How a paper executor simulates this bot's orders, made from the executor's own settings, {@code executor}:
     * the paper trader sets its execution model, latency, failure rates and partial fills here; by default (every
     * other strategy) the executor's own. Called only on a valid config; ignored by a live executor.
     */
    default PaperSettings paperSettings(PaperSettings executor) {
        return executor;
    }

    /** The wallet label the config names, or null to leave it to the bots file. */
    default String wallet() {
        return null;
    }

    /**
     * The wallets the bot trades from when it spreads its trades over several (a stealth bot buys once from each), in
     * the order it uses them; empty (the default) when it trades from {@link BotDefinition#wallet()} alone. The plan
     * splits the bot's trades, and so its exposure and fees, over these wallets.
     */
    default List<String> tradingWallets() {
        return List.of();
    }

    /**
     * What one trade can cost in network fees at most; called only on a valid config. The default is a buy and a
     * sell, each with the settings' priority fee; strategies with tips, several buys per signal or escalating fees say
     * so here.
     */
    default TradeFees tradeFees() {
        return TradeFees.buyAndSell(settings().priorityFee());
    }

    /**
     * Which token safety checks guard the bot's buys (the original's {@code safetyEnabled} and {@code safetyChecks});
     * called only on a valid config. Every check by default.
     */
    default SafetyChoice safety() {
        return SafetyChoice.ALL;
    }

    /**
     * Risky but legal choices, one sentence each ("no stop loss", "safety checks are off"); called only on a valid
     * config. Slippage above 10 % is found from {@link #settings()} and need not be repeated here.
     */
    default List<String> warnings() {
        return List.of();
    }
}
