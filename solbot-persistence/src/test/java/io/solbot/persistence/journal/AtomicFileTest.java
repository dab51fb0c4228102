package io.solbot.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplaceTheContentAndLeaveNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("bot-1.json");
        AtomicFile.write(target, "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "{\"v\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("{\"v\":2}");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void shouldOverwriteALeftoverTemporaryFileFromACrashedWrite() throws IOException {
        Path target = dir.resolve("bot-2.json");
        Files.writeString(dir.resolve(".bot-2.json.tmp"), "half a reco");
        AtomicFile.write(target, "whole".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("whole");
        assertThat(dir.resolve(".bot-2.json.tmp")).doesNotExist();
    }

    @Test
    void shouldDeleteAndReportWhetherThereWasAFile() throws IOException {
        Path target = dir.resolve("bot-3.json");
        AtomicFile.write(target, new byte[] {1});
        assertThat(AtomicFile.delete(target)).isTrue();
        assertThat(AtomicFile.delete(target)).isFalse();
        assertThat(target).doesNotExist();
    }
}
