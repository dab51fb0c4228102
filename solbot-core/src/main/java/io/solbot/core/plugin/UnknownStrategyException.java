package io.solbot.core.plugin;

import io.solbot.core.SolbotException;

/** A bot asked for a strategy that no accepted provider offers. The message names the closest known id. */
public final class UnknownStrategyException extends SolbotException {
    private static final long serialVersionUID = 1L;

    UnknownStrategyException(String message) {
        super(message);
    }
}
