package io.solbot.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.core.config.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of mutated and random bots files to the loader (seeded, so a failure repeats): each must end in a
 * report, either bots or violations, never another exception, and the plan of its valid bots must render.
 *
 * <p>The loader turns any failure of its own (a reader's or a config record's bug) into a violation rather than
 * throwing, so "no exception" alone proves little. Legitimate messages are the predicates of the rules ("must be
 * between 1 and 20", "is not a known field", "is required") and the readers' descriptions of malformed text; a
 * failure inside the machinery is marked "internal error" (core's internal {@code LocatedTree.INTERNAL_ERROR}). So
 * every violation must also be free of that mark, of exception class names and of a JVM's helpful null-pointer text,
 * and must carry a line (and a parse error a column) in the file.
 *
 * <p>{@code -Dfuzz.seed=…} and {@code -Dfuzz.cases=…} run other or more cases (the build runs the fixed seed).
 */
class BotsFileFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 4_000);
    private static final Pattern INTERNAL =
            Pattern.compile("internal error|could not be validated|could not be built|could not be read as"
                    + "|\\b[A-Z]\\w*(Exception|Error)\\b|\\b(java|javax|jakarta|org|com)\\.[a-z]+\\."
                    + "|Cannot invoke|Cannot read|because \"|is null\\b|\\[B@|@[0-9a-f]{6,}\\b");
    private static final String[] TOKENS = {
        "bots:",
        "- ",
        "mode: ",
        "config:",
        "sniper",
        "scalper",
        "breakout",
        "dipBuyer",
        "delayedSniper",
        "trendFollower",
        "chadMode",
        "rotationBot",
        "rebalancer",
        "stealthBot",
        "paperTrader",
        "turboPaperTrader",
        "paperTraderTurbo",
        "turboSniper",
        "scheduleLauncher",
        "dca",
        "limit",
        "grid",
        "tpSl",
        "copyTrade",
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "'",
        "\n",
        "  ",
        "0",
        "-1",
        "1.5",
        "1e309",
        ".nan",
        "NaN",
        "true",
        "null",
        "~",
        "&a",
        "*a",
        "!!binary",
        "? ",
        "|",
        ">",
        "#",
        "slippage",
        "maxTrades",
        "amountToSpend",
        "safetyChecks",
        "wallets",
        "priorityFeeLamports",
        "jitoTipLamports",
        "multiBuyCount",
        "limitConfigs",
        "9223372036854775807",
        "1000000000",
        "\t",
        "---",
        "...",
        "%",
        "@",
        "\u0000",
        "é",
        "9".repeat(120)
    };

    private static String example() throws IOException {
        try (InputStream in = BotsFileFuzzTest.class.getResourceAsStream("/fuzz-seed.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldEndEveryMutatedOrRandomFileInAReportWithLocatedParseErrors() throws IOException {
        Random random = new Random(SEED);
        String seed = example();
        ConfigReport seedReport = Bots.LOADER.parse(seed, "seed.yaml");
        assertThat(seedReport.violations()).isEmpty();
        assertThat(seedReport.bots())
                .extracting(b -> b.strategyId())
                .containsExactlyInAnyOrderElementsOf(Bots.ALL.stream()
                        .map(m -> Bots.REGISTRY.require(m).id())
                        .toList());
        String seedJson = Bots.JSON.writeValueAsString(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(seed));
        int parseErrors = 0;
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < CASES; i++) {
            String text = switch (i % 4) {
                case 0 -> mutate(seed, random);
                case 1 -> mutate(seedJson, random);
                case 2 -> randomTokens(random);
                default -> splice(seed, random);
            };
            ConfigReport report;
            try {
                report = Bots.LOADER.parse(
                        text, i % 4 == 1 ? BotsFileLoader.Format.JSON : BotsFileLoader.Format.YAML, "case-" + i);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw on:\n" + text, e);
            }
            assertThat(report).as("case %d", i).isNotNull();
            List<Violation> v = report.violations();
            for (Violation x : v) {
                // the reason is what the loader wrote; the path and the rejected value echo the input, which may
                // hold anything (a mutated map key such as 'So111@1111...' looks like an object's hash code)
                assertThat(x.reason())
                        .as("case %d: an internal failure, not the input's: %s\n%s", i, x.message(), text)
                        .doesNotContainPattern(INTERNAL);
                assertThat(x.line()).as("case %d: %s", i, x).isPositive();
            }
            try {
                assertThat(Plan.of(report.bots()).render()).as("case %d", i).startsWith("Plan: ");
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " (seed " + SEED + "): the plan threw on:\n" + text, e);
            }
            if (v.size() == 1 && v.getFirst().message().contains("is not valid ")) {
                parseErrors++;
                assertThat(v.getFirst().line())
                        .as("case %d: %s", i, v.getFirst())
                        .isPositive();
                assertThat(v.getFirst().column())
                        .as("case %d: %s", i, v.getFirst())
                        .isPositive();
            } else if (v.isEmpty()) {
                valid++;
            } else {
                invalid++;
                v.forEach(x -> assertThat(x.message()).isNotBlank());
            }
        }
        // the generator must exercise all three outcomes, or the test proves little
        assertThat(parseErrors).isGreaterThan(CASES / 10);
        assertThat(invalid).isGreaterThan(CASES / 10);
        assertThat(valid).isPositive();
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !out.isEmpty(); e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> out.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> {
                    int end = Math.min(out.length(), at + random.nextInt(40));
                    out.delete(at, end);
                }
                default -> {
                    int end = Math.min(out.length(), at + random.nextInt(60));
                    out.insert(random.nextInt(out.length()), out.substring(at, end));
                }
            }
        }
        return out.toString();
    }

    private static String randomTokens(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            out.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return out.toString();
    }

    private static String splice(String seed, Random random) {
        String[] lines = seed.split("\n");
        List<String> out = new ArrayList<>(List.of(lines));
        int swaps = 1 + random.nextInt(3);
        for (int s = 0; s < swaps; s++) {
            int a = random.nextInt(out.size());
            int b = random.nextInt(out.size());
            String line = out.get(a);
            if (random.nextBoolean()) {
                out.set(a, out.get(b));
                out.set(b, line);
            } else {
                // change a value while keeping the line's shape: a likely valid file with a bad value
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    out.set(a, line.substring(0, colon + 2) + TOKENS[random.nextInt(TOKENS.length)]);
                }
            }
        }
        return String.join("\n", out);
    }
}
