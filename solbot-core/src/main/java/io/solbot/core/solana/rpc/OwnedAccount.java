package io.solbot.core.solana.rpc;

import io.solbot.core.solana.Address;
import java.util.Objects;

/**
 * A token account a wallet owns, as {@code getTokenAccountsByOwner} lists it in base64.
 *
 * @param address the token account
 * @param account its raw bytes and owning program, for the decoders
 */
public record OwnedAccount(Address address, RawAccount account) {
    public OwnedAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(account, "account");
    }
}
