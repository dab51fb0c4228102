package io.solbot.core.solana.account;

/** The state byte of a token account (offset 108), and the value of a mint's DefaultAccountState extension. */
public enum AccountState {
    /** 0: not initialised. */
    UNINITIALIZED,
    /** 1: usable. */
    INITIALIZED,
    /** 2: frozen by the freeze authority: its tokens cannot move, so they cannot be sold. */
    FROZEN;

    static AccountState of(int value, int offset, String field) {
        return switch (value) {
            case 0 -> UNINITIALIZED;
            case 1 -> INITIALIZED;
            case 2 -> FROZEN;
            default ->
                throw new MalformedAccountException(
                        field + " at offset " + offset + " must be 0, 1 or 2, but was " + value);
        };
    }
}
