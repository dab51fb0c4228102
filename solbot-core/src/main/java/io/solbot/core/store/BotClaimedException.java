package io.solbot.core.store;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import java.util.Objects;

/**
 * A bot could not be {@linkplain Journal#claim claimed}: another process (or another journal on the same files) runs
 * it. Two owners of one bot would both trade it, so this process leaves it alone.
 */
public class BotClaimedException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final BotId botId;
    private final String owner;

    /**
     * @param owner the owner holding the claim as it names itself ({@link io.solbot.core.Owner}'s form), or a description if it has
     *     not said
     */
    public BotClaimedException(BotId botId, String owner, String message) {
        super(message);
        this.botId = Objects.requireNonNull(botId, "botId");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The bot. */
    public BotId botId() {
        return botId;
    }

    /** Who holds the claim. */
    public String owner() {
        return owner;
    }
}
