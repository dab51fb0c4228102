package io.solbot.launcher;

import io.solbot.core.plugin.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --plugins-dir} option every launcher command shares, and the strategy registry it leads to: the class
 * path first, then each jar in the plugins directory ({@code ./plugins} when the option is not given and that
 * directory exists).
 */
final class PluginsOption {
    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--plugins-dir",
            paramLabel = "DIR",
            description = "Directory of strategy plugin jars (default: ./plugins if it exists).")
    Path pluginsDir;

    /** The plugins directory to scan, if any. */
    Optional<Path> directory() {
        if (pluginsDir != null) {
            return Optional.of(pluginsDir);
        }
        Path fallback = Path.of("plugins");
        return Files.isDirectory(fallback) ? Optional.of(fallback) : Optional.empty();
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
                        "The plugins directory " + dir.get().toAbsolutePath()
                                + " does not exist or is not a directory");
            }
            builder.discoverPluginsDir(dir.get());
        }
        return builder.build();
    }
}
