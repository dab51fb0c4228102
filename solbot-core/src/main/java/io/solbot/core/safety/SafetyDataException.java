package io.solbot.core.safety;

import io.solbot.core.SolbotException;

/** A check could not read what it needs (no account bytes, no pool, no holders): it fails closed on it. */
public class SafetyDataException extends SolbotException {
    private static final long serialVersionUID = 1L;

    public SafetyDataException(String message) {
        super(message);
    }
}
