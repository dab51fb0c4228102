package io.solbot.core.solana.account;

import io.solbot.core.domain.Base58;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Account bytes written field by field at explicit offsets, little-endian, independently of the decoders' own
 * writers: what the tests decode.
 */
final class Bytes {
    static final String SPL = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    static final String T22 = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";

    private byte[] data;

    Bytes(int size) {
        data = new byte[size];
    }

    /** A 32-byte key whose bytes are {@code seed, seed+1, ...}. */
    static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) (seed + i);
        }
        return k;
    }

    static String address(int seed) {
        return Base58.encode(key(seed));
    }

    Bytes u8(int offset, int value) {
        data[offset] = (byte) value;
        return this;
    }

    Bytes u16(int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >> 8);
        return this;
    }

    Bytes u32(int offset, long value) {
        for (int i = 0; i < 4; i++) {
            data[offset + i] = (byte) (value >> 8 * i);
        }
        return this;
    }

    Bytes u64(int offset, BigInteger value) {
        byte[] be = value.toByteArray();
        for (int i = 0; i < 8; i++) {
            data[offset + i] = i < be.length ? be[be.length - 1 - i] : 0;
        }
        return this;
    }

    Bytes u64(int offset, long value) {
        return u64(offset, BigInteger.valueOf(value));
    }

    Bytes key(int offset, int seed) {
        System.arraycopy(key(seed), 0, data, offset, 32);
        return this;
    }

    /** Grows the data to {@code size} bytes (zeros). */
    Bytes size(int size) {
        data = Arrays.copyOf(data, size);
        return this;
    }

    byte[] get() {
        return data.clone();
    }

    /** {@code base} (a mint or account of 82 or 165 bytes) padded to 165, account type {@code type}, then {@code tlv}. */
    static byte[] extended(byte[] base, int type, byte[]... tlv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(base, 165));
        out.write(type);
        for (byte[] entry : tlv) {
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** One TLV entry: {@code type u16 || length u16 || value}. */
    static byte[] tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    /** A TLV entry that declares {@code length} but carries {@code value}. */
    static byte[] tlv(int type, int length, byte[] value) {
        byte[] e = new byte[4 + value.length];
        e[0] = (byte) type;
        e[1] = (byte) (type >> 8);
        e[2] = (byte) length;
        e[3] = (byte) (length >> 8);
        System.arraycopy(value, 0, e, 4, value.length);
        return e;
    }
}
