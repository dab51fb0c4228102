package io.solbot.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.testing.FaultyDisk;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private final AtomicFile files = new AtomicFile(FileChannel::open);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Stream<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(f -> f.getFileName().toString()).toList().stream();
        }
    }

    @Test
    void shouldReplaceTheContentAndLeaveNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("bot-1.json");
        files.write(target, utf8("{\"v\":1}"));
        files.write(target, utf8("{\"v\":2}"));

        assertThat(Files.readString(target)).isEqualTo("{\"v\":2}");
        assertThat(names()).containsExactly("bot-1.json");
    }

    @Test
    void shouldRemoveTheTemporaryFilesThatCrashedWritesLeftButNotThoseOfAnotherTarget() throws IOException {
        Path target = dir.resolve("bot-2.json");
        Files.writeString(dir.resolve(".bot-2.json.4711.tmp"), "half a reco");
        Files.writeString(dir.resolve(".bot-2.json.tmp"), "an earlier version's");
        // bot "bot-2.json" has the lockfile bot-2.json.json: its temporary files start like bot-2's
        Files.writeString(dir.resolve(".bot-2.json.json.4712.tmp"), "another bot's");
        files.write(target, utf8("whole"));

        AtomicFile.removeTemporaryFiles(target);

        assertThat(Files.readString(target)).isEqualTo("whole");
        assertThat(names()).containsExactlyInAnyOrder("bot-2.json", ".bot-2.json.json.4712.tmp");
    }

    @Test
    void shouldGiveEachWriteATemporaryFileOfItsOwn() throws Exception {
        Path target = dir.resolve("bot-4.json");
        // two writers at once (two processes on one directory): each renames a whole file of its own
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            String content = String.valueOf(w).repeat(100_000);
            writers[w] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20; i++) {
                    try {
                        new AtomicFile(FileChannel::open).write(target, utf8(content));
                    } catch (IOException e) {
                        failures.add(e);
                    }
                }
            });
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(failures).isEmpty();
        String content = Files.readString(target);
        assertThat(content).hasSize(100_000).matches("(.)\\1*");
        assertThat(names()).containsExactly("bot-4.json");
    }

    @Test
    void shouldRemoveTheTemporaryFileOfAWriteThatFailsAndKeepTheOldContent() throws IOException {
        Path target = dir.resolve("bot-5.json");
        FaultyDisk disk = new FaultyDisk();
        AtomicFile faulty = new AtomicFile(disk::open);
        faulty.write(target, utf8("old"));

        disk.fillAfter(10);
        assertThatThrownBy(() -> faulty.write(target, utf8("a new content longer than ten bytes")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        disk.heal().failForce();
        assertThatThrownBy(() -> faulty.write(target, utf8("new"))).isInstanceOf(IOException.class);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("bot-5.json");
    }

    @Test
    void shouldRemoveTheTemporaryFileOfAWriteWhoseRenameFails() throws IOException {
        // a directory in the target's place: the rename cannot replace it
        Path target = Files.createDirectories(dir.resolve("bot-6.json").resolve("inside"))
                .getParent();

        assertThatThrownBy(() -> files.write(target, utf8("new"))).isInstanceOf(IOException.class);

        assertThat(names()).containsExactly("bot-6.json");
    }

    @Test
    void shouldDeleteAndReportWhetherThereWasAFile() throws IOException {
        Path target = dir.resolve("bot-3.json");
        files.write(target, new byte[] {1});
        assertThat(AtomicFile.delete(target)).isTrue();
        assertThat(AtomicFile.delete(target)).isFalse();
        assertThat(target).doesNotExist();
    }
}
