package io.solbot.core.solana.account;

import java.util.Arrays;
import java.util.Objects;

/**
 * An account as a node returns it, before decoding: its data and the program that owns it. Immutable (the data is
 * copied in and out).
 *
 * @param owner the base58 id of the owning program
 * @param data the account's data
 */
public record AccountBytes(String owner, byte[] data) {
    public AccountBytes {
        Objects.requireNonNull(owner, "owner");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data decoded as a mint; see {@link MintAccount#decode}. */
    public MintAccount mint() {
        return MintAccount.decode(data, owner);
    }

    /** The data decoded as a token account; see {@link TokenAccount#decode}. */
    public TokenAccount tokenAccount() {
        return TokenAccount.decode(data, owner);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountBytes other && owner.equals(other.owner) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return owner.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AccountBytes[owner=" + owner + ", " + data.length + " bytes]";
    }
}
