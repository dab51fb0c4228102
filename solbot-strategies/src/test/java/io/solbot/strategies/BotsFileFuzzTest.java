package io.solbot.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of mutated and random bots files to the loader (seeded, so a failure repeats): each must end in a
 * report, either bots or violations, never another exception; a parse error must carry a line and column.
 */
class BotsFileFuzzTest {
    private static final long SEED = 20261125L;
    private static final int CASES = 4_000;
    private static final String[] TOKENS = {
        "bots:", "- ", "mode: ", "config:", "sniper", "chadMode", "{", "}", "[", "]", ":", ",", "\"", "'", "\n", "  ",
        "0", "-1", "1.5", "1e309", ".nan", "NaN", "true", "null", "~", "&a", "*a", "!!binary", "? ", "|", ">", "#",
        "slippage", "maxTrades", "amountToSpend", "safetyChecks", "\t", "---", "...", "%", "@", "\u0000", "é",
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
        assertThat(Bots.LOADER.parse(seed, "seed.yaml").violations()).isEmpty();
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
