package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import java.util.List;
import java.util.Optional;

/**
 * The per-bot crash journal (a lockfile {@code runtime/<botId>.json} in solbot-persistence). Each {@link #save}
 * replaces the bot's whole entry atomically. The engine saves on lifecycle changes, when an order intent is added or
 * cleared, and when the strategy changes its state; it deletes the entry on a clean stop. Thread-safe; calls may
 * block (a durable write costs about a millisecond).
 *
 * <p>Failing closed: an entry that exists but cannot be read is never taken for no entry; {@link #load} throws {@link
 * UnreadableJournalEntryException}, and the bot stays stopped until an operator repairs or discards the entry.
 */
public interface Journal {
    void save(JournalEntry entry);

    /**
     * The entry of {@code botId}, or empty if it has none.
     *
     * @throws UnreadableJournalEntryException if it has one that cannot be read
     */
    Optional<JournalEntry> load(BotId botId);

    /** Removes the entry of {@code botId}, if any. */
    void delete(BotId botId);

    /** Every entry that can be read, for recovery at boot; one that cannot is left out (its {@link #load} throws). */
    List<JournalEntry> entries();

    /**
     * Claims {@code botId} for this process until {@link #release}: while the claim holds, no other process (and no
     * other journal on the same files) can claim the bot, so that two processes never run one bot. Claiming a bot this
     * journal holds already changes nothing. Claim a bot before reading its entry, and release it when the bot stops
     * for good or its start fails. The default claims nothing: a journal that lives in one process's memory needs no
     * claim.
     *
     * @throws BotClaimedException if another process or journal holds the claim, naming it
     */
    default void claim(BotId botId) {}

    /** Gives up the claim of {@code botId}, if this journal holds it; another process may claim the bot then. */
    default void release(BotId botId) {}
}
