package io.solbot.core.solana.account;

import java.util.Optional;

/** The two programs that own token mints and token accounts. */
public enum TokenProgram {
    /** The original SPL Token program: fixed-size mints (82 bytes) and accounts (165 bytes). */
    SPL_TOKEN("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"),
    /** Token-2022 (Token Extensions): the same base layouts, optionally followed by TLV extensions. */
    TOKEN_2022("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");

    private final String id;

    TokenProgram(String id) {
        this.id = id;
    }

    /** The program's base58 address. */
    public String id() {
        return id;
    }

    /** The token program whose address is {@code owner}, or empty for any other (or a null) owner. */
    public static Optional<TokenProgram> of(String owner) {
        for (TokenProgram p : values()) {
            if (p.id.equals(owner)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The token program whose address is {@code owner}.
     *
     * @throws MalformedAccountException if {@code owner} is neither token program, naming it
     */
    static TokenProgram owning(String owner, String what) {
        return of(owner)
                .orElseThrow(() -> new MalformedAccountException("a " + what + " is owned by " + SPL_TOKEN.id + " or "
                        + TOKEN_2022.id + ", but this account is owned by " + owner));
    }
}
