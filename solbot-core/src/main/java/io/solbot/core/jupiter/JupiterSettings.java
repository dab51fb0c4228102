package io.solbot.core.jupiter;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Jupiter.
 *
 * @param baseUri the API host, {@code https://api.jup.ag} in production; paths such as {@code /swap/v1/quote} are
 *     resolved against it
 * @param apiKey the key from Jupiter's portal, sent as {@code x-api-key}; empty for keyless use (0.5 requests a
 *     second). Shown nowhere, {@link #toString()} included
 * @param requestsPerSecond the plan's rate, shared by every client of the JVM with the same host and key
 * @param timeout how long one attempt may take
 * @param maxAttempts attempts per call, retries of 429, 5xx and timeouts included
 * @param backoff the first wait between attempts, doubled after each, up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 */
public record JupiterSettings(
        URI baseUri,
        Optional<String> apiKey,
        double requestsPerSecond,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Duration maxBackoff) {
    /** Jupiter's production host. */
    public static final URI PRODUCTION = URI.create("https://api.jup.ag");

    public JupiterSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("baseUri must be an http or https URI, but was " + baseUri);
        }
        if (apiKey.isPresent() && apiKey.get().isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank; leave it empty for keyless use");
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 1000) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be between 0 (exclusive) and 1000, but was " + requestsPerSecond);
        }
    }

    /**
     * Keyless production use: 0.5 requests a second, 10 s per attempt, 4 attempts from 500 ms to 8 s apart.
     */
    public static JupiterSettings keyless() {
        return of(PRODUCTION, Optional.empty(), 0.5);
    }

    /** {@code baseUri} with {@code apiKey} at {@code requestsPerSecond}, and the timeouts of {@link #keyless()}. */
    public static JupiterSettings of(URI baseUri, Optional<String> apiKey, double requestsPerSecond) {
        return new JupiterSettings(
                baseUri,
                apiKey,
                requestsPerSecond,
                Duration.ofSeconds(10),
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(8));
    }

    /** These settings with other timeouts and retries. */
    public JupiterSettings withRetries(Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff) {
        return new JupiterSettings(baseUri, apiKey, requestsPerSecond, timeout, maxAttempts, backoff, maxBackoff);
    }

    /** Shows whether there is a key, never the key. */
    @Override
    public String toString() {
        return "JupiterSettings[" + baseUri + ", " + (apiKey.isPresent() ? "api key set" : "keyless") + ", "
                + requestsPerSecond + "/s, timeout " + timeout.toMillis() + " ms, " + maxAttempts + " attempts]";
    }
}
