package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.testing.PluginJars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PluginsCommandTest {
    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    @Test
    void shouldListTheExamplePluginFromThePluginsDirectoryWithItsJar() throws IOException {
        Path pluginsDir = Path.of(System.getProperty("solbot.test.pluginsDir"));
        String jar;
        try (Stream<Path> files = Files.list(pluginsDir)) {
            jar = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("solbot-example-plugin"))
                    .findFirst()
                    .orElseThrow();
        }

        Result result = run("plugins", "--plugins-dir", pluginsDir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^ID +VERSION +CAPABILITIES +JAR +DESCRIPTION$")
                .containsPattern("(?m)^ma-cross +0\\.1\\.0-SNAPSHOT +prices +" + jar.replace(".", "\\.")
                        + " +Buys when the price crosses above its moving average")
                .doesNotContain("Refused");
    }

    @Test
    void shouldListRefusedPluginsWithTheirReasons() throws IOException {
        String sniperReads = "pools,price-history,prices,sol-usd,token-info,trending";
        Files.copy(
                PluginJars.builder()
                        .source("acme.Old", PluginJars.providerSource("acme.Old", "old-one", 0))
                        .service("acme.Old")
                        .writeTo(tmp.resolve("build"), "acme-old.jar"),
                Files.createDirectories(tmp.resolve("plugins")).resolve("acme-old.jar"));

        Result result = run("plugins", "--plugins-dir", tmp.resolve("plugins").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                // the built-in strategies come from solbot-strategies' jar, or its classes directory (which has no
                // version in a manifest) under ./mvnw test
                .containsPattern("(?m)^sniper +(0\\.1\\.0-SNAPSHOT +" + sniperReads
                        + " +solbot-strategies-0\\.1\\.0-SNAPSHOT\\.jar" + "|dev +" + sniperReads
                        + " +\\S*solbot-strategies[/\\\\]target[/\\\\]classes) +Buys new")
                .contains("Refused (1):")
                .contains("acme-old.jar was refused: id 'old-one' was built for SPI version 0");
    }

    @Test
    void shouldFailWithAClearMessageWhenThePluginsDirectoryIsMissing() {
        Result result = run("plugins", "--plugins-dir", tmp.resolve("absent").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--plugins-dir: the plugins directory "
                        + tmp.resolve("absent").toAbsolutePath() + " does not exist or is not a directory");
    }

    @Test
    void shouldFindTheExamplePluginWithoutPluginsDirInTheDirectoryTheSystemPropertyNames() {
        Path pluginsDir = Path.of(System.getProperty("solbot.test.pluginsDir"));

        Result result = withDefaultPluginsDir(pluginsDir.toString(), () -> run("plugins"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("plugins directory: " + pluginsDir.toAbsolutePath().normalize() + ")")
                .containsPattern("(?m)^ma-cross +0\\.1\\.0-SNAPSHOT +prices +solbot-example-plugin-");
    }

    @Test
    void shouldSkipAMissingDefaultPluginsDirectoryWithoutAnError() {
        Result result = withDefaultPluginsDir(tmp.resolve("absent").toString(), () -> run("plugins"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("plugins directory: none)")
                .containsPattern("(?m)^sniper +")
                .doesNotContain("ma-cross");
    }

    @Test
    void shouldFailForAMissingPluginsDirGivenToValidate() {
        Result result = run(
                "validate", "bots.yaml", "--plugins-dir", tmp.resolve("absent").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("--plugins-dir: the plugins directory ")
                .contains("absent does not exist");
    }

    private static Result withDefaultPluginsDir(String dir, Supplier<Result> command) {
        String before = System.setProperty(PluginsOption.DEFAULT_DIR_PROPERTY, dir);
        try {
            return command.get();
        } finally {
            if (before == null) {
                System.clearProperty(PluginsOption.DEFAULT_DIR_PROPERTY);
            } else {
                System.setProperty(PluginsOption.DEFAULT_DIR_PROPERTY, before);
            }
        }
    }
}
