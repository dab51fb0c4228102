package io.solbot.launcher.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bearer token every operator route but the health check asks for. Compared in constant time, as SHA-256 digests
 * so that not even its length leaks; never in a {@code toString}, a log line or a response. Immutable.
 */
public final class ApiToken {
    /** The environment variable that sets the token; without it, one is generated for each run. */
    public static final String VARIABLE = "SOLBOT_API_TOKEN";

    private static final int MIN_LENGTH = 16;
    private final String token;
    private final byte[] digest;
    private final boolean generated;

    private ApiToken(String token, boolean generated) {
        this.token = token;
        this.digest = sha256(token);
        this.generated = generated;
    }

    /**
     * A token the operator chose.
     *
     * @throws IllegalArgumentException if it is shorter than 16 characters or has white space (the message never
     *     quotes it)
     */
    public static ApiToken of(String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < MIN_LENGTH
                || !token.strip().equals(token)
                || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(VARIABLE + " must be at least " + MIN_LENGTH
                    + " characters without white space, but the one given has " + token.length());
        }
        return new ApiToken(token, false);
    }

    /** 32 random bytes, base64url: 43 characters. */
    public static ApiToken generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    /** {@link #VARIABLE}'s token if it is set, else a generated one. */
    public static ApiToken fromEnvironment() {
        String configured = System.getenv(VARIABLE);
        return configured == null || configured.isEmpty() ? generate() : of(configured);
    }

    public boolean generated() {
        return generated;
    }

    /** The token itself, for the one place that shows it to the operator: the launcher's start-up line. */
    public String reveal() {
        return token;
    }

    /** Whether {@code presented} is the token; in time independent of how much of it matches. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /**
     * Whether an {@code Authorization} header carries the token as {@code Bearer <token>}.
     */
    boolean authorizes(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return matches(authorizationHeader.substring(7).strip());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
