package io.solbot.core.solana;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.TxSignature;
import java.util.Base64;

/**
 * A transaction with our signature in it, ready to send: its wire bytes, its id (the fee payer's signature, known
 * before anything is sent) and the blockhash it expires with. Immutable and thread-safe.
 */
public final class SignedTransaction {
    private final byte[] wire;
    private final TxSignature id;
    private final byte[] recentBlockhash;

    SignedTransaction(byte[] wire, TxSignature id, byte[] recentBlockhash) {
        this.wire = wire;
        this.id = id;
        this.recentBlockhash = recentBlockhash;
    }

    /** The signed wire bytes; a fresh copy each call. */
    public byte[] wireBytes() {
        return wire.clone();
    }

    /** The signed bytes in base64, as {@code sendTransaction} and Jupiter's {@code /execute} take them. */
    public String base64() {
        return Base64.getEncoder().encodeToString(wire);
    }

    /** The transaction id: the signature in slot 0. */
    public TxSignature id() {
        return id;
    }

    /** The recent blockhash the transaction carries, base58. */
    public String recentBlockhash() {
        return Base58.encode(recentBlockhash);
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + id + ", " + wire.length + " bytes]";
    }
}
