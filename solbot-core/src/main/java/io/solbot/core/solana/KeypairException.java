package io.solbot.core.solana;

import io.solbot.core.SolbotException;

/**
 * A keypair could not be loaded: the file or variable is missing, or its content is not a Solana keypair. The message
 * names the source and what is wrong with it, never a byte of the key.
 */
public final class KeypairException extends SolbotException {
    private static final long serialVersionUID = 1L;

    KeypairException(String message) {
        super(message);
    }

    KeypairException(String message, Throwable cause) {
        super(message, cause);
    }
}
