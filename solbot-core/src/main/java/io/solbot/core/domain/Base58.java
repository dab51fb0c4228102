package io.solbot.core.domain;

import java.util.Arrays;

/**
 * The Bitcoin base58 alphabet that Solana uses for addresses and signatures.
 *
 * <p>Stateless and thread-safe.
 */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];
    /** 58^5, the most digits of base 58 whose value fits 30 bits. */
    private static final long FIVE_DIGITS = 656_356_768L;

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {}

    /**
     * Decodes {@code text}; each leading '1' becomes a leading zero byte.
     *
     * @throws IllegalArgumentException if {@code text} is empty or holds a character outside the alphabet, with
     *     the character and its position (base58 leaves out 0, O, I and l)
     */
    public static byte[] decode(CharSequence text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        // base-58 digits to base-256 digits, most significant first, by repeated division
        byte[] digits = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException(
                        "character '" + c + "' at position " + (i + 1) + " is not base58 (base58 has no 0, O, I or l)");
            }
            digits[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        byte[] out = new byte[digits.length];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            int remainder = 0;
            for (int i = start; i < digits.length; i++) {
                int value = remainder * 58 + (digits[i] & 0xFF);
                digits[i] = (byte) (value / 256);
                remainder = value % 256;
            }
            if (digits[start] == 0) {
                start++;
            }
            out[--outStart] = (byte) remainder;
        }
        while (outStart < out.length && out[outStart] == 0) {
            outStart++;
        }
        byte[] decoded = Arrays.copyOfRange(out, outStart - zeros, out.length);
        // the text may be a secret key: leave no copy of it behind (the digits are all zero by now)
        Arrays.fill(out, (byte) 0);
        return decoded;
    }

    /**
     * Encodes {@code bytes}; each leading zero byte becomes a leading '1'.
     *
     * <p>The number is divided by 58^5 at a time in 32-bit limbs (five digits per pass, in {@code long} arithmetic)
     * rather than by 58 a byte at a time: a 32-byte key costs about a twentieth, and decoders of token accounts encode
     * a dozen keys per account.
     */
    public static String encode(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        int n = (bytes.length + 3) / 4;
        int pad = n * 4 - bytes.length;
        int[] limbs = new int[n];
        for (int i = 0; i < bytes.length; i++) {
            int at = i + pad;
            limbs[at >>> 2] |= (bytes[i] & 0xFF) << (8 * (3 - (at & 3)));
        }
        char[] out = new char[bytes.length * 2 + 5];
        int outStart = out.length;
        int start = 0;
        while (start < n && limbs[start] == 0) {
            start++;
        }
        while (start < n) {
            long remainder = 0;
            for (int i = start; i < n; i++) {
                // remainder < 58^5 < 2^30, so this fits 62 bits
                long value = (remainder << 32) | (limbs[i] & 0xFFFFFFFFL);
                limbs[i] = (int) (value / FIVE_DIGITS);
                remainder = value % FIVE_DIGITS;
            }
            while (start < n && limbs[start] == 0) {
                start++;
            }
            for (int k = 0; k < 5; k++) {
                out[--outStart] = ALPHABET.charAt((int) (remainder % 58));
                remainder /= 58;
            }
        }
        // the last pass wrote five digits whatever the number's size: drop its leading zero digits
        while (outStart < out.length && out[outStart] == ALPHABET.charAt(0)) {
            outStart++;
        }
        for (int i = 0; i < zeros; i++) {
            out[--outStart] = ALPHABET.charAt(0);
        }
        return new String(out, outStart, out.length - outStart);
    }

    /**
     * Decodes {@code text} and checks it has {@code length} bytes. The message shows the text only if it is no longer
     * than base58 text of {@code length} bytes can be: longer text is something else (a 64-byte secret key pasted
     * where an address belongs), of which only the first characters are shown.
     *
     * @throws IllegalArgumentException naming {@code what}, the value and the reason
     */
    public static byte[] decodeExactly(String what, String text, int length) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        byte[] decoded;
        try {
            decoded = decode(text);
        } catch (IllegalArgumentException e) {
            String reason = text.length() > maxLength(length) ? "it is not base58" : e.getMessage();
            throw new IllegalArgumentException(shown(text, length) + " is not a valid " + what + ": " + reason, e);
        }
        if (decoded.length != length) {
            java.util.Arrays.fill(decoded, (byte) 0);
            throw new IllegalArgumentException(shown(text, length) + " is not a valid " + what + ": it decodes to "
                    + decoded.length + " bytes, but a " + what + " has " + length);
        }
        return decoded;
    }

    /** The most characters base58 text of {@code bytes} bytes has: 44 for 32 bytes, 88 for 64. */
    static int maxLength(int bytes) {
        return (int) Math.ceil(bytes * Math.log(256) / Math.log(58));
    }

    /** {@code text} quoted, or only its first 4 characters and its length if it is too long for {@code bytes}. */
    private static String shown(String text, int bytes) {
        if (text.length() <= maxLength(bytes)) {
            return "'" + text + "'";
        }
        return "text of " + text.length() + " characters starting '" + text.substring(0, 4) + "'";
    }
}
