package io.solbot.persistence;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import java.util.Objects;

/**
 * A write of a bot was refused by the {@link WriteFence}: this process does not own the bot (any more), so it must
 * stop acting for it and send nothing. Not a permanent refusal of the write: the bot's new owner writes what it finds.
 */
public class FenceLostException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final BotId botId;

    public FenceLostException(BotId botId, String message) {
        super(message);
        this.botId = Objects.requireNonNull(botId, "botId");
    }

    /** The bot whose write was refused. */
    public BotId botId() {
        return botId;
    }
}
