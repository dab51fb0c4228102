package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import java.util.Optional;

/**
 * Where the engine records each bot's run status. Called once per lifecycle change (start, pause, resume, stop,
 * restart, failure), never per tick. Thread-safe; calls may block.
 */
public interface RunStatusStore {
    /** Replaces the record of {@code record.botId()}. */
    void save(RunRecord record);

    /** The last record saved for {@code botId}. */
    Optional<RunRecord> find(BotId botId);
}
