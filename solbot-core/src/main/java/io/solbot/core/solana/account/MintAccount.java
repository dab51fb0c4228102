package io.solbot.core.solana.account;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token mint as its account bytes hold it: the 82-byte SPL layout (mint authority, supply, decimals, initialised,
 * freeze authority) and, for Token-2022, its extensions. Immutable.
 *
 * <p>Layout: {@code [0..4)} mint-authority option tag, {@code [4..36)} its key, {@code [36..44)} supply u64, {@code
 * 44} decimals, {@code 45} initialised, {@code [46..50)} freeze-authority tag, {@code [50..82)} its key. A Token-2022
 * mint with extensions is padded with zeros to 165 bytes, then has the account type 1 and the TLV entries.
 *
 * @param program the program that owns the account
 * @param mintAuthority who can mint more, or empty when renounced (decided from the option tag, not the key bytes)
 * @param supply the raw supply, u64 (it may exceed {@code Long.MAX_VALUE})
 * @param decimals 0 to 255
 * @param initialized whether the mint was initialised
 * @param freezeAuthority who can freeze token accounts, or empty when renounced
 * @param extensions the Token-2022 extensions in the order of the account; empty for SPL Token
 */
public record MintAccount(
        TokenProgram program,
        Optional<String> mintAuthority,
        BigInteger supply,
        int decimals,
        boolean initialized,
        Optional<String> freezeAuthority,
        List<Extension> extensions) {
    /** The size of a mint without extensions. */
    public static final int SIZE = 82;

    /** @throws IllegalArgumentException if a value does not fit the layout, or SPL Token has extensions */
    public MintAccount {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(mintAuthority, "mintAuthority");
        Objects.requireNonNull(supply, "supply");
        Objects.requireNonNull(freezeAuthority, "freezeAuthority");
        extensions = List.copyOf(extensions);
        if (supply.signum() < 0 || supply.bitLength() > 64) {
            throw new IllegalArgumentException("supply must fit an unsigned 64-bit value, but was " + supply);
        }
        if (decimals < 0 || decimals > 255) {
            throw new IllegalArgumentException("decimals must be between 0 and 255, but was " + decimals);
        }
        Tlv.checkFits(program, ExtensionType.Kind.MINT, extensions);
    }

    /**
     * Decodes the data of a mint account owned by {@code owner}.
     *
     * @param data the account's data, as the RPC returns it (base64-decoded)
     * @param owner the base58 id of the program that owns the account
     * @throws MalformedAccountException if the owner is not a token program, the size is not a mint's, or a field or
     *     extension is malformed; the message says which and where
     */
    public static MintAccount decode(byte[] data, String owner) {
        Objects.requireNonNull(data, "data");
        TokenProgram program = TokenProgram.owning(owner, "mint");
        boolean extended = Tlv.extended(program, data, SIZE, ExtensionType.Kind.MINT);
        Optional<String> mintAuthority = Layout.optionalKey(data, 0, "mintAuthority");
        BigInteger supply = Layout.u64(data, 36, "supply");
        int decimals = Layout.u8(data, 44, "decimals");
        boolean initialized = Layout.bool(data, 45, "isInitialized");
        Optional<String> freezeAuthority = Layout.optionalKey(data, 46, "freezeAuthority");
        List<Extension> extensions = extended ? Tlv.read(data, ExtensionType.Kind.MINT) : List.of();
        return new MintAccount(program, mintAuthority, supply, decimals, initialized, freezeAuthority, extensions);
    }

    /** The account bytes of this mint, as {@link #decode} reads them. */
    public byte[] toBytes() {
        byte[] base = new byte[SIZE];
        Layout.putOptionalKey(base, 0, mintAuthority, "mintAuthority");
        Layout.putU64(base, 36, supply, "supply");
        base[44] = (byte) decimals;
        base[45] = (byte) (initialized ? 1 : 0);
        Layout.putOptionalKey(base, 46, freezeAuthority, "freezeAuthority");
        return extensions.isEmpty() ? base : Tlv.write(base, ExtensionType.Kind.MINT, extensions);
    }

    /** The mint and freeze authorities, as the domain names them. */
    public Authorities authorities() {
        return new Authorities(mintAuthority.orElse(null), freezeAuthority.orElse(null));
    }

    /** The supply with the mint's decimals. */
    public TokenAmount supplyAmount() {
        return new TokenAmount(supply, decimals);
    }

    /** The extension of class {@code type} (for example {@code Extension.TransferHook.class}), if the mint has it. */
    public <T extends Extension> Optional<T> extension(Class<T> type) {
        for (Extension e : extensions) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    /** The extension of {@code type}, whether decoded field by field or kept opaque, if the mint has it. */
    public Optional<Extension> extension(ExtensionType type) {
        for (Extension e : extensions) {
            if (e.number() == type.number()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
