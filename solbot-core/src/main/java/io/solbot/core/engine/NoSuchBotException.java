package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;

/** A call named a bot this engine has never started. */
public final class NoSuchBotException extends SolbotException {
    private static final long serialVersionUID = 1L;

    NoSuchBotException(BotId botId) {
        super("Bot '" + botId + "' is not known to this engine");
    }
}
