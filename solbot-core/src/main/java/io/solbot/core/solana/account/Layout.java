package io.solbot.core.solana.account;

import io.solbot.core.domain.Base58;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Little-endian reads and writes of the token programs' field types at absolute offsets, each read checked against the
 * data's length, so a short account is a {@link MalformedAccountException} naming the field, never an index error.
 */
final class Layout {
    static final int KEY = 32;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger U64_MAX = TWO_64.subtract(BigInteger.ONE);

    private Layout() {}

    static void need(byte[] data, int offset, int size, String field) {
        if (offset < 0 || size < 0 || offset > data.length - size) {
            throw new MalformedAccountException(field + " needs " + size + " bytes at offset " + offset
                    + ", but the data is " + data.length + " bytes long");
        }
    }

    static int u8(byte[] data, int offset, String field) {
        need(data, offset, 1, field);
        return data[offset] & 0xFF;
    }

    static boolean bool(byte[] data, int offset, String field) {
        int value = u8(data, offset, field);
        if (value > 1) {
            throw new MalformedAccountException(
                    field + " at offset " + offset + " is a bool (0 or 1), but was " + value);
        }
        return value == 1;
    }

    static int u16(byte[] data, int offset, String field) {
        need(data, offset, 2, field);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    static long u32(byte[] data, int offset, String field) {
        need(data, offset, 4, field);
        return (data[offset] & 0xFFL)
                | (data[offset + 1] & 0xFFL) << 8
                | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }

    /** An unsigned 64-bit value; above {@code Long.MAX_VALUE} too. */
    static BigInteger u64(byte[] data, int offset, String field) {
        need(data, offset, 8, field);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (data[offset + i] & 0xFF);
        }
        BigInteger value = BigInteger.valueOf(bits);
        return bits < 0 ? value.add(TWO_64) : value;
    }

    static String key(byte[] data, int offset, String field) {
        need(data, offset, KEY, field);
        return Base58.encode(Arrays.copyOfRange(data, offset, offset + KEY));
    }

    /** An {@code OptionalNonZeroPubkey}: 32 bytes, all zero for none. */
    static Optional<String> nonZeroKey(byte[] data, int offset, String field) {
        need(data, offset, KEY, field);
        for (int i = offset; i < offset + KEY; i++) {
            if (data[i] != 0) {
                return Optional.of(key(data, offset, field));
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code COption<Pubkey>}: a u32 tag (0 none, 1 some) and 32 bytes. None is decided from the tag alone: a
     * renounced authority keeps its old key bytes.
     */
    static Optional<String> optionalKey(byte[] data, int offset, String field) {
        return tag(data, offset, field) ? Optional.of(key(data, offset + 4, field)) : Optional.empty();
    }

    /** A {@code COption<u64>}: a u32 tag and 8 bytes; none from the tag alone. */
    static Optional<BigInteger> optionalU64(byte[] data, int offset, String field) {
        return tag(data, offset, field) ? Optional.of(u64(data, offset + 4, field)) : Optional.empty();
    }

    private static boolean tag(byte[] data, int offset, String field) {
        long tag = u32(data, offset, field + "'s option tag");
        if (tag > 1) {
            throw new MalformedAccountException(
                    field + "'s option tag at offset " + offset + " must be 0 or 1, but was " + tag);
        }
        return tag == 1;
    }

    // writing, for whoever builds account bytes (the simulated market)

    static void putU16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] data, int offset, long value) {
        for (int i = 0; i < 4; i++) {
            data[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    static void putU64(byte[] data, int offset, BigInteger value, String field) {
        if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
            throw new IllegalArgumentException(field + " must fit an unsigned 64-bit value, but was " + value);
        }
        long bits = value.longValue();
        for (int i = 0; i < 8; i++) {
            data[offset + i] = (byte) (bits >>> 8 * i);
        }
    }

    static void putKey(byte[] data, int offset, String key, String field) {
        byte[] bytes;
        try {
            bytes = Base58.decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a base58 address: " + e.getMessage(), e);
        }
        if (bytes.length != KEY) {
            throw new IllegalArgumentException(
                    field + " must decode to 32 bytes, but " + key + " decodes to " + bytes.length);
        }
        System.arraycopy(bytes, 0, data, offset, KEY);
    }

    static void putNonZeroKey(byte[] data, int offset, Optional<String> key, String field) {
        key.ifPresent(k -> putKey(data, offset, k, field));
    }

    static void putOptionalKey(byte[] data, int offset, Optional<String> key, String field) {
        putU32(data, offset, key.isPresent() ? 1 : 0);
        key.ifPresent(k -> putKey(data, offset + 4, k, field));
    }

    static void putOptionalU64(byte[] data, int offset, Optional<BigInteger> value, String field) {
        putU32(data, offset, value.isPresent() ? 1 : 0);
        if (value.isPresent()) {
            putU64(data, offset + 4, value.get(), field);
        }
    }
}
