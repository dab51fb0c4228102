package io.solbot.core.plugin;

import io.solbot.core.internal.Names;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StrategyProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategy providers an engine can run, and the ones it refused with the reason.
 *
 * <p>Explicit first, discovery second: providers passed to {@link Builder#register} are taken first, then those found
 * on the class path ({@link Builder#discoverClassPath()}), then those in plugin jars ({@link
 * Builder#discoverPluginsDir}), each jar in its own class loader. A provider is refused, with a {@link PluginRefusal}
 * that names its jar and the reason, when it was built for an SPI version this solbot does not support, when its id
 * is taken (ids are compared ignoring case, '-' and '_'; the first one found keeps it), when it needs a {@link
 * Capability} the host does not supply, when its id or config type is malformed, or when it cannot be loaded at all.
 * One bad plugin never stops the others from loading.
 *
 * <p>Three jobs, three places: {@code PluginDiscovery} finds providers (class path, plugin jars, one class loader per
 * jar, one {@code ServiceConfigurationError} per bad entry), {@code ProviderAdmission} accepts or refuses each, and
 * this class answers lookups ({@link #find}, {@link #require}) over what was accepted.
 *
 * <p>Immutable once built and safe to share between threads. {@link #close()} closes the plugin class loaders.
 */
public final class StrategyRegistry implements AutoCloseable {
    /** The SPI versions this solbot can run. */
    public static final Set<Integer> SUPPORTED_SPI_VERSIONS = Set.of(StrategyProvider.SPI_VERSION);

    private static final Logger log = LoggerFactory.getLogger(StrategyRegistry.class);

    private final Map<String, RegisteredProvider> byKey;
    private final Map<String, PluginRefusal> refusedByKey;
    private final List<PluginRefusal> refusals;
    private final Set<Capability> capabilities;
    private final List<URLClassLoader> pluginLoaders;

    private StrategyRegistry(
            Map<String, RegisteredProvider> byKey,
            Map<String, PluginRefusal> refusedByKey,
            List<PluginRefusal> refusals,
            Set<Capability> capabilities,
            List<URLClassLoader> pluginLoaders) {
        this.byKey = byKey;
        this.refusedByKey = refusedByKey;
        this.refusals = refusals;
        this.capabilities = capabilities;
        this.pluginLoaders = pluginLoaders;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The accepted providers, in the order they were found. */
    public List<RegisteredProvider> providers() {
        return List.copyOf(byKey.values());
    }

    /** The refused providers with their reasons, in the order they were found. */
    public List<PluginRefusal> refusals() {
        return refusals;
    }

    /** The capabilities the host supplies, against which providers were checked. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The provider for a mode name, matched ignoring case, '-' and '_' ({@code chadMode}, {@code chad-mode} and
     * {@code CHAD_MODE} are one mode).
     */
    public Optional<RegisteredProvider> find(String mode) {
        return mode == null ? Optional.empty() : Optional.ofNullable(byKey.get(normalise(mode)));
    }

    /**
     * The provider for a mode name, as {@link #find}.
     *
     * @throws UnknownStrategyException if there is none; the message names the closest known id, or the refusal if
     *     a provider with that id was refused
     */
    public RegisteredProvider require(String mode) {
        return find(mode).orElseThrow(() -> new UnknownStrategyException(unknownMessage(mode)));
    }

    private String unknownMessage(String mode) {
        String key = normalise(String.valueOf(mode));
        PluginRefusal refused = refusedByKey.get(key);
        if (refused != null) {
            return "Strategy '" + mode + "' is not available: " + refused.message();
        }
        String known =
                byKey.values().stream().map(RegisteredProvider::id).sorted().collect(Collectors.joining(", "));
        Optional<String> closest =
                Names.closest(key, byKey.keySet(), k -> byKey.get(k).id());
        return "Unknown strategy '" + mode + "'"
                + closest.map(c -> ": did you mean '" + c + "'?").orElse("")
                + " Known strategies: " + (known.isEmpty() ? "none" : known);
    }

    /** The form in which ids and mode names are compared: lower case, without '-' and '_'. */
    public static String normalise(String id) {
        return id.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    @Override
    public void close() {
        for (URLClassLoader loader : pluginLoaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.warn("Could not close the class loader of plugin {}: {}", loader.getURLs()[0], e.toString());
            }
        }
    }

    /** Collects providers; not thread-safe. */
    public static final class Builder {
        private final List<StrategyProvider<?>> explicit = new ArrayList<>();
        private final List<ClassLoader> classPaths = new ArrayList<>();
        private final List<Path> pluginDirs = new ArrayList<>();
        private Set<Capability> capabilities = Capability.KNOWN;

        private Builder() {}

        /** Adds a provider; explicit providers are taken before discovered ones. */
        public Builder register(StrategyProvider<?> provider) {
            explicit.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Discovers providers on the class path of this class's class loader. */
        public Builder discoverClassPath() {
            return discoverClassPath(StrategyRegistry.class.getClassLoader());
        }

        /** Discovers providers visible to {@code loader}. */
        public Builder discoverClassPath(ClassLoader loader) {
            classPaths.add(Objects.requireNonNull(loader, "loader"));
            return this;
        }

        /**
         * Discovers providers in each {@code *.jar} file directly inside {@code dir}, in file-name order, each jar in
         * its own class loader whose parent is this class's loader.
         *
         * @throws IllegalArgumentException when the registry is built, if {@code dir} is not a directory
         */
        public Builder discoverPluginsDir(Path dir) {
            pluginDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** The capabilities the host supplies; by default {@link Capability#KNOWN}. */
        public Builder capabilities(Collection<Capability> supplied) {
            this.capabilities = Set.copyOf(supplied);
            return this;
        }

        /** Loads and checks every provider; never throws for a bad provider, only records a refusal. */
        public StrategyRegistry build() {
            ProviderAdmission admission = new ProviderAdmission(capabilities);
            for (StrategyProvider<?> provider : explicit) {
                admission.offer(provider, ProviderAdmission.EXPLICIT);
            }
            PluginDiscovery discovery = new PluginDiscovery(admission);
            classPaths.forEach(discovery::discoverClassPath);
            pluginDirs.forEach(discovery::discoverPluginsDir);
            return new StrategyRegistry(
                    Collections.unmodifiableMap(admission.accepted()),
                    Map.copyOf(admission.refusedByKey()),
                    List.copyOf(admission.refusals()),
                    capabilities,
                    discovery.pluginLoaders());
        }
    }
}
