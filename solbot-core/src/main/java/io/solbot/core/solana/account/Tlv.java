package io.solbot.core.solana.account;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Token-2022 extension area: after the base account padded to 165 bytes, one account-type byte (1 mint, 2 token
 * account) at offset 165, then TLV entries ({@code type u16 || length u16 || value}) from offset 166.
 */
final class Tlv {
    static final int ACCOUNT_TYPE_OFFSET = 165;
    static final int START = 166;
    static final int HEADER = 4;
    /** A multisig account's size: Token-2022 pads an extended account that would have it, so it never means one. */
    static final int MULTISIG_SIZE = 355;

    private Tlv() {}

    /**
     * Checks the account-type byte and reads the entries of {@code data} after it. Reading stops at a type-0 entry or
     * when fewer bytes than a header remain (padding); an entry whose value runs past the end is a truncated
     * account, and an extension of the other kind of account, or one type twice, a malformed one.
     */
    static List<Extension> read(byte[] data, ExtensionType.Kind kind) {
        int expectedType = kind == ExtensionType.Kind.MINT ? 1 : 2;
        int accountType = Layout.u8(data, ACCOUNT_TYPE_OFFSET, "the account type");
        if (accountType != expectedType) {
            throw new MalformedAccountException("the account type at offset " + ACCOUNT_TYPE_OFFSET + " is "
                    + accountType + ", but a " + name(kind) + "'s is " + expectedType);
        }
        List<Extension> out = new ArrayList<>();
        BitSet seen = new BitSet();
        int offset = START;
        while (data.length - offset >= HEADER) {
            int number = Layout.u16(data, offset, "an extension's type");
            int length = Layout.u16(data, offset + 2, "an extension's length");
            if (number == 0) {
                break;
            }
            int value = offset + HEADER;
            if (length > data.length - value) {
                throw new MalformedAccountException("the extension at offset " + offset + " (type " + number
                        + ") declares " + length + " bytes, but only " + (data.length - value)
                        + " remain: the extension list is truncated");
            }
            if (seen.get(number)) {
                throw new MalformedAccountException(
                        "the extension at offset " + offset + " repeats type " + number + ", which may appear once");
            }
            seen.set(number);
            ExtensionType type = ExtensionType.of(number).orElse(null);
            if (type != null && type.kind() != kind) {
                throw new MalformedAccountException("the extension at offset " + offset + " is " + type + " (type "
                        + number + "), which belongs on a " + name(type.kind()) + ", not a " + name(kind));
            }
            out.add(Extension.read(data, number, value, length));
            offset = value + length;
        }
        return List.copyOf(out);
    }

    /** The account bytes: {@code base} padded to 165, the account type, then each extension's TLV entry. */
    static byte[] write(byte[] base, ExtensionType.Kind kind, List<Extension> extensions) {
        int size = START;
        for (Extension e : extensions) {
            size += HEADER + e.value().length;
        }
        if (size == MULTISIG_SIZE) {
            size += 2; // as Token-2022 does, so that the size never reads as a multisig
        }
        byte[] data = new byte[size];
        System.arraycopy(base, 0, data, 0, base.length);
        data[ACCOUNT_TYPE_OFFSET] = (byte) (kind == ExtensionType.Kind.MINT ? 1 : 2);
        int offset = START;
        for (Extension e : extensions) {
            byte[] value = e.value();
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("extension type " + e.number() + " holds " + value.length
                        + " bytes, more than a TLV length (u16) can say");
            }
            Layout.putU16(data, offset, e.number());
            Layout.putU16(data, offset + 2, value.length);
            System.arraycopy(value, 0, data, offset + HEADER, value.length);
            offset += HEADER + value.length;
        }
        return data;
    }

    /**
     * Whether account {@code data} of {@code program} has an extension area after a base of {@code baseSize} bytes:
     * only a Token-2022 account of another size has one, and it then reaches past the account-type byte and is not a
     * multisig's size; the mint and the token account decode by the same rule, so they share this check.
     *
     * @throws MalformedAccountException if the size is neither the base's nor an extended account's
     */
    static boolean extended(TokenProgram program, byte[] data, int baseSize, ExtensionType.Kind kind) {
        boolean extended = program == TokenProgram.TOKEN_2022 && data.length != baseSize;
        if (!extended && data.length != baseSize) {
            throw new MalformedAccountException("an SPL Token " + shortName(kind) + " is " + baseSize
                    + " bytes, but this account is " + data.length);
        }
        if (extended && (data.length < START || data.length == MULTISIG_SIZE)) {
            throw new MalformedAccountException("a Token-2022 " + name(kind) + " is " + baseSize
                    + " bytes, or at least "
                    + START + " (not " + MULTISIG_SIZE + ", a multisig's size) with extensions, but this account is "
                    + data.length);
        }
        return extended;
    }

    /**
     * Checks that an account of {@code kind} owned by {@code program} may hold {@code extensions}: SPL Token has none,
     * and each known extension belongs on this kind of account.
     *
     * @throws IllegalArgumentException naming the first that may not
     */
    static void checkFits(TokenProgram program, ExtensionType.Kind kind, List<Extension> extensions) {
        if (program == TokenProgram.SPL_TOKEN && !extensions.isEmpty()) {
            throw new IllegalArgumentException("only a Token-2022 " + shortName(kind) + " has extensions");
        }
        for (Extension e : extensions) {
            e.type().filter(t -> t.kind() != kind).ifPresent(t -> {
                throw new IllegalArgumentException(t + " belongs on a " + name(t.kind()) + ", not a " + name(kind));
            });
        }
    }

    static String name(ExtensionType.Kind kind) {
        return kind == ExtensionType.Kind.MINT ? "mint" : "token account";
    }

    /** The name after "SPL Token" or "Token-2022" in the messages that say the program's name: "an SPL Token account". */
    private static String shortName(ExtensionType.Kind kind) {
        return kind == ExtensionType.Kind.MINT ? "mint" : "account";
    }
}
