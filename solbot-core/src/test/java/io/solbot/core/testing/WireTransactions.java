package io.solbot.core.testing;

import io.solbot.core.solana.Address;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Unsigned Solana transactions in wire format for tests, written byte by byte from the format's description (not by
 * the reader under test): legacy or v0, several signer slots, address lookup tables. Fake Jupiter servers return these
 * as their swap transactions.
 *
 * <pre>{@code
 * byte[] wire = WireTransactions.v0(payer).signer(coSigner).key(COMPUTE_BUDGET).key(SYSTEM)
 *         .instruction(3, new int[] {}, new byte[] {2, 0x40, 0x0d, 3, 0})
 *         .lookup(table, new int[] {0}, new int[] {}).build();
 * }</pre>
 */
public final class WireTransactions {
    private final boolean v0;
    private final List<Address> signers = new ArrayList<>();
    private final List<Address> keys = new ArrayList<>();
    private final List<byte[]> instructions = new ArrayList<>();
    private final List<byte[]> lookups = new ArrayList<>();
    private byte[] blockhash = new byte[32];
    private int readonlySigned;
    private int readonlyUnsigned;

    private WireTransactions(boolean v0, Address feePayer) {
        this.v0 = v0;
        signers.add(feePayer);
    }

    /** A v0 message paid by {@code feePayer}. */
    public static WireTransactions v0(Address feePayer) {
        return new WireTransactions(true, feePayer);
    }

    /** A legacy message paid by {@code feePayer}. */
    public static WireTransactions legacy(Address feePayer) {
        return new WireTransactions(false, feePayer);
    }

    /** Another required signer, after the ones before. */
    public WireTransactions signer(Address signer) {
        signers.add(signer);
        return this;
    }

    /** A static key that does not sign; its index is the signers' count plus the keys before it. */
    public WireTransactions key(Address key) {
        keys.add(key);
        return this;
    }

    public WireTransactions readonly(int signed, int unsigned) {
        this.readonlySigned = signed;
        this.readonlyUnsigned = unsigned;
        return this;
    }

    public WireTransactions blockhash(byte[] blockhash) {
        this.blockhash = blockhash.clone();
        return this;
    }

    public WireTransactions instruction(int programIndex, int[] accounts, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(programIndex);
        shortVec(out, accounts.length);
        for (int a : accounts) {
            out.write(a);
        }
        shortVec(out, data.length);
        out.writeBytes(data);
        instructions.add(out.toByteArray());
        return this;
    }

    public WireTransactions lookup(Address table, int[] writable, int[] readonly) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(table.bytes());
        shortVec(out, writable.length);
        for (int w : writable) {
            out.write(w);
        }
        shortVec(out, readonly.length);
        for (int r : readonly) {
            out.write(r);
        }
        lookups.add(out.toByteArray());
        return this;
    }

    /** The transaction with one all-zero signature slot per signer. */
    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shortVec(out, signers.size());
        out.writeBytes(new byte[64 * signers.size()]);
        out.writeBytes(message());
        return out.toByteArray();
    }

    /** The message alone: what the signatures sign. */
    public byte[] message() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (v0) {
            out.write(0x80);
        }
        out.write(signers.size());
        out.write(readonlySigned);
        out.write(readonlyUnsigned);
        shortVec(out, signers.size() + keys.size());
        signers.forEach(s -> out.writeBytes(s.bytes()));
        keys.forEach(k -> out.writeBytes(k.bytes()));
        out.writeBytes(blockhash);
        shortVec(out, instructions.size());
        instructions.forEach(out::writeBytes);
        if (v0) {
            shortVec(out, lookups.size());
            lookups.forEach(out::writeBytes);
        }
        return out.toByteArray();
    }

    /** Solana's compact-u16: 7 bits a byte, least significant first, the top bit set when more follow. */
    public static void shortVec(ByteArrayOutputStream out, int value) {
        int rest = value;
        while (true) {
            int b = rest & 0x7F;
            rest >>>= 7;
            if (rest == 0) {
                out.write(b);
                return;
            }
            out.write(b | 0x80);
        }
    }
}
