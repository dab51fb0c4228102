package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import java.util.List;
import java.util.Optional;

/**
 * The per-bot crash journal (a lockfile {@code runtime/<botId>.json} in solbot-persistence). Each {@link #save}
 * replaces the bot's whole entry atomically. The engine saves on lifecycle changes, when an order intent is added or
 * cleared, and when the strategy changes its state; it deletes the entry on a clean stop. Thread-safe; calls may
 * block (a durable write costs about a millisecond).
 */
public interface Journal {
    void save(JournalEntry entry);

    Optional<JournalEntry> load(BotId botId);

    /** Removes the entry of {@code botId}, if any. */
    void delete(BotId botId);

    /** Every entry, for recovery at boot. */
    List<JournalEntry> entries();
}
