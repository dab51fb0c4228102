package io.solbot.core.solana.account;

import static io.solbot.core.solana.account.Layout.KEY;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One Token-2022 extension of a mint or a token account (a TLV entry: {@code type u16 || length u16 || value}). The
 * ones a safety check reads are decoded field by field; every other known type is kept as {@link Opaque} with its type,
 * and a type number this library does not know as {@link Unknown}. Immutable.
 *
 * <p>Keys are base58 text; an {@code OptionalNonZeroPubkey} (32 zero bytes for none) is an {@link Optional}.
 */
public sealed interface Extension {
    /** The type number in the TLV header. */
    int number();

    /** The type, or empty for a number this library does not know. */
    default Optional<ExtensionType> type() {
        return ExtensionType.of(number());
    }

    /** The value bytes as they are laid out on chain. */
    byte[] value();

    /**
     * One of the two transfer fees a {@link TransferFeeConfig} holds: from {@code epoch} on, a transfer of {@code
     * amount} pays {@code min(maximumFee, ceil(amount × basisPoints / 10000))}.
     *
     * @param epoch the first epoch it applies in, u64
     * @param maximumFee the most one transfer pays, raw units, u64
     * @param basisPoints the rate, u16 (the program caps it at 10000)
     */
    record TransferFee(BigInteger epoch, BigInteger maximumFee, int basisPoints) {
        static final int SIZE = 18;

        public TransferFee {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(maximumFee, "maximumFee");
            if (basisPoints < 0 || basisPoints > 0xFFFF) {
                throw new IllegalArgumentException("basisPoints is a u16, but was " + basisPoints);
            }
        }

        /** What a transfer of {@code amount} raw units pays, exactly (rounded up, as the program does). */
        public BigInteger fee(BigInteger amount) {
            if (basisPoints == 0 || amount.signum() <= 0) {
                return BigInteger.ZERO;
            }
            BigInteger[] qr = amount.multiply(BigInteger.valueOf(basisPoints)).divideAndRemainder(BPS);
            BigInteger raw = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            return raw.min(maximumFee);
        }

        static TransferFee read(byte[] data, int offset, String which) {
            return new TransferFee(
                    Layout.u64(data, offset, which + ".epoch"),
                    Layout.u64(data, offset + 8, which + ".maximumFee"),
                    Layout.u16(data, offset + 16, which + ".basisPoints"));
        }

        void write(byte[] data, int offset, String which) {
            Layout.putU64(data, offset, epoch, which + ".epoch");
            Layout.putU64(data, offset + 8, maximumFee, which + ".maximumFee");
            Layout.putU16(data, offset + 16, basisPoints);
        }

        private static final BigInteger BPS = BigInteger.valueOf(10_000);
    }

    /**
     * 1: a fee on every transfer, sells included. A change is scheduled, not immediate: {@code newer} applies from its
     * epoch, so a check weighs both. A present {@code configAuthority} can raise the fee.
     */
    record TransferFeeConfig(
            Optional<String> configAuthority,
            Optional<String> withdrawWithheldAuthority,
            BigInteger withheldAmount,
            TransferFee older,
            TransferFee newer)
            implements Extension {
        static final int SIZE = 2 * KEY + 8 + 2 * TransferFee.SIZE;

        public TransferFeeConfig {
            Objects.requireNonNull(configAuthority, "configAuthority");
            Objects.requireNonNull(withdrawWithheldAuthority, "withdrawWithheldAuthority");
            Objects.requireNonNull(withheldAmount, "withheldAmount");
            Objects.requireNonNull(older, "older");
            Objects.requireNonNull(newer, "newer");
        }

        /** The fee in force in {@code epoch}: the newer from its epoch on, else the older. */
        public TransferFee feeIn(BigInteger epoch) {
            return epoch.compareTo(newer.epoch()) >= 0 ? newer : older;
        }

        /** The higher rate of the two, in basis points: what a check that does not know the epoch must assume. */
        public int maxBasisPoints() {
            return Math.max(older.basisPoints(), newer.basisPoints());
        }

        @Override
        public int number() {
            return ExtensionType.TRANSFER_FEE_CONFIG.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[SIZE];
            Layout.putNonZeroKey(v, 0, configAuthority, "configAuthority");
            Layout.putNonZeroKey(v, KEY, withdrawWithheldAuthority, "withdrawWithheldAuthority");
            Layout.putU64(v, 2 * KEY, withheldAmount, "withheldAmount");
            older.write(v, 2 * KEY + 8, "olderTransferFee");
            newer.write(v, 2 * KEY + 8 + TransferFee.SIZE, "newerTransferFee");
            return v;
        }

        static TransferFeeConfig read(byte[] d, int o) {
            return new TransferFeeConfig(
                    Layout.nonZeroKey(d, o, "transferFeeConfigAuthority"),
                    Layout.nonZeroKey(d, o + KEY, "withdrawWithheldAuthority"),
                    Layout.u64(d, o + 2 * KEY, "withheldAmount"),
                    TransferFee.read(d, o + 2 * KEY + 8, "olderTransferFee"),
                    TransferFee.read(d, o + 2 * KEY + 8 + TransferFee.SIZE, "newerTransferFee"));
        }
    }

    /** 3: the mint can be closed (once its supply is zero) by this authority. */
    record MintCloseAuthority(Optional<String> authority) implements Extension {
        public MintCloseAuthority {
            Objects.requireNonNull(authority, "authority");
        }

        @Override
        public int number() {
            return ExtensionType.MINT_CLOSE_AUTHORITY.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[KEY];
            Layout.putNonZeroKey(v, 0, authority, "closeAuthority");
            return v;
        }
    }

    /**
     * 4: balances may be confidential (encrypted), so holder concentration read from plain amounts cannot be trusted.
     *
     * @param auditorElGamalKey the auditor's ElGamal public key as base58 text, or empty for none
     */
    record ConfidentialTransferMint(
            Optional<String> authority, boolean autoApproveNewAccounts, Optional<String> auditorElGamalKey)
            implements Extension {
        static final int SIZE = 2 * KEY + 1;

        public ConfidentialTransferMint {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(auditorElGamalKey, "auditorElGamalKey");
        }

        @Override
        public int number() {
            return ExtensionType.CONFIDENTIAL_TRANSFER_MINT.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[SIZE];
            Layout.putNonZeroKey(v, 0, authority, "authority");
            v[KEY] = (byte) (autoApproveNewAccounts ? 1 : 0);
            Layout.putNonZeroKey(v, KEY + 1, auditorElGamalKey, "auditorElGamalKey");
            return v;
        }
    }

    /** 6: the state every new token account of the mint starts in; {@link AccountState#FROZEN} blocks buyers. */
    record DefaultAccountState(AccountState state) implements Extension {
        public DefaultAccountState {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public int number() {
            return ExtensionType.DEFAULT_ACCOUNT_STATE.number();
        }

        @Override
        public byte[] value() {
            return new byte[] {(byte) state.ordinal()};
        }
    }

    /** 9: the token cannot be transferred at all, so it cannot be sold. Its value is empty. */
    record NonTransferable() implements Extension {
        @Override
        public int number() {
            return ExtensionType.NON_TRANSFERABLE.number();
        }

        @Override
        public byte[] value() {
            return new byte[0];
        }
    }

    /** 12: the delegate can transfer or burn anyone's balance of the token. */
    record PermanentDelegate(Optional<String> delegate) implements Extension {
        public PermanentDelegate {
            Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public int number() {
            return ExtensionType.PERMANENT_DELEGATE.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[KEY];
            Layout.putNonZeroKey(v, 0, delegate, "delegate");
            return v;
        }
    }

    /** 14: {@code programId} runs on every transfer and can refuse any, sells included. */
    record TransferHook(Optional<String> authority, Optional<String> programId) implements Extension {
        public TransferHook {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(programId, "programId");
        }

        @Override
        public int number() {
            return ExtensionType.TRANSFER_HOOK.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[2 * KEY];
            Layout.putNonZeroKey(v, 0, authority, "authority");
            Layout.putNonZeroKey(v, KEY, programId, "programId");
            return v;
        }
    }

    /** 18: where the token's metadata lives (often the mint itself). */
    record MetadataPointer(Optional<String> authority, Optional<String> metadataAddress) implements Extension {
        public MetadataPointer {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(metadataAddress, "metadataAddress");
        }

        @Override
        public int number() {
            return ExtensionType.METADATA_POINTER.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[2 * KEY];
            Layout.putNonZeroKey(v, 0, authority, "authority");
            Layout.putNonZeroKey(v, KEY, metadataAddress, "metadataAddress");
            return v;
        }
    }

    /** 26: the authority can pause every transfer, mint and burn of the token. */
    record Pausable(Optional<String> authority, boolean paused) implements Extension {
        static final int SIZE = KEY + 1;

        public Pausable {
            Objects.requireNonNull(authority, "authority");
        }

        @Override
        public int number() {
            return ExtensionType.PAUSABLE.number();
        }

        @Override
        public byte[] value() {
            byte[] v = new byte[SIZE];
            Layout.putNonZeroKey(v, 0, authority, "authority");
            v[KEY] = (byte) (paused ? 1 : 0);
            return v;
        }
    }

    /** A known extension type that no safety check reads field by field: kept whole, with its type. */
    record Opaque(ExtensionType knownType, byte[] value) implements Extension {
        public Opaque {
            Objects.requireNonNull(knownType, "knownType");
            value = value.clone();
        }

        @Override
        public int number() {
            return knownType.number();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && knownType == other.knownType && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return knownType.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Opaque[" + knownType + ", " + value.length + " bytes: "
                    + HexFormat.of().formatHex(value) + "]";
        }
    }

    /** An extension type number this library does not know: kept whole, never a failure. */
    record Unknown(int number, byte[] value) implements Extension {
        public Unknown {
            if (number < 1 || number > 0xFFFF) {
                throw new IllegalArgumentException("an extension type is a u16 above 0, but was " + number);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown other && number == other.number && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return number * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Unknown[" + number + ", " + value.length + " bytes: "
                    + HexFormat.of().formatHex(value) + "]";
        }
    }

    /**
     * The extension of type {@code number} whose value is {@code value}, as a TLV entry would carry it.
     *
     * @throws MalformedAccountException if {@code number} is not a u16 above 0, or the value does not fit the type
     */
    public static Extension decode(int number, byte[] value) {
        if (number < 1 || number > 0xFFFF) {
            throw new MalformedAccountException("an extension type is a u16 above 0, but was " + number);
        }
        return read(value.clone(), number, 0, value.length);
    }

    /**
     * The extension of type {@code number} whose value is the {@code length} bytes at {@code offset} of {@code data}
     * (the whole account, so that errors name absolute offsets).
     */
    static Extension read(byte[] data, int number, int offset, int length) {
        Optional<ExtensionType> known = ExtensionType.of(number);
        if (known.isEmpty()) {
            return new Unknown(number, Arrays.copyOfRange(data, offset, offset + length));
        }
        ExtensionType type = known.get();
        return switch (type) {
            case TRANSFER_FEE_CONFIG -> {
                sized(type, offset, length, TransferFeeConfig.SIZE);
                yield TransferFeeConfig.read(data, offset);
            }
            case MINT_CLOSE_AUTHORITY -> {
                sized(type, offset, length, KEY);
                yield new MintCloseAuthority(Layout.nonZeroKey(data, offset, "closeAuthority"));
            }
            case CONFIDENTIAL_TRANSFER_MINT -> {
                sized(type, offset, length, ConfidentialTransferMint.SIZE);
                yield new ConfidentialTransferMint(
                        Layout.nonZeroKey(data, offset, "authority"),
                        Layout.bool(data, offset + KEY, "autoApproveNewAccounts"),
                        Layout.nonZeroKey(data, offset + KEY + 1, "auditorElGamalPubkey"));
            }
            case DEFAULT_ACCOUNT_STATE -> {
                sized(type, offset, length, 1);
                yield new DefaultAccountState(
                        AccountState.of(Layout.u8(data, offset, "defaultAccountState"), offset, "defaultAccountState"));
            }
            case NON_TRANSFERABLE -> {
                sized(type, offset, length, 0);
                yield new NonTransferable();
            }
            case PERMANENT_DELEGATE -> {
                sized(type, offset, length, KEY);
                yield new PermanentDelegate(Layout.nonZeroKey(data, offset, "permanentDelegate"));
            }
            case TRANSFER_HOOK -> {
                sized(type, offset, length, 2 * KEY);
                yield new TransferHook(
                        Layout.nonZeroKey(data, offset, "transferHook.authority"),
                        Layout.nonZeroKey(data, offset + KEY, "transferHook.programId"));
            }
            case METADATA_POINTER -> {
                sized(type, offset, length, 2 * KEY);
                yield new MetadataPointer(
                        Layout.nonZeroKey(data, offset, "metadataPointer.authority"),
                        Layout.nonZeroKey(data, offset + KEY, "metadataPointer.metadataAddress"));
            }
            case PAUSABLE -> {
                sized(type, offset, length, Pausable.SIZE);
                yield new Pausable(
                        Layout.nonZeroKey(data, offset, "pausable.authority"),
                        Layout.bool(data, offset + KEY, "pausable.paused"));
            }
            default -> new Opaque(type, Arrays.copyOfRange(data, offset, offset + length));
        };
    }

    private static void sized(ExtensionType type, int offset, int length, int expected) {
        if (length != expected) {
            throw new MalformedAccountException("the " + type + " extension (type " + type.number()
                    + ") whose value starts at offset " + offset + " holds " + length + " bytes, but its layout has "
                    + expected);
        }
    }
}
