package io.solbot.core.solana;

import java.util.Arrays;

/** A cursor over wire bytes whose every failure names the field being read and its offset. Not thread-safe. */
final class WireReader {
    private final byte[] bytes;
    private int position;

    WireReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    int u8(String field) {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    int peekU8(String field) {
        need(1, field);
        return bytes[position] & 0xFF;
    }

    /**
     * Solana's compact-u16 ("shortvec"): 7 bits per byte, least significant first, the top bit set when another byte
     * follows; at most 3 bytes and 0xFFFF. Like Solana's own decoder, refuses a longer encoding of a value that fits a
     * shorter one, so that one length has one encoding.
     */
    int shortVec(String field) {
        int start = position;
        int value = 0;
        for (int i = 0; i < 3; i++) {
            if (remaining() < 1) {
                throw fail(start, field, "the length ends after " + i + " of its bytes");
            }
            int b = bytes[position++] & 0xFF;
            if (i > 0 && b == 0) {
                throw fail(start, field, "the length is not in its shortest encoding");
            }
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > 0xFFFF) {
                    throw fail(start, field, "the length " + value + " is more than a compact-u16 holds");
                }
                return value;
            }
        }
        throw fail(start, field, "the length takes more than 3 bytes");
    }

    byte[] bytes(int count, String field) {
        need(count, field);
        byte[] out = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return out;
    }

    void skip(int count, String field) {
        need(count, field);
        position += count;
    }

    private void need(int count, String field) {
        if (remaining() < count) {
            throw fail(position, field, "needs " + count + " bytes, but " + remaining() + " remain");
        }
    }

    MalformedTransactionException fail(int at, String field, String reason) {
        return new MalformedTransactionException("at byte " + at + ": " + field + ": " + reason);
    }

    MalformedTransactionException fail(String field, String reason) {
        return fail(position, field, reason);
    }
}
