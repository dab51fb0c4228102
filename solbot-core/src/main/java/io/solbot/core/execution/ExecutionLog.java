package io.solbot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.solbot.core.SolbotException;
import io.solbot.core.codec.FillJson;
import io.solbot.core.codec.OrderFailureJson;
import io.solbot.core.domain.OrderId;
import io.solbot.core.internal.CrashPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
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
 * <p>Line format: {@code {"orderId","botId","submittedAt","failure":OrderFailureJson|null,"fills":[FillJson...]}},
 * the failure and the fills in {@link OrderFailureJson}'s and {@link FillJson}'s forms (amounts as decimal strings of
 * raw units), the forms the lockfiles keep too. Lines written by earlier versions still read: without the order's
 * submission time (its fills' submission time stands in, or the failure's time, which is not earlier), their fills
 * and failure without the order id (the line's stands in), their failure without its fee and tip (read as nothing,
 * which is what those versions charged).
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
 * <p>Retention. A segment goes only when no order still journalled may need its outcome. With a retention hook (the
 * submission time of the oldest order intent still journalled anywhere, see {@code
 * PaperExecutor.Builder.retainOutcomesSince}), the oldest segments go whose newest line was submitted before that
 * time and not on the UTC day of the newest line written (the daily trade count reads the day's orders back at boot).
 * Without one, segments are only dropped beyond {@code maxSegments}, with a WARN. Before a segment is deleted, the
 * newest submission time of what goes is written to {@code <name>.horizon}: an order submitted at or before that time
 * that no segment holds may have been in one that went, and is {@linkplain #mayHaveDropped unknown}, not "never
 * reached".
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

    /** A segment file and what its lines hold: how many, and the newest submission time (null while none). */
    private static final class Segment {
        int number;
        Path path;
        int lines;
        Instant newest;

        Segment(int number, Path path) {
            this.number = number;
            this.path = path;
        }
    }

    private final Path file;
    private final Path dir;
    private final Path horizonFile;
    private final Pattern segmentName;
    private final int rotateAfter;
    private final int maxSegments;
    /** Null without a retention hook. */
    private final Supplier<Optional<Instant>> oldestOpenIntent;

    private final Opener opener;
    private final FileChannel lockChannel;

    // guarded by this
    private final TreeMap<Integer, Segment> rotated = new TreeMap<>();
    /** The segment the channel writes: the current file, or a rotated one while a rotation is half done. */
    private Segment active;

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
        this.horizonFile = sibling(".horizon");
        this.segmentName = Pattern.compile(Pattern.quote(this.file.getFileName().toString()) + "\\.([1-9][0-9]{0,8})");
        this.rotateAfter = rotateAfter;
        this.maxSegments = maxSegments;
        this.oldestOpenIntent = oldestOpenIntent;
        this.opener = opener;
        try {
            Files.createDirectories(dir);
            this.lockChannel = lock();
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

    private FileChannel lock() throws IOException {
        Path lockFile = sibling(".lock");
        FileChannel ch = opener.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new SolbotException("The paper execution log " + file + " is in use by another executor (it holds "
                    + lockFile + "); two executors on one log would write over each other's lines");
        }
        return ch;
    }

    private void open(Consumer<SwapOutcome> replay) throws IOException {
        horizon = readHorizon();
        adoptPreviousFile();
        removeTemporaryFiles();
        for (Path path : listSegments()) {
            Matcher m = segmentName.matcher(path.getFileName().toString());
            if (m.matches()) {
                int number = Integer.parseInt(m.group(1));
                rotated.put(number, new Segment(number, path));
            }
        }
        List<Segment> all = new ArrayList<>(rotated.values());
        Segment current = new Segment(0, file);
        if (Files.exists(file)) {
            all.add(current);
        }
        // only the last line written may be cut short: it is in the newest segment that has any bytes
        Segment lastWritten = null;
        for (Segment s : all) {
            if (Files.size(s.path) > 0) {
                lastWritten = s;
            }
        }
        for (Segment s : all) {
            read(s, s == lastWritten, (orderId, outcome) -> {
                replay.accept(outcome);
                if (s == current) {
                    activeOutcomes.put(orderId, outcome);
                }
            });
            newest = later(newest, s.newest);
        }
        if (!Files.exists(file)) {
            // after a crash between a rotation's rename and the new file
            try (FileChannel created = opener.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created.force(true);
            }
            forceDirectory();
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
        Segment old = new Segment(1, previous);
        read(old, false, (orderId, outcome) -> {});
        if (old.newest != null) {
            writeHorizon(later(horizon, old.newest));
        }
        Files.move(previous, sibling(".1"), StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
        log.info("Renamed {} to {} (execution log segments are numbered now)", previous, sibling(".1"));
    }

    /** Temporary files of horizon writes that a crash interrupted; the lock says no one else writes them. */
    private void removeTemporaryFiles() throws IOException {
        String prefix = "." + horizonFile.getFileName() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private List<Path> listSegments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> segmentName.matcher(f.getFileName().toString()).matches())
                    .toList();
        }
    }

    /**
     * Reads segment {@code s}: counts its lines, finds its newest submission time, hands each outcome to {@code
     * each}. If {@code lastMayBeCut}, an unreadable last line is cut off the file.
     */
    private void read(Segment s, boolean lastMayBeCut, BiConsumer<OrderId, SwapOutcome> each) throws IOException {
        byte[] bytes = Files.readAllBytes(s.path);
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean terminated = end >= 0;
            if (!terminated) {
                end = bytes.length;
            }
            number++;
            boolean last = !terminated || end + 1 == bytes.length;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                ExecutionLine line;
                SwapOutcome outcome;
                Instant submitted;
                try {
                    if (!terminated) {
                        throw new IOException("it does not end with a newline");
                    }
                    line = ExecutionLine.parse(text);
                    outcome = line.outcome();
                    submitted = line.submittedBy();
                } catch (IOException | RuntimeException e) {
                    if (last && lastMayBeCut) {
                        cut(s.path, start, number, e);
                        return;
                    }
                    throw damaged(s.path, number, e);
                }
                each.accept(OrderId.of(line.orderId()), outcome);
                s.lines++;
                s.newest = later(s.newest, submitted);
            }
            start = end + 1;
        }
    }

    private void cut(Path path, long at, int number, Exception why) throws IOException {
        try (FileChannel ch = opener.open(path, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ch.truncate(at);
            ch.force(true);
            log.warn(
                    "Line {} of the paper execution log {} was cut short by a crash ({}); removed its {} bytes: its"
                            + " order never returned an outcome",
                    number,
                    path,
                    firstLine(why),
                    size - at);
        }
    }

    private static SolbotException damaged(Path path, int number, Exception why) {
        return new SolbotException("Line " + number + " of the paper execution log " + path + " cannot be read ("
                + firstLine(why) + "). Only the last line can be cut short by a crash; this one is not the last, so"
                + " the log is damaged and the outcomes it holds cannot be trusted. Nothing was started: check the file"
                + " and repair or remove that line, then start again.");
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
                Optional<SwapOutcome> found = find(segment, orderId);
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

    private Optional<SwapOutcome> find(Path segment, OrderId orderId) throws IOException {
        // a plain text match first: a segment holds thousands of lines, and the id appears in its own only
        String needle = "\"orderId\":\"" + orderId.value() + "\"";
        try (BufferedReader lines = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
            String text;
            while ((text = lines.readLine()) != null) {
                if (text.contains(needle)) {
                    ExecutionLine line = ExecutionLine.parse(text);
                    if (line.orderId().equals(orderId.value())) {
                        return Optional.of(line.outcome());
                    }
                }
            }
        }
        return Optional.empty();
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
            active.newest = later(active.newest, order.submittedAt());
            newest = later(newest, order.submittedAt());
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
                forceDirectory();
            }
            FileChannel fresh =
                    opener.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                fresh.force(true);
                // lines written to a file whose directory entry is not on disk would go with it in a crash
                forceDirectory();
            } catch (IOException e) {
                closeQuietly(fresh);
                Files.deleteIfExists(file);
                throw e;
            }
            closeQuietly(channel);
            channel = fresh;
            active = new Segment(0, file);
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
        List<Segment> going = new ArrayList<>();
        List<Segment> candidates =
                rotated.values().stream().filter(s -> s != active).toList();
        if (oldestOpenIntent != null) {
            Optional<Instant> oldest;
            try {
                oldest = oldestOpenIntent.get();
            } catch (RuntimeException e) {
                log.warn(
                        "The paper execution log {} keeps every segment this time: the oldest open order intent could"
                                + " not be told ({})",
                        file,
                        e.toString());
                return;
            }
            for (Segment s : candidates) {
                boolean needed = s.newest != null
                        && (oldest.isPresent() && !s.newest.isBefore(oldest.get()) || sameDay(s.newest, newest));
                if (needed) {
                    break;
                }
                going.add(s);
            }
            if (candidates.size() - going.size() > maxSegments) {
                log.warn(
                        "The paper execution log {} keeps {} segments: an order intent journalled at {} is still"
                                + " open, and its outcome may be in any of them",
                        file,
                        candidates.size() - going.size(),
                        oldest.map(Instant::toString).orElse("?"));
            }
        } else {
            for (int i = 0; i < candidates.size() - maxSegments; i++) {
                going.add(candidates.get(i));
            }
            if (!going.isEmpty()) {
                log.warn(
                        "The paper execution log {} drops {} segment(s) beyond {} without knowing whether an order"
                                + " still journalled needs them; give the executor a retention hook"
                                + " (PaperExecutor.Builder.retainOutcomesSince) so that it knows",
                        file,
                        going.size(),
                        maxSegments);
            }
        }
        if (going.isEmpty()) {
            return;
        }
        Instant reach = horizon;
        for (Segment s : going) {
            reach = later(reach, s.newest);
        }
        try {
            if (reach != null && !reach.equals(horizon)) {
                writeHorizon(reach);
            }
            for (Segment s : going) {
                Files.deleteIfExists(s.path);
                rotated.remove(s.number);
            }
            forceDirectory();
        } catch (IOException e) {
            log.warn("Could not drop old segments of the paper execution log {}: {}", file, e.toString());
        }
    }

    private static boolean sameDay(Instant a, Instant b) {
        return b != null
                && a.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private Instant readHorizon() throws IOException {
        if (!Files.exists(horizonFile)) {
            return null;
        }
        String text = Files.readString(horizonFile, StandardCharsets.UTF_8).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new SolbotException("The file " + horizonFile + " of the paper execution log cannot be read ('"
                    + text + "' is not a time). It says up to when outcomes were dropped; without it, an order whose"
                    + " outcome went would be taken for one that never reached the executor. Write the time of the"
                    + " newest order in the dropped segments into it (ISO-8601, e.g. 2026-01-01T00:00:00Z); if that"
                    + " is not known, the time of the oldest line still kept is safe.");
        }
    }

    /** Replaces the horizon file atomically and durably: temporary file, fsync, rename, fsync of the directory. */
    private void writeHorizon(Instant reach) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + horizonFile.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = opener.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap((reach + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, horizonFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory();
        horizon = reach;
    }

    private void forceDirectory() throws IOException {
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

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
