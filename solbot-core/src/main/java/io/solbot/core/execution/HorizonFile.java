package io.solbot.core.execution;

import io.solbot.core.SolbotException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/**
 * The execution log's horizon file ({@code <name>.horizon}): the newest submission time of any line in a dropped
 * segment, so that an order submitted by then and not found is unknown rather than never executed. Written atomically
 * and durably.
 */
final class HorizonFile {
    private final Path file;
    private final ExecutionLog.Opener opener;

    HorizonFile(Path file, ExecutionLog.Opener opener) {
        this.file = file;
        this.opener = opener;
    }

    /**
     * The time up to which outcomes were dropped, or null if none were.
     *
     * @throws SolbotException if the file does not hold a time
     */
    Instant read() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new SolbotException("The file " + file + " of the paper execution log cannot be read ('"
                    + text + "' is not a time). It says up to when outcomes were dropped; without it, an order whose"
                    + " outcome went would be taken for one that never reached the executor. Write the time of the"
                    + " newest order in the dropped segments into it (ISO-8601, e.g. 2026-01-01T00:00:00Z); if that"
                    + " is not known, the time of the oldest line still kept is safe.");
        }
    }

    /** Replaces the horizon file atomically and durably: temporary file, fsync, rename, fsync of the directory. */
    void write(Instant reach) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = opener.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap((reach + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(file.getParent());
    }

    /** Makes the directory {@code dir} durable: a new or renamed name in it is on disk once this returns. */
    static void forceDirectory(Path dir) throws IOException {
        // a new name is durable only once the directory is on disk; on file systems that cannot open a directory
        // for reading (not Linux) it is as durable as the platform makes it
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
                throw e;
            }
        }
    }

    /** Temporary files of horizon writes that a crash interrupted; the lock says no one else writes them. */
    void removeTemporaryFiles() throws IOException {
        String prefix = "." + file.getFileName() + ".";
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
