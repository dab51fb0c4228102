package io.solbot.core.solana.account;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token account as its bytes hold it: the 165-byte SPL layout and, for Token-2022, its extensions. Immutable.
 *
 * <p>Layout: {@code [0..32)} mint, {@code [32..64)} owner, {@code [64..72)} amount u64, {@code [72..108)} delegate
 * option, {@code 108} state, {@code [109..121)} is-native option (u64 rent reserve), {@code [121..129)} delegated
 * amount, {@code [129..165)} close-authority option. A Token-2022 account with extensions has the account type 2 at
 * 165 and TLV entries after it; one created without the associated-token program can be exactly 165 bytes.
 *
 * @param program the program that owns the account
 * @param mint the token it holds
 * @param owner the wallet (or program account) that owns the tokens
 * @param amount raw units held, u64
 * @param delegate who may spend {@code delegatedAmount} of it, or empty (decided from the option tag)
 * @param state initialised, or frozen (its tokens cannot move)
 * @param nativeReserve for a wrapped-SOL account, the rent-exempt reserve in lamports; otherwise empty
 * @param delegatedAmount raw units the delegate may still spend, u64
 * @param closeAuthority who may close the account, or empty
 * @param extensions the Token-2022 extensions in the order of the account; empty for SPL Token
 */
public record TokenAccount(
        TokenProgram program,
        String mint,
        String owner,
        BigInteger amount,
        Optional<String> delegate,
        AccountState state,
        Optional<BigInteger> nativeReserve,
        BigInteger delegatedAmount,
        Optional<String> closeAuthority,
        List<Extension> extensions) {
    /** The size of a token account without extensions. */
    public static final int SIZE = 165;

    /** @throws IllegalArgumentException if a value does not fit the layout, or SPL Token has extensions */
    public TokenAccount {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nativeReserve, "nativeReserve");
        Objects.requireNonNull(delegatedAmount, "delegatedAmount");
        Objects.requireNonNull(closeAuthority, "closeAuthority");
        extensions = List.copyOf(extensions);
        Tlv.checkFits(program, ExtensionType.Kind.ACCOUNT, extensions);
    }

    /**
     * Decodes the data of a token account owned by {@code owner}.
     *
     * @param data the account's data, as the RPC returns it (base64-decoded)
     * @param owner the base58 id of the program that owns the account
     * @throws MalformedAccountException if the owner is not a token program, the size is not a token account's, or a
     *     field or extension is malformed; the message says which and where
     */
    public static TokenAccount decode(byte[] data, String owner) {
        Objects.requireNonNull(data, "data");
        TokenProgram program = TokenProgram.owning(owner, "token account");
        boolean extended = Tlv.extended(program, data, SIZE, ExtensionType.Kind.ACCOUNT);
        String mint = Layout.key(data, 0, "mint");
        String holder = Layout.key(data, 32, "owner");
        BigInteger amount = Layout.u64(data, 64, "amount");
        Optional<String> delegate = Layout.optionalKey(data, 72, "delegate");
        AccountState state = AccountState.of(Layout.u8(data, 108, "state"), 108, "state");
        Optional<BigInteger> nativeReserve = Layout.optionalU64(data, 109, "isNative");
        BigInteger delegatedAmount = Layout.u64(data, 121, "delegatedAmount");
        Optional<String> closeAuthority = Layout.optionalKey(data, 129, "closeAuthority");
        List<Extension> extensions = extended ? Tlv.read(data, ExtensionType.Kind.ACCOUNT) : List.of();
        return new TokenAccount(
                program,
                mint,
                holder,
                amount,
                delegate,
                state,
                nativeReserve,
                delegatedAmount,
                closeAuthority,
                extensions);
    }

    /** The account bytes of this token account, as {@link #decode} reads them. */
    public byte[] toBytes() {
        byte[] base = new byte[SIZE];
        Layout.putKey(base, 0, mint, "mint");
        Layout.putKey(base, 32, owner, "owner");
        Layout.putU64(base, 64, amount, "amount");
        Layout.putOptionalKey(base, 72, delegate, "delegate");
        base[108] = (byte) state.ordinal();
        Layout.putOptionalU64(base, 109, nativeReserve, "isNative");
        Layout.putU64(base, 121, delegatedAmount, "delegatedAmount");
        Layout.putOptionalKey(base, 129, closeAuthority, "closeAuthority");
        return extensions.isEmpty() ? base : Tlv.write(base, ExtensionType.Kind.ACCOUNT, extensions);
    }

    /** Whether the account is frozen: its tokens cannot be moved, so not sold. */
    public boolean isFrozen() {
        return state == AccountState.FROZEN;
    }
}
