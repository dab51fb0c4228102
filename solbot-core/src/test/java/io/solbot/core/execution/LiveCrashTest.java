package io.solbot.core.execution;

import static io.solbot.core.execution.LiveFixture.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.testing.FakeSolanaRpc;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process running a live order dies (as by SIGKILL: {@code Runtime.halt} at a crash point, no shutdown hooks) between
 * journalling or sending its transaction and learning its outcome; a new executor on the same journal resolves the
 * order from the chain exactly once and never sends or signs anything for it.
 */
class LiveCrashTest {
    @TempDir
    Path dir;

    private final LiveFixture chain = new LiveFixture();

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void shouldResolveAnOrderKilledBetweenSendAndConfirmationToItsLandedFillOnce() throws Exception {
        Path journal = dir.resolve("live.jsonl");

        assertThat(runChildUntilItDies("after-live-send", journal, "k-1")).isEqualTo(CrashPoints.HALT_STATUS);
        assertThat(chain.node.landed()).hasSize(1);
        TxSignature sent = TxSignature.of(chain.node.landed().getFirst());

        try (LiveExecutor restarted = chain.executor(journal).build()) {
            SwapOutcome resolved = restarted.resolve(buy("k-1", 1_000_000_000L)).orElseThrow();
            Fill fill = ((SwapOutcome.Filled) resolved).fills().getFirst();
            assertThat(fill.signature()).isEqualTo(sent);
            assertThat(restarted.resolve(buy("k-1", 1_000_000_000L))).contains(resolved);
            assertThat(restarted.execute(buy("k-1", 1_000_000_000L))).isEqualTo(resolved);
        }
        try (LiveExecutor again = chain.executor(journal).build()) {
            assertThat(again.resolve(buy("k-1", 1_000_000_000L)).orElseThrow()).isInstanceOf(SwapOutcome.Filled.class);
        }
        assertThat(chain.node.receipts(sent)).isEqualTo(1);
        assertThat(chain.node.received()).containsExactly(sent.value());
        assertThat(chain.jupiter.transactionsBuilt()).isEqualTo(1);
    }

    @Test
    void shouldResolveATransactionLostInFlightAsFailedOnlyOnceItsBlockhashHasExpired() throws Exception {
        chain.node.fates(FakeSolanaRpc.Fate.DROP);
        Path journal = dir.resolve("live.jsonl");

        assertThat(runChildUntilItDies("after-live-send", journal, "k-2")).isEqualTo(CrashPoints.HALT_STATUS);

        try (LiveExecutor restarted = chain.executor(journal).build()) {
            assertThat(restarted.resolve(buy("k-2", 1_000_000_000L))).isEmpty();
            chain.node.advance(FakeSolanaRpc.VALIDITY + 1);
            OrderFailure failure = ((SwapOutcome.Failed)
                            restarted.resolve(buy("k-2", 1_000_000_000L)).orElseThrow())
                    .failure();
            assertThat(failure.stage()).isEqualTo("land");
            assertThat(failure.reason()).isEqualTo("expired without landing (1 attempt(s))");
        }
        assertThat(chain.node.received()).hasSize(1);
        assertThat(chain.node.receipts(TxSignature.of(chain.node.received().getFirst())))
                .isEqualTo(1);
        assertThat(chain.node.landed()).isEmpty();
    }

    @Test
    void shouldNeverSendAnOrderJournalledButNotSentBeforeTheCrash() throws Exception {
        Path journal = dir.resolve("live.jsonl");

        assertThat(runChildUntilItDies("after-live-intent", journal, "k-3")).isEqualTo(CrashPoints.HALT_STATUS);

        try (LiveExecutor restarted = chain.executor(journal).build()) {
            assertThat(restarted.resolve(buy("k-3", 1_000_000_000L))).isEmpty();
            chain.node.advance(FakeSolanaRpc.VALIDITY + 1);
            assertThat(restarted.resolve(buy("k-3", 1_000_000_000L)).orElseThrow())
                    .isInstanceOf(SwapOutcome.Failed.class);
        }
        assertThat(chain.node.received()).isEmpty();
    }

    private int runChildUntilItDies(String crashPoint, Path journal, String orderId) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-D" + CrashPoints.PROPERTY + "=" + crashPoint);
        command.add("-Xshare:off");
        command.add("-cp");
        command.add(classPath());
        command.add(LiveCrashChild.class.getName());
        command.add(chain.jupiter.uri().toString());
        command.add(chain.node.uri().toString());
        command.add(journal.toString());
        command.add(orderId);
        Path output = dir.resolve("child-" + orderId + ".log");
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not end within 60 s: " + Files.readString(output));
        }
        String log = Files.readString(output);
        assertThat(log).as("the child's output").contains("crash point " + crashPoint);
        return child.exitValue();
    }

    /** This JVM's class and module paths, and the module's classes and test classes (patched into it by surefire). */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            Optional.ofNullable(System.getProperty(property))
                    .ifPresent(p -> entries.addAll(List.of(p.split(File.pathSeparator))));
        }
        entries.removeIf(String::isBlank);
        return String.join(File.pathSeparator, entries);
    }
}
