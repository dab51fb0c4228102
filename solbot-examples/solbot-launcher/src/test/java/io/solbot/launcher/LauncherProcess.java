package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One launcher JVM, as an operator starts it: {@code java -cp ... Main run ...} with this test's class path, its
 * standard output and error read into one list of lines. The tests that kill, halt or race launchers use it.
 */
final class LauncherProcess {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    /** When each line was read, in the order of {@link #lines}: no earlier than the launcher wrote it. */
    private final List<Instant> readAt = new ArrayList<>();

    private final Thread reader;

    private LauncherProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        readAt.add(Instant.now());
                    }
                }
            } catch (IOException ignored) {
                // the launcher is gone
            }
        });
    }

    /**
     * Starts {@code Main} with {@code jvmOptions} (such as {@code -Dsolbot.crash=after-append:3}) and the command
     * line {@code args}.
     */
    static LauncherProcess start(List<String> jvmOptions, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        // these launchers run two at a time and beside other tests: none serves the operator API on its port
        command.add("--no-api");
        return new LauncherProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts {@code command} (such as the distribution's {@code bin/solbot run ...}) in {@code directory}. */
    static LauncherProcess exec(List<String> command, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("JAVA_OPTS");
        return exec(builder);
    }

    /** Starts what {@code builder} describes, its error output merged into its output. */
    static LauncherProcess exec(ProcessBuilder builder) throws IOException {
        return new LauncherProcess(builder.redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until a line contains {@code text}; fails with the output so far if none does in time, or once it has
     * exited and its output has ended.
     */
    void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (hasLine(text)) {
                return;
            }
            // a process that exited may have left one behind that still writes to its output (Maven's launcher):
            // give up only once the output has ended too
            if (!process.isAlive() && !reader.isAlive()) {
                if (hasLine(text)) {
                    return;
                }
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line with '" + text + "' within " + timeout + " (the launcher "
                + (process.isAlive() ? "still runs" : "exited with " + process.exitValue()) + "):\n" + output());
    }

    boolean hasLine(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    /** The lines that contain {@code text} and were read at or after {@code since}, with when each was read. */
    Map<String, Instant> linesSince(String text, Instant since) {
        Map<String, Instant> out = new LinkedHashMap<>();
        synchronized (lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text) && !readAt.get(i).isBefore(since)) {
                    out.putIfAbsent(lines.get(i), readAt.get(i));
                }
            }
        }
        return out;
    }

    /** Everything it printed so far, one line each. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for it to exit by itself (a crash point halted it, or it refused to start); its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String out = output();
            kill();
            throw new AssertionError("the launcher did not exit within " + timeout + ":\n" + out);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to do anything. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGSTOP: the process halts where it is, as a long GC pause or a suspended VM would halt it. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a process halted by {@link #pause} goes on from where it was. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor())
                .as("kill -%s %d: %s", name, process.pid(), said)
                .isZero();
    }

    /** SIGTERM, as Ctrl-C: a graceful stop, which must finish. */
    void terminate() throws InterruptedException {
        process.toHandle().destroy();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (exited) {
            reader.join(5_000);
        }
        assertThat(exited).as(output()).isTrue();
        assertThat(output()).contains("Stopped");
    }
}
