package io.solbot.core.solana;

import io.solbot.core.SolbotException;

/**
 * Bytes that are not a Solana transaction in wire format; the message names the field, its byte offset and what is
 * wrong (for example {@code "at byte 70: static account keys: 3 keys need 96 bytes, but 40 remain"}).
 */
public final class MalformedTransactionException extends SolbotException {
    private static final long serialVersionUID = 1L;

    MalformedTransactionException(String message) {
        super(message);
    }
}
