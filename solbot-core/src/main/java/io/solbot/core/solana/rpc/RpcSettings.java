package io.solbot.core.solana.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a Solana RPC node.
 *
 * @param endpoint the node's HTTP JSON-RPC URL; may carry an API key, so it is shown nowhere beyond its host
 * @param requestsPerSecond the provider's rate, shared by every client of the JVM with the same endpoint
 * @param timeout how long one attempt may take
 * @param maxAttempts attempts per call, retries of 429, 5xx and timeouts included
 * @param backoff the first wait between attempts, doubled after each, up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts
 */
public record RpcSettings(
        URI endpoint,
        double requestsPerSecond,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Duration maxBackoff) {
    public RpcSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException(
                    "endpoint must be an http or https URL, but its scheme was " + endpoint.getScheme());
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 10_000) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be between 0 (exclusive) and 10000, but was " + requestsPerSecond);
        }
    }

    /** {@code endpoint} at {@code requestsPerSecond}: 5 s per attempt, 3 attempts from 200 ms to 2 s apart. */
    public static RpcSettings of(URI endpoint, double requestsPerSecond) {
        return new RpcSettings(
                endpoint, requestsPerSecond, Duration.ofSeconds(5), 3, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    /** These settings with other timeouts and retries. */
    public RpcSettings withRetries(Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff) {
        return new RpcSettings(endpoint, requestsPerSecond, timeout, maxAttempts, backoff, maxBackoff);
    }

    /** The endpoint's host only: its path and query may hold an API key. */
    @Override
    public String toString() {
        return "RpcSettings[" + endpoint.getScheme() + "://" + endpoint.getHost() + "/..., " + requestsPerSecond
                + "/s, timeout " + timeout.toMillis() + " ms, " + maxAttempts + " attempts]";
    }
}
