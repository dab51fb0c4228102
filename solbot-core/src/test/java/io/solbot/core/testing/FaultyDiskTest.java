package io.solbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults the tests of crash safety rely on must really happen, or those tests prove nothing. */
class FaultyDiskTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoseWhatWasWrittenSinceTheLastForceWhenThePowerGoes() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("log");
        Files.writeString(log, "before\n");
        FileChannel ch = disk.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        ch.write(bytes("synced\n"));
        ch.force(false);
        ch.write(bytes("not synced\n"));

        assertThat(disk.crash()).isEqualTo("not synced\n".length());

        assertThat(Files.readString(log)).isEqualTo("before\nsynced\n");
        assertThatThrownBy(() -> ch.write(bytes("after\n"))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void shouldFollowAFileThroughARenameAndLoseAllOfANewFileNeverForced() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path forced = dir.resolve("forced.tmp");
        Path unforced = dir.resolve("unforced.tmp");
        try (FileChannel ch = disk.open(forced, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(bytes("{\"whole\":true}"));
            ch.force(true);
        }
        try (FileChannel ch = disk.open(unforced, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(bytes("{\"whole\":false}"));
        }
        Files.move(forced, dir.resolve("a.json"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(unforced, dir.resolve("b.json"), StandardCopyOption.ATOMIC_MOVE);

        disk.crash();

        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo("{\"whole\":true}");
        assertThat(dir.resolve("b.json")).isEmptyFile();
    }

    @Test
    void shouldReleaseTheLocksOfTheChannelsItClosesWhenThePowerGoes() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path lock = dir.resolve("x.lock");
        FileChannel held = disk.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        assertThat(held.tryLock()).isNotNull();

        disk.crash();

        try (FileChannel next = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            assertThat(next.tryLock()).isNotNull();
        }
    }

    @Test
    void shouldCutAndFlipFilesInPlace() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "{ab}");
        FaultyDisk.flipBit(file, 0, 0);
        assertThat(Files.readString(file)).isEqualTo("zab}");
        FaultyDisk.truncate(file, 2);
        assertThat(Files.readString(file)).isEqualTo("za");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
