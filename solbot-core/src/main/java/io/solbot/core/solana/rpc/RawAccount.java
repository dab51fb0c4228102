package io.solbot.core.solana.rpc;

import io.solbot.core.solana.Address;

/**
 * An account as {@code getAccountInfo} returns it in base64: its bytes for the decoders, undecoded.
 *
 * @param owner the program that owns it
 * @param lamports its balance
 * @param data its bytes; {@link #data()} returns a copy
 * @param executable whether it is a program
 * @param contextSlot the slot the node answered at
 */
public record RawAccount(Address owner, long lamports, byte[] data, boolean executable, long contextSlot) {
    public RawAccount {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "RawAccount[owner " + owner + ", " + lamports + " lamports, " + data.length + " bytes]";
    }
}
