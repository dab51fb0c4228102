package io.solbot.launcher;

import io.solbot.core.config.TextTable;
import io.solbot.core.plugin.PluginRefusal;
import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StrategyProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Lists the strategy providers found on the class path and in the plugins directory, and the refused ones. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = "Lists the strategies this launcher can run: built in, on the class path, or in plugin jars.")
final class PluginsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StrategyRegistry registry = plugins.registry()) {
            out.println("Strategies (SPI version " + StrategyProvider.SPI_VERSION + "; plugins directory: "
                    + plugins.directoryText() + ")");
            out.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "VERSION", "CAPABILITIES", "JAR", "DESCRIPTION"});
            for (RegisteredProvider p : registry.providers()) {
                StrategyProvider<?> provider = p.provider();
                rows.add(new String[] {
                    provider.id(),
                    provider.version(),
                    provider.capabilities().stream()
                            .map(Capability::name)
                            .sorted()
                            .collect(Collectors.joining(",")),
                    shortSource(p.source()),
                    provider.description()
                });
            }
            if (rows.size() == 1) {
                out.println("No strategies found.");
            } else {
                TextTable.lines(rows).forEach(out::println);
            }
            if (!registry.refusals().isEmpty()) {
                out.println();
                out.println("Refused (" + registry.refusals().size() + "):");
                for (PluginRefusal refusal : registry.refusals()) {
                    out.println("  " + refusal.message());
                }
            }
            out.flush();
        }
        return 0;
    }

    private static String shortSource(String source) {
        Path path;
        try {
            path = Path.of(source);
        } catch (RuntimeException e) {
            return source;
        }
        return Files.isRegularFile(path) ? path.getFileName().toString() : source;
    }
}
