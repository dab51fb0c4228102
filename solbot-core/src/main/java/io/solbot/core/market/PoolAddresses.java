package io.solbot.core.market;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Synthetic, stable addresses for the simulated market's pool accounts. */
final class PoolAddresses {
    private PoolAddresses() {}

    /** The address of {@code mint}'s simulated pool: SHA-256 of "pool" and the mint's bytes, as base58. */
    static String of(Mint mint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("pool".getBytes(StandardCharsets.US_ASCII));
            return Base58.encode(sha.digest(mint.bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
