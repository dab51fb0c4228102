package io.solbot.core.solana;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 through the JDK's provider ({@code SunEC}), in Solana's byte forms: a 32-byte seed for the private key, the
 * 32-byte RFC 8032 encoding for the public key, 64-byte signatures.
 *
 * <p>Stateless and thread-safe: a {@link Signature} is not, so each call takes its own.
 */
final class Ed25519 {
    static final int SEED_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {}

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    /**
     * The public key of {@code seed}, in its 32-byte encoding. The JDK has no call for "the public key of this private
     * key"; its key-pair generator takes the private key as 32 bytes from its random source, so a source that yields
     * the seed makes the generator compute the public key.
     */
    static byte[] publicKeyOf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return encode((EdECPublicKey) generator.generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 signatures", e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s over {@code message}; false for a key that is not on the curve. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Address.LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(decode(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** RFC 8032 §5.1.2: y little-endian, the top bit of the last byte the sign of x. */
    private static byte[] encode(EdECPublicKey key) {
        EdECPoint point = key.getPoint();
        byte[] bigEndian = point.getY().toByteArray();
        byte[] out = new byte[Address.LENGTH];
        for (int i = 0; i < bigEndian.length && i < out.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static PublicKey decode(byte[] encoded) throws GeneralSecurityException {
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] bigEndian = new byte[Address.LENGTH];
        for (int i = 0; i < Address.LENGTH; i++) {
            bigEndian[i] = encoded[Address.LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7F;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    /** A random source that yields one seed: the only bytes the key-pair generator asks for. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException(
                        "the key-pair generator asked for " + bytes.length + " bytes, not a seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
