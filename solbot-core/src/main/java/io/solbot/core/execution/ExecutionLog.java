package io.solbot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.OrderId;
import io.solbot.core.internal.CrashPoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper executor's own durable record of what it executed, as a chain would keep it: one JSON line per order
 * with its outcome, appended and fsynced before {@code execute} returns, and read back by a new process to resolve
 * orders a dead one sent.
 *
 * <p>Line format: {@link ExecutionLine}.
 *
 * <p>Failing closed. An append that fails (a full disk, an fsync that meets an I/O error) cuts the file back to its
 * length before the append, so that no partial line is left for the next one to be glued onto, and throws: its order
 * is not in the log. If the cut fails too, the next append makes it first, and fails while it cannot. When the log is
 * opened, only the last line written may be cut short (a crash during its append): it is cut off the file with a WARN,
 * its order never returned an outcome. Any other line that cannot be read is damage, and the log refuses to open,
 * naming the file and the line. One process at a time: the log holds a lock on {@code <name>.lock} while open.
 *
 * <p>Segments. After {@code rotateAfter} lines the current file ({@code executions.jsonl}) is renamed to the next
 * numbered segment ({@code executions.jsonl.1}, {@code .2}, ...: the higher the number, the newer) and a new current
 * file starts. A rotation that fails after the append it follows is logged and tried again at the next append; the
 * append stands. Creating a file and renaming one are made durable with an fsync of the directory.
 *
 * <p>Retention: a segment goes only when no order still journalled may need its outcome ({@link Retention}).
 * Before a segment is deleted, the newest submission time of what goes is written to {@code <name>.horizon}
 * ({@link HorizonFile}): an order submitted by then that no segment holds is {@linkplain #mayHaveDropped unknown}, not
 * "never reached".
 *
 * <p>Memory: the outcomes of the segment being written; an older segment is read from disk when an order is looked up
 * there (only recovery does). Thread-safe: appends and rotations are serialised.
 */
final class ExecutionLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLog.class);

    /** Opens a file; {@link FileChannel#open(Path, OpenOption...)} but for tests, which fail writes through it. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    /** Lines per segment. */
    static final int DEFAULT_ROTATE_AFTER = 20_000;

    /** Rotated segments kept without a retention hook: 400,000 outcomes, a few hundred megabytes. */
    static final int DEFAULT_MAX_SEGMENTS = 20;

    private final Path file;
    private final Path dir;
    private final HorizonFile horizonFile;
    private final Pattern segmentName;
    private final int rotateAfter;
    private final int maxSegments;
    /** Null without a retention hook. */
    private final Supplier<Optional<Instant>> oldestOpenIntent;

    private final Opener opener;
    private final FileChannel lockChannel;

    // guarded by this
    private final TreeMap<Integer, LogSegment> rotated = new TreeMap<>();
    /** The segment the channel writes: the current file, or a rotated one while a rotation is half done. */
    private LogSegment active;

    private FileChannel channel;
    private Map<OrderId, SwapOutcome> activeOutcomes = new HashMap<>();
    /** Where a failed append must cut the file back to before the next one, or -1. */
    private long cutTo = -1;
    /** The newest submission time of any line. */
    private Instant newest;
    /** The newest submission time of a line in a dropped segment; null if none was dropped. */
    private volatile Instant horizon;

    /**
     * Opens the log at {@code file}, reading every outcome it holds into {@code replay}, oldest segment first.
     *
     * @throws SolbotException if the log is damaged (a line other than the last cannot be read) or in use by another
     *     process
     * @throws UncheckedIOException if it cannot be read or opened
     */
    ExecutionLog(
            Path file,
            int rotateAfter,
            int maxSegments,
            Supplier<Optional<Instant>> oldestOpenIntent,
            Opener opener,
            Consumer<SwapOutcome> replay) {
        if (rotateAfter < 1) {
            throw new IllegalArgumentException("rotateAfter must be at least 1, but was " + rotateAfter);
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, but was " + maxSegments);
        }
        this.file = file.toAbsolutePath();
        this.dir = this.file.getParent();
        this.horizonFile = new HorizonFile(sibling(".horizon"), opener);
        this.segmentName = Pattern.compile(Pattern.quote(this.file.getFileName().toString()) + "\\.([1-9][0-9]{0,8})");
        this.rotateAfter = rotateAfter;
        this.maxSegments = maxSegments;
        this.oldestOpenIntent = oldestOpenIntent;
        this.opener = opener;
        try {
            Files.createDirectories(dir);
            this.lockChannel = LogLock.take(opener, sibling(".lock"), this.file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the paper execution log " + this.file, e);
        }
        boolean opened = false;
        try {
            open(replay);
            opened = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the paper execution log " + this.file, e);
        } finally {
            if (!opened) {
                closeQuietly(channel);
                closeQuietly(lockChannel);
            }
        }
    }

    private void open(Consumer<SwapOutcome> replay) throws IOException {
        horizon = horizonFile.read();
        adoptPreviousFile();
        horizonFile.removeTemporaryFiles();
        for (Path path : listSegments()) {
            Matcher m = segmentName.matcher(path.getFileName().toString());
            if (m.matches()) {
                int number = Integer.parseInt(m.group(1));
                rotated.put(number, new LogSegment(number, path));
            }
        }
        List<LogSegment> all = new ArrayList<>(rotated.values());
        LogSegment current = new LogSegment(0, file);
        if (Files.exists(file)) {
            all.add(current);
        }
        // only the last line written may be cut short: it is in the newest segment that has any bytes
        LogSegment lastWritten = null;
        for (LogSegment s : all) {
            if (Files.size(s.path) > 0) {
                lastWritten = s;
            }
        }
        for (LogSegment s : all) {
            LogSegments.read(opener, s, s == lastWritten, (orderId, outcome) -> {
                replay.accept(outcome);
                if (s == current) {
                    activeOutcomes.put(orderId, outcome);
                }
            });
            newest = LogSegment.later(newest, s.newest);
        }
        if (!Files.exists(file)) {
            // after a crash between a rotation's rename and the new file
            try (FileChannel created = opener.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created.force(true);
            }
            HorizonFile.forceDirectory(dir);
        }
        channel = opener.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        active = current;
    }

    /**
     * Versions before numbered segments kept one older file, {@code <name>.previous}, and replaced it at each
     * rotation: it becomes segment 1. What an earlier rotation replaced is unknown, so an order submitted up to the
     * newest line of that file and not found is unknown from now on.
     */
    private void adoptPreviousFile() throws IOException {
        Path previous = sibling(".previous");
        if (!Files.exists(previous)) {
            return;
        }
        if (!listSegments().isEmpty()) {
            throw new SolbotException("The paper execution log " + file + " has both " + previous.getFileName()
                    + " (an earlier version's) and numbered segments; check which holds what, then remove or rename "
                    + previous.getFileName());
        }
        LogSegment old = new LogSegment(1, previous);
        LogSegments.read(opener, old, false, (orderId, outcome) -> {});
        if (old.newest != null) {
            writeHorizon(LogSegment.later(horizon, old.newest));
        }
        Files.move(previous, sibling(".1"), StandardCopyOption.ATOMIC_MOVE);
        HorizonFile.forceDirectory(dir);
        log.info("Renamed {} to {} (execution log segments are numbered now)", previous, sibling(".1"));
    }

    private List<Path> listSegments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> segmentName.matcher(f.getFileName().toString()).matches())
                    .toList();
        }
    }

    /** Every rotated segment and the current file, oldest first. */
    List<Path> files() {
        synchronized (this) {
            List<Path> files = new ArrayList<>();
            rotated.values().forEach(s -> files.add(s.path));
            if (!files.contains(file)) {
                files.add(file);
            }
            return files;
        }
    }

    /** The outcome of {@code orderId}, if a segment still kept holds it. */
    Optional<SwapOutcome> outcome(OrderId orderId) {
        List<Path> older = new ArrayList<>();
        synchronized (this) {
            SwapOutcome outcome = activeOutcomes.get(orderId);
            if (outcome != null) {
                return Optional.of(outcome);
            }
            rotated.descendingMap().values().stream().filter(s -> s != active).forEach(s -> older.add(s.path));
        }
        for (Path segment : older) {
            try {
                Optional<SwapOutcome> found = LogSegments.find(segment, orderId);
                if (found.isPresent()) {
                    return found;
                }
            } catch (NoSuchFileException e) {
                // dropped meanwhile: the horizon, written before, covers it
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the paper execution log segment " + segment, e);
            }
        }
        return Optional.empty();
    }

    /**
     * True if an order submitted at {@code submittedAt} may have been in a segment that was dropped: if no segment
     * holds it, its outcome is unknown rather than "never reached".
     */
    boolean mayHaveDropped(Instant submittedAt) {
        Instant reach = horizon;
        return reach != null && !submittedAt.isAfter(reach);
    }

    /**
     * Appends the outcome of {@code order} and forces it to disk; then rotates, if the segment is full, which never
     * makes the append fail.
     *
     * @throws UncheckedIOException if the line could not be written and forced: the file is cut back to where it was
     *     (or will be before the next append), and the order is not in the log
     */
    void append(SwapOrder order, SwapOutcome outcome) {
        byte[] bytes;
        try {
            bytes = (ExecutionLine.of(order, outcome).json() + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the outcome of order " + order.orderId(), e);
        }
        synchronized (this) {
            long before;
            try {
                if (cutTo >= 0) {
                    channel.truncate(cutTo);
                    channel.force(false);
                    cutTo = -1;
                }
                before = channel.size();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not append order " + order.orderId() + " to the paper execution log " + active.path
                                + ": a failed append left part of a line that cannot be cut off yet",
                        e);
            }
            try {
                channel.position(before);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                cutBack(before, e);
                throw new UncheckedIOException(
                        "Could not append order " + order.orderId() + " to the paper execution log " + active.path
                                + " (cut back to its length before): " + e.getMessage(),
                        e);
            }
            CrashPoints.hit("after-append");
            activeOutcomes.put(order.orderId(), outcome);
            active.lines++;
            active.newest = LogSegment.later(active.newest, order.submittedAt());
            newest = LogSegment.later(newest, order.submittedAt());
            if (active.lines >= rotateAfter) {
                rotate();
            }
        }
    }

    /** Cuts the file back to {@code length} after a failed append; if that fails too, the next append does it. */
    private void cutBack(long length, IOException failure) {
        try {
            channel.truncate(length);
            channel.force(false);
        } catch (IOException e) {
            failure.addSuppressed(e);
            cutTo = length;
        }
    }

    /**
     * The segment being written becomes the next numbered one, and a new current file takes its place. A step that
     * fails is logged and the rotation tried again at the next append: a crash or a failure in between leaves the
     * lines whole in one file or the other, and appends go on to the segment the channel still writes.
     */
    private void rotate() {
        try {
            if (active.number == 0) {
                int next = rotated.isEmpty() ? 1 : rotated.lastKey() + 1;
                Path target = sibling("." + next);
                if (Files.exists(target)) {
                    throw new IOException(target + " exists already");
                }
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                active.number = next;
                active.path = target;
                rotated.put(next, active);
                HorizonFile.forceDirectory(dir);
            }
            FileChannel fresh =
                    opener.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                fresh.force(true);
                // lines written to a file whose directory entry is not on disk would go with it in a crash
                HorizonFile.forceDirectory(dir);
            } catch (IOException e) {
                closeQuietly(fresh);
                Files.deleteIfExists(file);
                throw e;
            }
            closeQuietly(channel);
            channel = fresh;
            active = new LogSegment(0, file);
            activeOutcomes = new HashMap<>();
            CrashPoints.hit("after-rotate");
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Could not rotate the paper execution log {} ({}); appends go on to {}, and the rotation is tried"
                            + " again after the next one",
                    file,
                    e.toString(),
                    active.path);
            return;
        }
        drop();
    }

    /** Drops the oldest segments that no order still journalled can need (see the class comment). */
    private void drop() {
        List<LogSegment> going = Retention.dropped(
                rotated.values().stream().filter(s -> s != active).toList(),
                oldestOpenIntent,
                newest,
                maxSegments,
                file);
        if (going.isEmpty()) {
            return;
        }
        Instant reach = horizon;
        for (LogSegment s : going) {
            reach = LogSegment.later(reach, s.newest);
        }
        try {
            if (reach != null && !reach.equals(horizon)) {
                writeHorizon(reach);
            }
            for (LogSegment s : going) {
                Files.deleteIfExists(s.path);
                rotated.remove(s.number);
            }
            HorizonFile.forceDirectory(dir);
        } catch (IOException e) {
            log.warn("Could not drop old segments of the paper execution log {}: {}", file, e.toString());
        }
    }

    /** Writes the horizon durably, then takes it as this log's. */
    private void writeHorizon(Instant reach) throws IOException {
        horizonFile.write(reach);
        horizon = reach;
    }

    @Override
    public synchronized void close() {
        closeQuietly(channel);
        closeQuietly(lockChannel);
    }

    private void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            log.warn("Could not close a file of the paper execution log {}: {}", file, e.toString());
        }
    }

    private Path sibling(String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
