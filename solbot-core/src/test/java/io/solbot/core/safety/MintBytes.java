package io.solbot.core.safety;

import io.solbot.core.domain.Base58;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** Mint account bytes laid out by hand (solana.md §4.1, §4.2), for the checks to decode. */
final class MintBytes {
    private final byte[] base = new byte[82];
    private final ByteArrayOutputStream tlv = new ByteArrayOutputStream();

    /** An initialised mint of {@code supply} raw units, 6 decimals, both authorities renounced (tags 0). */
    MintBytes(long supply) {
        for (int i = 0; i < 8; i++) {
            base[36 + i] = (byte) (supply >>> 8 * i);
        }
        base[44] = 6;
        base[45] = 1;
    }

    static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return k;
    }

    static String address(int seed) {
        return Base58.encode(key(seed));
    }

    MintBytes mintAuthority(int seed) {
        base[0] = 1;
        System.arraycopy(key(seed), 0, base, 4, 32);
        return this;
    }

    /** A renounced mint authority that kept its old key bytes: tag 0, key non-zero. */
    MintBytes renouncedMintAuthorityWithOldKey(int seed) {
        base[0] = 0;
        System.arraycopy(key(seed), 0, base, 4, 32);
        return this;
    }

    MintBytes freezeAuthority(int seed) {
        base[46] = 1;
        System.arraycopy(key(seed), 0, base, 50, 32);
        return this;
    }

    MintBytes uninitialised() {
        base[45] = 0;
        return this;
    }

    MintBytes extension(int type, byte[] value) {
        tlv.write(type);
        tlv.write(type >> 8);
        tlv.write(value.length);
        tlv.write(value.length >> 8);
        tlv.writeBytes(value);
        return this;
    }

    /** A TransferFeeConfig value: fee authority {@code authority} (0 for none), older and newer fee. */
    static byte[] transferFee(int authority, int olderBps, int newerBps, long newerEpoch) {
        byte[] v = new byte[108];
        if (authority != 0) {
            System.arraycopy(key(authority), 0, v, 0, 32);
        }
        put(v, 80, BigInteger.valueOf(1_000_000));
        v[88] = (byte) olderBps;
        v[89] = (byte) (olderBps >> 8);
        put(v, 90, BigInteger.valueOf(newerEpoch));
        put(v, 98, BigInteger.valueOf(1_000_000));
        v[106] = (byte) newerBps;
        v[107] = (byte) (newerBps >> 8);
        return v;
    }

    private static void put(byte[] v, int offset, BigInteger value) {
        long bits = value.longValue();
        for (int i = 0; i < 8; i++) {
            v[offset + i] = (byte) (bits >>> 8 * i);
        }
    }

    /** 82 bytes without extensions; otherwise padded to 165, account type 1, then the extensions. */
    byte[] get() {
        if (tlv.size() == 0) {
            return base.clone();
        }
        byte[] data = Arrays.copyOf(base, 166 + tlv.size());
        data[165] = 1;
        System.arraycopy(tlv.toByteArray(), 0, data, 166, tlv.size());
        return data;
    }
}
