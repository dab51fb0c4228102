package io.solbot.core.solana.account;

import java.util.Optional;

/**
 * Every Token-2022 extension type, by its {@code u16} number (token-2022 {@code ExtensionType}), with the kind of
 * account it belongs on. Numbers beyond these are kept as {@link Extension.Unknown}.
 */
public enum ExtensionType {
    TRANSFER_FEE_CONFIG(1, Kind.MINT),
    TRANSFER_FEE_AMOUNT(2, Kind.ACCOUNT),
    MINT_CLOSE_AUTHORITY(3, Kind.MINT),
    CONFIDENTIAL_TRANSFER_MINT(4, Kind.MINT),
    CONFIDENTIAL_TRANSFER_ACCOUNT(5, Kind.ACCOUNT),
    DEFAULT_ACCOUNT_STATE(6, Kind.MINT),
    IMMUTABLE_OWNER(7, Kind.ACCOUNT),
    MEMO_TRANSFER(8, Kind.ACCOUNT),
    NON_TRANSFERABLE(9, Kind.MINT),
    INTEREST_BEARING_CONFIG(10, Kind.MINT),
    CPI_GUARD(11, Kind.ACCOUNT),
    PERMANENT_DELEGATE(12, Kind.MINT),
    NON_TRANSFERABLE_ACCOUNT(13, Kind.ACCOUNT),
    TRANSFER_HOOK(14, Kind.MINT),
    TRANSFER_HOOK_ACCOUNT(15, Kind.ACCOUNT),
    CONFIDENTIAL_TRANSFER_FEE_CONFIG(16, Kind.MINT),
    CONFIDENTIAL_TRANSFER_FEE_AMOUNT(17, Kind.ACCOUNT),
    METADATA_POINTER(18, Kind.MINT),
    TOKEN_METADATA(19, Kind.MINT),
    GROUP_POINTER(20, Kind.MINT),
    TOKEN_GROUP(21, Kind.MINT),
    GROUP_MEMBER_POINTER(22, Kind.MINT),
    TOKEN_GROUP_MEMBER(23, Kind.MINT),
    CONFIDENTIAL_MINT_BURN(24, Kind.MINT),
    SCALED_UI_AMOUNT(25, Kind.MINT),
    PAUSABLE(26, Kind.MINT),
    PAUSABLE_ACCOUNT(27, Kind.ACCOUNT),
    PERMISSIONED_BURN(28, Kind.MINT);

    /** Which account an extension type belongs on. */
    public enum Kind {
        MINT,
        ACCOUNT
    }

    private static final ExtensionType[] BY_NUMBER = new ExtensionType[29];

    static {
        for (ExtensionType t : values()) {
            BY_NUMBER[t.number] = t;
        }
    }

    private final int number;
    private final Kind kind;

    ExtensionType(int number, Kind kind) {
        this.number = number;
        this.kind = kind;
    }

    /** The type's number in the TLV header. */
    public int number() {
        return number;
    }

    /** Whether it belongs on a mint or on a token account. */
    public Kind kind() {
        return kind;
    }

    /** The type numbered {@code number}, or empty if this library does not know it (0 is no type: it ends a TLV). */
    public static Optional<ExtensionType> of(int number) {
        return number > 0 && number < BY_NUMBER.length ? Optional.of(BY_NUMBER[number]) : Optional.empty();
    }
}
