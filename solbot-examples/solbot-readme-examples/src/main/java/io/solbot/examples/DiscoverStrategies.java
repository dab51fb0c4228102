package io.solbot.examples;

import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lists the strategies found on the class path and in the plugin jars of ./plugins. */
public class DiscoverStrategies {
    public static void main(String[] args) throws IOException {
        Path plugins = Files.createDirectories(Path.of("plugins")); // plugin jars go here
        try (StrategyRegistry strategies = StrategyRegistry.builder()
                .discoverClassPath() // META-INF/services on the class path: solbot-strategies' built-in ones
                .discoverPluginsDir(plugins) // then every jar in ./plugins, each in a class loader of its own
                .build()) {
            strategies.refusals().forEach(r -> System.out.println("refused: " + r.message())); // which jar, and why
            for (RegisteredProvider p : strategies.providers()) {
                System.out.println(p.id() + " " + p.provider().version() + " from " + p.source());
            }
            RegisteredProvider chad = strategies.require("chadMode"); // ids match ignoring case, '-' and '_'
            System.out.println(
                    "chadMode is " + chad.id() + ": " + chad.provider().description());
        }
    }
}
