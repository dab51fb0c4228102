package io.solbot.core.domain;

/**
 * A transaction signature: base58 text that decodes to exactly 64 bytes. Paper fills carry synthetic signatures of
 * the same form, so that every store treats paper and live trades alike.
 *
 * @param value the base58 signature
 */
public record TxSignature(String value) {
    /** @throws IllegalArgumentException if {@code value} is not base58 or does not decode to 64 bytes */
    public TxSignature {
        Base58.decodeExactly("transaction signature", value, 64);
    }

    public static TxSignature of(String value) {
        return new TxSignature(value);
    }

    /** The signature with these 64 bytes. */
    public static TxSignature ofBytes(byte[] bytes) {
        if (bytes.length != 64) {
            throw new IllegalArgumentException(
                    "a transaction signature has 64 bytes, but this one has " + bytes.length);
        }
        return new TxSignature(Base58.encode(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
