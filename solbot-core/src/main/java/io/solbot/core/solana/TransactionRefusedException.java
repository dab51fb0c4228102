package io.solbot.core.solana;

import io.solbot.core.SolbotException;

/**
 * A well-formed transaction that the signer refuses to sign under its {@link SigningPolicy}; the message says which
 * rule and with which value (for example the program that is not allowed).
 */
public final class TransactionRefusedException extends SolbotException {
    private static final long serialVersionUID = 1L;

    TransactionRefusedException(String message) {
        super(message);
    }
}
