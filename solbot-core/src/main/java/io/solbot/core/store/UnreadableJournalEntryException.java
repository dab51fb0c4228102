package io.solbot.core.store;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import java.util.Objects;

/**
 * A bot has a journal entry that cannot be read (damaged, written by a newer version, holding another bot's entry).
 * Its orders in flight, its fills not yet stored and its status are in there, so the bot must not start as if it had
 * no entry: it stays stopped until an operator repairs the entry or discards it. The message names the entry, why it
 * cannot be read and what to do.
 */
public class UnreadableJournalEntryException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final BotId botId;

    public UnreadableJournalEntryException(BotId botId, String message, Throwable cause) {
        super(message, cause);
        this.botId = Objects.requireNonNull(botId, "botId");
    }

    /** The bot whose entry cannot be read. */
    public BotId botId() {
        return botId;
    }
}
