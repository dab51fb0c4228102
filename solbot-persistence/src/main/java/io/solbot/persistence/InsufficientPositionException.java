package io.solbot.persistence;

import io.solbot.core.SolbotException;

/** A sell fill would close more tokens than the bot's open lots hold; nothing of it was recorded. */
public final class InsufficientPositionException extends SolbotException {
    private static final long serialVersionUID = 1L;

    InsufficientPositionException(String message) {
        super(message);
    }
}
