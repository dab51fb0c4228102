package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import java.util.List;

/**
 * Where the engine records what its orders exchanged: one call per fill, off every bot's tick path. A fill carries its
 * order id and part, so recording the same fill twice must be harmless. Thread-safe; calls may block.
 */
public interface TradeStore {
    void record(Fill fill);

    /** The fills recorded for {@code botId}, in the order they were recorded. */
    List<Fill> fills(BotId botId);
}
