package io.solbot.core.plugin;

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
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds strategy providers through {@link ServiceLoader}, on a class path or in the jars of a plugins directory (each
 * jar in its own class loader, whose parent is solbot's), and offers each provider class once to the {@link
 * ProviderAdmission}, with the jar or class directory it came from. Each provider is loaded on its own: a service entry
 * that cannot be loaded ({@link ServiceConfigurationError}) becomes a refusal naming where it was found, and the next
 * one still loads.
 *
 * <p>One instance per registry build; not thread-safe. The plugin class loaders it opened are the registry's to close.
 */
final class PluginDiscovery {
    /** Bounds the refusals of one broken source (a jar whose every entry fails) and the time spent on it. */
    private static final int MAX_LOAD_ERRORS_PER_SOURCE = 100;

    private final ProviderAdmission admission;
    private final Set<Class<?>> seen = new HashSet<>();
    private final Set<String> loadErrors = new HashSet<>();
    private final List<URLClassLoader> pluginLoaders = new ArrayList<>();

    PluginDiscovery(ProviderAdmission admission) {
        this.admission = admission;
    }

    /** Offers the providers visible to {@code loader}. */
    void discoverClassPath(ClassLoader loader) {
        discover(loader, null);
    }

    /**
     * Offers the providers of each {@code *.jar} file directly inside {@code dir}, in file-name order, each jar in its
     * own class loader.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     */
    void discoverPluginsDir(Path dir) {
        for (Path jar : jarsIn(dir)) {
            URLClassLoader loader = new URLClassLoader(
                    "solbot-plugin:" + jar.getFileName(),
                    new URL[] {toUrl(jar)},
                    StrategyRegistry.class.getClassLoader());
            pluginLoaders.add(loader);
            discover(loader, jar);
        }
    }

    /** The class loaders opened for plugin jars, in the order they were opened. */
    List<URLClassLoader> pluginLoaders() {
        return List.copyOf(pluginLoaders);
    }

    /** Offers the providers visible to {@code loader}; with a {@code jar}, only those defined by that jar. */
    @SuppressWarnings("rawtypes")
    private void discover(ClassLoader loader, Path jar) {
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
                    admission.refuse(
                            new PluginRefusal(where, "(service entry)", "could not be loaded: " + e.getMessage()));
                }
                if (++errors >= MAX_LOAD_ERRORS_PER_SOURCE) {
                    break;
                }
                continue;
            }
            if (jar != null && provider.getClass().getClassLoader() != loader) {
                // found through the parent: the class path, handled on its own. If the jar has the class too, its
                // copy never loads (a plugin's loader asks the class path first): say so, or the jar's version
                // silently loses to whatever version the class path has
                if (jarDefines((URLClassLoader) loader, provider.getClass())) {
                    admission.refuse(new PluginRefusal(
                            where,
                            provider.getClass().getName(),
                            "the class path has the same class, which is found first, so this jar's copy is never"
                                    + " used (the strategy runs from " + sourceOf(provider.getClass(), "the class path")
                                    + "); remove the jar from the plugins directory or the class from the class path"));
                }
                continue;
            }
            if (seen.add(provider.getClass())) {
                admission.offer(provider, sourceOf(provider.getClass(), where));
            }
        }
    }

    /** Whether the jar of {@code loader} itself holds the class file of {@code type}. */
    private static boolean jarDefines(URLClassLoader loader, Class<?> type) {
        return loader.findResource(type.getName().replace('.', '/') + ".class") != null;
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

    /** The jar or class directory {@code type} was loaded from; {@code fallback} if it does not say. */
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
