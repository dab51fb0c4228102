package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK search of {@code ./mvnw}, run with {@code SOLBOT_MVNW_PRINT_JDK=1} (print the chosen JAVA_HOME, start no
 * Maven) and a temporary HOME holding fake JDKs. mvnw also scans the machine's own JDK directories
 * ({@code /usr/lib/jvm}, ...), so the fake JDKs that must win are of versions no real JDK has (90 and up).
 */
@DisabledOnOs(OS.WINDOWS)
class MvnwTest {
    @TempDir
    Path home;

    @Test
    void shouldPickTheNewestJdkWhenJavaHomeIsUnset() throws Exception {
        Path newest = jdk(home.resolve(".jdks/jdk-99"), "99");
        jdk(home.resolve(".jdks/jdk-98"), "98.0.1");
        jdk(home.resolve(".sdkman/candidates/java/97.0.2-tem"), "97.0.2");

        assertThat(chosenJavaHome(null)).isEqualTo(newest.toString());
    }

    @Test
    void shouldReplaceAJavaHomeOlderThan21() throws Exception {
        Path newest = jdk(home.resolve(".jdks/jdk-99"), "99");
        Path old = jdk(home.resolve("old/jdk-17"), "17.0.12");

        assertThat(chosenJavaHome(old)).isEqualTo(newest.toString());
    }

    @Test
    void shouldKeepAJavaHomeOf21OrNewerEvenWhenANewerJdkIsInstalled() throws Exception {
        jdk(home.resolve(".jdks/jdk-99"), "99");
        Path given = jdk(home.resolve("mine/jdk-21"), "21.0.5");

        assertThat(chosenJavaHome(given)).isEqualTo(given.toString());
    }

    @Test
    void shouldAskJavaForItsVersionWhenAJdkHasNoReleaseFile() throws Exception {
        Path noRelease = jdk(home.resolve(".jdks/jdk-98"), null);
        Path java8 = home.resolve("old/jdk8");
        jdk(java8, null);
        // the pre-9 form "1.8.0_392" is version 8, not 1
        Files.writeString(java8.resolve("bin/java"), "#!/bin/sh\necho 'openjdk version \"1.8.0_392\"' >&2\n");

        assertThat(chosenJavaHome(java8)).isEqualTo(noRelease.toString());
    }

    @Test
    void shouldSkipAJreWithoutJavac() throws Exception {
        Path jre = jdk(home.resolve(".jdks/jre-99"), "99");
        Files.delete(jre.resolve("bin/javac"));
        Path jdk = jdk(home.resolve(".jdks/jdk-90"), "90");

        assertThat(chosenJavaHome(null)).isEqualTo(jdk.toString());
    }

    /**
     * A fake JDK: {@code bin/java} and {@code bin/javac} that print {@code version}, and a {@code release} file with
     * it, or none if {@code version} is null (then java prints 98.0.1).
     */
    private static Path jdk(Path dir, String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String printed = version == null ? "98.0.1" : version;
        for (String tool : new String[] {"java", "javac"}) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho 'openjdk version \"" + printed + "\" 2030-01-01' >&2\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (version != null) {
            Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return dir;
    }

    /** What mvnw sets JAVA_HOME to, from an environment of only PATH, HOME and {@code javaHome} if not null. */
    private String chosenJavaHome(Path javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", mvnw().toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("SOLBOT_MVNW_PRINT_JDK", "1");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.strip();
    }

    /** The project's mvnw: in the first directory up from this module that has one. */
    private static Path mvnw() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("mvnw");
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
}
