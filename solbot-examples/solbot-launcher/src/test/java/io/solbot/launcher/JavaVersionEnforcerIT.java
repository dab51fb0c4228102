package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The build's own check for a JDK 21+: Maven started directly (not through ./mvnw, which would find a newer JDK) on a
 * JDK older than 21 stops at the enforcer with the message that says what to install. Skipped on a machine without
 * such a JDK under /usr/lib/jvm.
 */
@DisabledOnOs(OS.WINDOWS)
class JavaVersionEnforcerIT {
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    @Test
    void shouldStopTheBuildOnAJdkOlderThan21WithAMessageSayingWhatToInstall() throws Exception {
        Optional<Path> oldJdk = oldJdk();
        assumeTrue(oldJdk.isPresent(), "no JDK older than 21 under /usr/lib/jvm");
        Path jdk = oldJdk.get().toRealPath(); // java.home, which the message names, is the real path
        Path mvn = Path.of(System.getProperty("solbot.test.mavenHome"), "bin", "mvn");
        Path root = projectRoot();

        ProcessBuilder builder = new ProcessBuilder(List.of(
                        mvn.toString(),
                        "-o",
                        "-N",
                        "-q",
                        "validate",
                        "-f",
                        root.resolve("pom.xml").toString()))
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(out).isNotZero();
        assertThat(out)
                .contains("solbot needs a JDK 21 or newer to build (found ")
                .contains(" at " + jdk + ")")
                .contains("./mvnw looks for one under /usr/lib/jvm")
                .contains("export JAVA_HOME=");
    }

    private static Optional<Path> oldJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.sorted()
                    .filter(d -> Files.isExecutable(d.resolve("bin/java")) && major(d) > 0 && major(d) < 21)
                    .findFirst();
        }
    }

    private static int major(Path jdk) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
}
