package io.solbot.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README's examples: each is a fenced block right after a marker line {@code <!-- example: NAME -->}, where NAME is
 * a class of this module ({@code HoldProvider}) or a resource path ({@code META-INF/services/...}), and the block is
 * that file whole, so that a new user can copy it and compile it.
 */
final class ReadmeExamples {
    /** Every example the README must show, in the README's order. */
    static final List<String> NAMES = List.of(
            "DiscoverStrategies",
            "PlanBotsFile",
            "RunBotsFile",
            "KeepTradesInPostgres",
            "HoldConfig",
            "HoldProvider",
            "META-INF/services/io.solbot.core.spi.StrategyProvider",
            "HoldProviderTest",
            "TradeOnASimulatedMarket",
            "BacktestBotsFile",
            "CheckTokenSafety");

    private static final Pattern MARKER = Pattern.compile("^<!-- example: (\\S+) -->$");

    private ReadmeExamples() {}

    /** The README this build checks: the file the build names, else the repository's. */
    static Path readme() {
        return Path.of(System.getProperty("solbot.readme", "../../README.md"));
    }

    /**
     * Each marked block of {@code readme}, by name, in the README's order.
     *
     * @throws IllegalStateException naming the line of a marker without a fenced block after it, or a name marked twice
     */
    static Map<String, String> blocks(Path readme) {
        List<String> lines = read(readme).lines().toList();
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && lines.get(open).isBlank()) {
                open++;
            }
            if (open == lines.size() || !lines.get(open).startsWith("```")) {
                throw new IllegalStateException(
                        readme + ", line " + (i + 1) + ": no fenced block after the marker " + lines.get(i));
            }
            List<String> block = new ArrayList<>();
            int line = open + 1;
            while (line < lines.size() && !lines.get(line).startsWith("```")) {
                block.add(lines.get(line++));
            }
            if (blocks.put(marker.group(1), String.join("\n", block)) != null) {
                throw new IllegalStateException(
                        readme + ", line " + (i + 1) + ": " + marker.group(1) + " is marked twice");
            }
            i = line;
        }
        return blocks;
    }

    /** The file of this module that the example {@code name} shows. */
    static Path file(Path module, String name) {
        if (name.contains("/")) {
            return module.resolve("src/main/resources").resolve(name);
        }
        try (Stream<Path> files = Stream.concat(
                Files.walk(module.resolve("src/main/java")), Files.walk(module.resolve("src/test/java")))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(name + ".java"))
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("the example " + name + " is " + found.size() + " files: " + found);
            }
            return found.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as a reader compares it: no trailing spaces, no blank lines around it, '\n' between lines. */
    static String normalised(String text) {
        return text.lines()
                .map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
