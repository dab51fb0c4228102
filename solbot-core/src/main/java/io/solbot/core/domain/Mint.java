package io.solbot.core.domain;

/**
 * The address of an SPL token mint: base58 text that decodes to exactly 32 bytes.
 *
 * <p>Immutable; equal when the addresses are equal.
 *
 * @param address the base58 address
 */
public record Mint(String address) implements Comparable<Mint> {
    /** Wrapped SOL, the mint that Jupiter and the SPL token program use for SOL. */
    public static final Mint WRAPPED_SOL = new Mint("So11111111111111111111111111111111111111112");

    /** USDC on Solana mainnet. */
    public static final Mint USDC = new Mint("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    /** @throws IllegalArgumentException if {@code address} is not base58 or does not decode to 32 bytes */
    public Mint {
        Base58.decodeExactly("Solana address", address, 32);
    }

    /** Parses a mint address; see {@link #Mint(String)}. */
    public static Mint of(String address) {
        return new Mint(address);
    }

    /** Whether {@code address} is base58 text that decodes to exactly 32 bytes. Null is not valid. */
    public static boolean isValid(String address) {
        if (address == null || address.length() < 32 || address.length() > 44) {
            return false;
        }
        try {
            return Base58.decode(address).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The 32 bytes of the address; a fresh copy each call. */
    public byte[] bytes() {
        return Base58.decode(address);
    }

    @Override
    public int compareTo(Mint other) {
        return address.compareTo(other.address);
    }

    @Override
    public String toString() {
        return address;
    }
}
