package io.solbot.core.plugin;

import java.util.Objects;

/**
 * A strategy provider the registry found but did not accept.
 *
 * @param source where it was found: a jar or class directory, or {@code "registered explicitly"}
 * @param provider the provider's class name, or the service entry that could not be loaded
 * @param reason why it was refused
 */
public record PluginRefusal(String source, String provider, String reason) {
    public PluginRefusal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    /** One sentence naming the source, the provider and the reason. */
    public String message() {
        return "Strategy provider " + provider + " from " + source + " was refused: " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
