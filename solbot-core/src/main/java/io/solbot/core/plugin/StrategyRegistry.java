package io.solbot.core.plugin;

import io.solbot.core.internal.Names;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StrategyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * <p>Immutable once built and safe to share between threads. {@link #close()} closes the plugin class loaders.
 */
public final class StrategyRegistry implements AutoCloseable {
    /** The SPI versions this solbot can run. */
    public static final Set<Integer> SUPPORTED_SPI_VERSIONS = Set.of(StrategyProvider.SPI_VERSION);

    private static final Logger log = LoggerFactory.getLogger(StrategyRegistry.class);
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final String EXPLICIT = "registered explicitly";
    private static final int MAX_LOAD_ERRORS_PER_SOURCE = 100;

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
            explicit.add(java.util.Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Discovers providers on the class path of this class's class loader. */
        public Builder discoverClassPath() {
            return discoverClassPath(StrategyRegistry.class.getClassLoader());
        }

        /** Discovers providers visible to {@code loader}. */
        public Builder discoverClassPath(ClassLoader loader) {
            classPaths.add(java.util.Objects.requireNonNull(loader, "loader"));
            return this;
        }

        /**
         * Discovers providers in each {@code *.jar} file directly inside {@code dir}, in file-name order, each jar in
         * its own class loader whose parent is this class's loader.
         *
         * @throws IllegalArgumentException when the registry is built, if {@code dir} is not a directory
         */
        public Builder discoverPluginsDir(Path dir) {
            pluginDirs.add(java.util.Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** The capabilities the host supplies; by default {@link Capability#KNOWN}. */
        public Builder capabilities(Collection<Capability> supplied) {
            this.capabilities = Set.copyOf(supplied);
            return this;
        }

        /** Loads and checks every provider; never throws for a bad provider, only records a refusal. */
        public StrategyRegistry build() {
            Accumulator acc = new Accumulator(capabilities);
            for (StrategyProvider<?> provider : explicit) {
                acc.offer(provider, EXPLICIT);
            }
            for (ClassLoader loader : classPaths) {
                acc.discover(loader, null);
            }
            List<URLClassLoader> loaders = new ArrayList<>();
            for (Path dir : pluginDirs) {
                for (Path jar : jarsIn(dir)) {
                    URLClassLoader loader = new URLClassLoader(
                            "solbot-plugin:" + jar.getFileName(),
                            new URL[] {toUrl(jar)},
                            StrategyRegistry.class.getClassLoader());
                    loaders.add(loader);
                    acc.discover(loader, jar);
                }
            }
            return new StrategyRegistry(
                    java.util.Collections.unmodifiableMap(acc.accepted),
                    Map.copyOf(acc.refusedByKey),
                    List.copyOf(acc.refusals),
                    capabilities,
                    List.copyOf(loaders));
        }

        private static List<Path> jarsIn(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        "The plugins directory " + dir.toAbsolutePath() + " does not exist or is not a directory");
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the plugins directory " + dir.toAbsolutePath(), e);
            }
        }

        private static URL toUrl(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Cannot load plugin jar " + jar, e);
            }
        }
    }

    /** The state of one build. */
    private static final class Accumulator {
        final Map<String, RegisteredProvider> accepted = new LinkedHashMap<>();
        final List<PluginRefusal> refusals = new ArrayList<>();
        final Map<String, PluginRefusal> refusedByKey = new LinkedHashMap<>();
        final Set<Class<?>> seen = new HashSet<>();
        final Set<String> loadErrors = new HashSet<>();
        final Set<Capability> capabilities;

        Accumulator(Set<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        /** Loads the providers visible to {@code loader}; with a {@code jar}, only those defined by that jar. */
        @SuppressWarnings("rawtypes")
        void discover(ClassLoader loader, Path jar) {
            String where = jar == null ? "the class path" : jar.toString();
            Iterator<StrategyProvider> it =
                    ServiceLoader.load(StrategyProvider.class, loader).iterator();
            int errors = 0;
            while (true) {
                StrategyProvider<?> provider;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    provider = it.next();
                } catch (ServiceConfigurationError e) {
                    // a class-path error is seen again through each plugin loader's parent: report it once
                    if (loadErrors.add(e.getMessage())) {
                        refuse(new PluginRefusal(where, "(service entry)", "could not be loaded: " + e.getMessage()));
                    }
                    if (++errors >= MAX_LOAD_ERRORS_PER_SOURCE) {
                        break;
                    }
                    continue;
                }
                if (jar != null && provider.getClass().getClassLoader() != loader) {
                    continue; // found through the parent: the class path, handled on its own
                }
                if (seen.add(provider.getClass())) {
                    offer(provider, sourceOf(provider.getClass(), where));
                }
            }
        }

        void offer(StrategyProvider<?> provider, String source) {
            String type = provider.getClass().getName();
            String id;
            int spiVersion;
            Class<?> configType;
            Set<Capability> needs;
            try {
                spiVersion = provider.spiVersion();
                id = provider.id();
                if (!SUPPORTED_SPI_VERSIONS.contains(spiVersion)) {
                    refuse(
                            id == null ? "" : normalise(id),
                            new PluginRefusal(
                                    source,
                                    type,
                                    "id '" + id
                                            + "' was built for SPI version " + spiVersion
                                            + ", and this solbot supports SPI version " + versions()
                                            + "; use a build of the plugin for SPI " + versions()
                                            + ", or a solbot that supports "
                                            + spiVersion));
                    return;
                }
                configType = provider.configType();
                needs = provider.capabilities();
            } catch (RuntimeException | LinkageError e) {
                refuse(new PluginRefusal(source, type, "it threw while describing itself: " + e));
                return;
            }
            if (id == null || !ID_FORMAT.matcher(id).matches()) {
                refuse(new PluginRefusal(
                        source,
                        type,
                        "its id '" + id
                                + "' is not valid: use lower case letters, digits and '-', starting with a letter"));
                return;
            }
            String key = normalise(id);
            if (configType == null) {
                refuse(key, new PluginRefusal(source, type, "id '" + id + "': configType() returned null"));
                return;
            }
            Set<Capability> missing = Capability.missing(needs, capabilities);
            if (!missing.isEmpty()) {
                refuse(
                        key,
                        new PluginRefusal(
                                source,
                                type,
                                "id '" + id + "' needs " + Capability.names(missing)
                                        + ", which this engine does not supply (it supplies "
                                        + Capability.names(capabilities)
                                        + ")"));
                return;
            }
            RegisteredProvider taken = accepted.get(key);
            if (taken != null) {
                refuse(new PluginRefusal(
                        source,
                        type,
                        "id '" + id + "' is already taken by "
                                + taken.provider().getClass().getName() + " from " + taken.source()));
                return;
            }
            accepted.put(key, new RegisteredProvider(provider, source));
            log.debug("Strategy provider '{}' ({}) from {} accepted", id, type, source);
        }

        private void refuse(String key, PluginRefusal refusal) {
            refusedByKey.putIfAbsent(key, refusal);
            refuse(refusal);
        }

        private void refuse(PluginRefusal refusal) {
            refusals.add(refusal);
            log.warn(refusal.message());
        }

        private static String versions() {
            return SUPPORTED_SPI_VERSIONS.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        }

        private static String sourceOf(Class<?> type, String fallback) {
            CodeSource code = type.getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return fallback;
            }
            try {
                return Path.of(code.getLocation().toURI()).toString();
            } catch (Exception e) {
                return code.getLocation().toString();
            }
        }
    }
}
