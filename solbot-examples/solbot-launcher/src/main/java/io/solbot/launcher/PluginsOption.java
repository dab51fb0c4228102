package io.solbot.launcher;

import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --plugins-dir} option every launcher command shares, and the strategy registry it leads to: the class
 * path first, then each jar in the plugins directory.
 *
 * <p>Without the option the plugins directory is the one the system property {@value #DEFAULT_DIR_PROPERTY} names
 * ({@code ./mvnw -Prun} sets it to the launcher's {@code target/plugins}, where the build copies the example plugin),
 * else {@code ./plugins}; a default directory that does not exist is skipped, while a missing directory given with
 * {@code --plugins-dir} is an error.
 */
final class PluginsOption {
    /** The system property naming the plugins directory used when {@code --plugins-dir} is not given. */
    static final String DEFAULT_DIR_PROPERTY = "solbot.pluginsDir";

    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--plugins-dir",
            paramLabel = "DIR",
            description = "Directory of strategy plugin jars (default: the directory the system property "
                    + DEFAULT_DIR_PROPERTY + " names, which ./mvnw -Prun sets to the launcher's target/plugins,"
                    + " else ./plugins; skipped if it does not exist).")
    Path pluginsDir;

    /** The plugins directory to scan, if any: the given one, else the default one if it exists. */
    Optional<Path> directory() {
        if (pluginsDir != null) {
            return Optional.of(pluginsDir);
        }
        String property = System.getProperty(DEFAULT_DIR_PROPERTY, "");
        Path fallback = Path.of(property.isBlank() ? "plugins" : property);
        return Files.isDirectory(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The plugins directory for people: its absolute path, or {@code "none"}. */
    String directoryText() {
        return directory().map(d -> d.toAbsolutePath().normalize().toString()).orElse("none");
    }

    /**
     * The registry of the class path and the plugins directory.
     *
     * @throws ParameterException (exit code 2, with the message) if {@code --plugins-dir} is not a directory
     */
    StrategyRegistry registry() {
        StrategyRegistry.Builder builder = StrategyRegistry.builder().discoverClassPath();
        Optional<Path> dir = directory();
        if (dir.isPresent()) {
            if (!Files.isDirectory(dir.get())) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--plugins-dir: the plugins directory " + dir.get().toAbsolutePath()
                                + " does not exist or is not a directory");
            }
            builder.discoverPluginsDir(dir.get());
        }
        return builder.build();
    }

    /** Where a provider came from, short: the file name of its plugin jar, or {@code "class path"}. */
    String origin(RegisteredProvider provider) {
        Optional<Path> dir = directory();
        Path source = Path.of(provider.source()).toAbsolutePath().normalize();
        if (dir.isPresent() && dir.get().toAbsolutePath().normalize().equals(source.getParent())) {
            return source.getFileName().toString();
        }
        return "class path";
    }
}
