package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;

/**
 * A lifecycle call that the bot's current status does not allow, such as resuming a stopped bot. The message names
 * the bot, its status and the refused call: {@code "Bot 'sniper-3' is STOPPED and cannot be resumed"}.
 */
public final class IllegalBotStateException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final BotId botId;
    private final RunStatus status;

    IllegalBotStateException(BotId botId, RunStatus status, String refused) {
        super("Bot '" + botId + "' is " + status + " and cannot be " + refused);
        this.botId = botId;
        this.status = status;
    }

    public BotId botId() {
        return botId;
    }

    /** The status the bot was in when the call was refused. */
    public RunStatus status() {
        return status;
    }
}
