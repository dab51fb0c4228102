package io.solbot.core.solana.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to keep a websocket to a Solana node.
 *
 * @param endpoint the {@code ws://} or {@code wss://} URL; may carry an API key, so it is shown nowhere beyond its host
 * @param pingInterval how often to ping the node
 * @param silenceLimit how long without any message or pong before the connection is taken for dead and replaced
 * @param reconnectBackoff the first wait before reconnecting, doubled after each failed try
 * @param maxReconnectBackoff the longest wait between tries
 */
public record PubSubSettings(
        URI endpoint,
        Duration pingInterval,
        Duration silenceLimit,
        Duration reconnectBackoff,
        Duration maxReconnectBackoff) {
    public PubSubSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException(
                    "endpoint must be a ws or wss URL, but its scheme was " + endpoint.getScheme());
        }
        if (silenceLimit.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException(
                    "silenceLimit must be longer than pingInterval, but were " + silenceLimit + " and " + pingInterval);
        }
        if (reconnectBackoff.isNegative() || maxReconnectBackoff.compareTo(reconnectBackoff) < 0) {
            throw new IllegalArgumentException("reconnectBackoff must be between 0 and maxReconnectBackoff");
        }
    }

    /** Pings every 20 s, replaces a connection silent for 60 s, reconnects after 500 ms doubling up to 30 s. */
    public static PubSubSettings of(URI endpoint) {
        return new PubSubSettings(
                endpoint,
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                Duration.ofMillis(500),
                Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "PubSubSettings[" + endpoint.getScheme() + "://" + endpoint.getHost() + "/..., ping "
                + pingInterval.toMillis() + " ms, silence limit " + silenceLimit.toMillis() + " ms]";
    }
}
