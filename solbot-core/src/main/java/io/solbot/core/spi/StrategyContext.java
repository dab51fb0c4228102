package io.solbot.core.spi;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Position;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a strategy sees of the world, passed to every callback. Valid only during the callback it was passed to, and
 * only on that thread.
 */
public interface StrategyContext {
    /** The bot this context belongs to. */
    BotId botId();

    /** The engine's clock: real time in production, simulated time in tests and replays. */
    Instant now();

    /** Prices and other market data. */
    MarketView market();

    /** Where orders go: every order passes the bot's limits, the engine's order checks and the journal first. */
    Orders orders();

    /** The positions this bot holds, oldest first. */
    List<Position> positions();

    /**
     * The balances of the bot's wallets, SOL and tokens with their prices; {@link WalletView#NONE} (every read
     * empty) unless the engine's executor reports balances (capability {@link Capability#WALLET_BALANCES}).
     */
    default WalletView wallet() {
        return WalletView.NONE;
    }

    /** Small key-value state that survives restarts of this bot. */
    StrategyState state();

    /** Randomness seeded per bot, so that seeded runs repeat exactly. */
    RandomGenerator random();
}
