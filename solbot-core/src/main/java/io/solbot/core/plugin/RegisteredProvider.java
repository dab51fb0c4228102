package io.solbot.core.plugin;

import io.solbot.core.spi.StrategyProvider;
import java.util.Objects;

/**
 * A strategy provider the registry accepted, and where it came from.
 *
 * @param provider the provider
 * @param source a jar or class directory, or {@code "registered explicitly"}
 */
public record RegisteredProvider(StrategyProvider<?> provider, String source) {
    public RegisteredProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
    }

    public String id() {
        return provider.id();
    }
}
