package io.solbot.core.solana;

import io.solbot.core.domain.Base58;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wallet's Ed25519 keypair: signs messages for its {@link #address()}.
 *
 * <p>The secret never leaves this object: {@link #toString()} shows the public address only, no method returns the
 * secret, and a load that fails says which file or variable and what is wrong with it, never which bytes. Immutable
 * and thread-safe.
 */
public final class Keypair {
    private static final Logger LOG = LoggerFactory.getLogger(Keypair.class);
    /** A Solana CLI keypair file is about 250 bytes; anything much larger is not one. */
    private static final long MAX_FILE_BYTES = 4096;

    private final PrivateKey privateKey;
    private final Address address;

    /** Takes {@code seed}, a copy of the caller's, and zeroes it once the key is made. */
    private Keypair(byte[] seed) {
        try {
            this.privateKey = Ed25519.privateKey(seed);
            this.address = Address.ofBytes(Ed25519.publicKeyOf(seed));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The keypair of a 32-byte Ed25519 seed (the first half of Solana's 64-byte secret key). The seed is copied.
     *
     * @throws KeypairException if {@code seed} does not have 32 bytes
     */
    public static Keypair fromSeed(byte[] seed) {
        if (seed.length != Ed25519.SEED_LENGTH) {
            throw new KeypairException("an Ed25519 seed has 32 bytes, but this one has " + seed.length);
        }
        return new Keypair(seed.clone());
    }

    /**
     * Reads a Solana CLI keypair file ({@code solana-keygen new -o id.json}): a JSON array of 64 integers 0..255, the
     * 32-byte seed followed by the 32-byte public key, which must be the seed's. Logs a warning if other users may
     * read the file.
     *
     * @throws KeypairException naming the file and the problem: missing, unreadable, not such an array, or halves that
     *     do not belong together
     */
    public static Keypair fromFile(Path file) {
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeypairException("keypair file " + file + " is not a Solana keypair file: it has more than "
                        + MAX_FILE_BYTES + " bytes");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeypairException("keypair file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeypairException(
                    "keypair file " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
        warnIfOthersMayRead(file);
        byte[] secret = null;
        try {
            secret = parseByteArray(new String(content, StandardCharsets.US_ASCII), "keypair file " + file);
            return fromSecretKey(secret, "keypair file " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /**
     * Reads a base58 secret from the environment variable {@code variable}: a 64-byte secret key (seed and public key,
     * as wallets export it) or a 32-byte seed.
     *
     * @throws KeypairException naming the variable and the problem: unset, not base58, the wrong length, or halves that
     *     do not belong together
     */
    public static Keypair fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /**
     * As {@link #fromEnvironment(String)}, with {@code environment} looking variables up (a host's own secret store,
     * or a test's map).
     */
    public static Keypair fromEnvironment(String variable, Function<String, String> environment) {
        String source = "environment variable " + variable;
        String text = environment.apply(variable);
        if (text == null || text.isBlank()) {
            throw new KeypairException(source + " is not set");
        }
        byte[] secret;
        try {
            secret = Base58.decode(text.strip());
        } catch (IllegalArgumentException e) {
            // the decoder's message names the offending character: a piece of the secret, so it is not passed on
            throw new KeypairException(source + " is not base58 text");
        }
        try {
            if (secret.length == Ed25519.SEED_LENGTH) {
                return new Keypair(secret.clone());
            }
            return fromSecretKey(secret, source);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static Keypair fromSecretKey(byte[] secret, String source) {
        if (secret.length != 64) {
            throw new KeypairException(source + " holds " + secret.length
                    + " bytes, but a Solana secret key has 64 (a 32-byte seed, then the 32-byte public key)");
        }
        Keypair keypair = new Keypair(Arrays.copyOf(secret, Ed25519.SEED_LENGTH));
        if (!keypair.address.matches(secret, Ed25519.SEED_LENGTH)) {
            throw new KeypairException(
                    source + " is not a keypair: its second half is not the public key of its first");
        }
        return keypair;
    }

    /** Parses {@code [n, n, ...]} with 0 <= n <= 255; errors name the element, never its value. */
    private static byte[] parseByteArray(String text, String source) {
        String body = text.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new KeypairException(
                    source + " is not a Solana keypair file: it should be a JSON array of 64 numbers from 0 to 255");
        }
        String inner = body.substring(1, body.length() - 1).strip();
        if (inner.isEmpty()) {
            throw new KeypairException(source + " holds an empty array, but a Solana secret key has 64 bytes");
        }
        String[] items = inner.split(",", -1);
        byte[] out = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            int value = -1;
            if (!item.isEmpty() && item.length() <= 3 && item.chars().allMatch(c -> c >= '0' && c <= '9')) {
                value = Integer.parseInt(item);
            }
            if (value < 0 || value > 255) {
                throw new KeypairException(
                        source + ": element " + (i + 1) + " of the array is not an integer from 0 to 255");
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn(
                        "Keypair file {} can be read by other users; solana-keygen writes it for its owner only"
                                + " (chmod 600)",
                        file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /** The wallet's public address. */
    public Address address() {
        return address;
    }

    /** The 64-byte Ed25519 signature of {@code message}. Deterministic: the same message gives the same bytes. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /**
     * Whether {@code signature} is the Ed25519 signature of {@code signer} over {@code message}; false for a signature
     * of another length or an address that is not a point on the curve.
     */
    public static boolean verify(Address signer, byte[] message, byte[] signature) {
        return Ed25519.verify(signer.bytes(), message, signature);
    }

    /** Shows the public address only. */
    @Override
    public String toString() {
        return "Keypair[" + address + "]";
    }
}
