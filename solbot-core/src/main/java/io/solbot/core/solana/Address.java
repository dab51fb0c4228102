package io.solbot.core.solana;

import io.solbot.core.domain.Base58;
import java.util.Arrays;

/**
 * A 32-byte Solana account address (an Ed25519 public key or a program-derived address), shown in base58.
 *
 * <p>Immutable and thread-safe; equal when the bytes are equal.
 */
public final class Address implements Comparable<Address> {
    /** The number of bytes of an address. */
    public static final int LENGTH = 32;

    /** The System program. */
    public static final Address SYSTEM_PROGRAM = of("11111111111111111111111111111111");
    /** The Compute Budget program (compute-unit limit and price). */
    public static final Address COMPUTE_BUDGET_PROGRAM = of("ComputeBudget111111111111111111111111111111");
    /** The SPL Token program. */
    public static final Address TOKEN_PROGRAM = of("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
    /** The Token-2022 program. */
    public static final Address TOKEN_2022_PROGRAM = of("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
    /** The Associated Token Account program. */
    public static final Address ASSOCIATED_TOKEN_PROGRAM = of("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");
    /** Jupiter's aggregator program (v6). */
    public static final Address JUPITER_V6_PROGRAM = of("JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4");

    private final byte[] bytes;
    /** Computed on first use: base58 costs more than anything else about an address, and most are never shown. */
    private volatile String base58;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    private Address(byte[] bytes, String base58) {
        this.bytes = bytes;
        this.base58 = base58;
    }

    /**
     * Parses base58 text.
     *
     * @throws IllegalArgumentException if {@code base58} is null, not base58 or does not decode to 32 bytes
     */
    public static Address of(String base58) {
        byte[] decoded = Base58.decodeExactly("Solana address", base58, LENGTH);
        return new Address(decoded, base58);
    }

    /**
     * The address with these 32 bytes (copied).
     *
     * @throws IllegalArgumentException if there are not exactly 32
     */
    public static Address ofBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a Solana address has 32 bytes, but this one has " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    static Address ofBytes(byte[] source, int offset) {
        return new Address(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /** The 32 bytes; a fresh copy each call. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether these are the 32 bytes of {@code source} from {@code offset}. */
    boolean matches(byte[] source, int offset) {
        return Arrays.equals(bytes, 0, LENGTH, source, offset, offset + LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Address other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The base58 form. */
    @Override
    public String toString() {
        String text = base58;
        if (text == null) {
            text = Base58.encode(bytes);
            base58 = text;
        }
        return text;
    }
}
