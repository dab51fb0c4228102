package io.solbot.core.solana.account;

import io.solbot.core.SolbotException;

/**
 * Account bytes that are not the account they were read as: the wrong size, the wrong owning program, a truncated or
 * inconsistent Token-2022 extension, a flag byte out of range. The message names the offset and the field.
 */
public class MalformedAccountException extends SolbotException {
    private static final long serialVersionUID = 1L;

    public MalformedAccountException(String message) {
        super(message);
    }
}
