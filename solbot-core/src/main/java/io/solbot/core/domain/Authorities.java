package io.solbot.core.domain;

import java.util.Optional;

/**
 * Who may still mint more of a token or freeze its accounts: the {@code mintAuthority} and {@code freezeAuthority}
 * options of the SPL mint account. A token whose authorities are both renounced (null) can be neither inflated nor
 * frozen.
 *
 * @param mintAuthority the base58 address that can mint more, or null if renounced
 * @param freezeAuthority the base58 address that can freeze token accounts, or null if renounced
 */
public record Authorities(String mintAuthority, String freezeAuthority) {
    /** Both authorities renounced. */
    public static final Authorities RENOUNCED = new Authorities(null, null);

    public Optional<String> mint() {
        return Optional.ofNullable(mintAuthority);
    }

    public Optional<String> freeze() {
        return Optional.ofNullable(freezeAuthority);
    }

    public boolean isRenounced() {
        return mintAuthority == null && freezeAuthority == null;
    }
}
