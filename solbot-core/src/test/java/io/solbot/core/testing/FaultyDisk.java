package io.solbot.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A disk for tests that fails the way real ones do, for code that opens its files through a {@code (Path,
 * OpenOption...) -> FileChannel} seam: pass {@code disk::open} where the code would call {@link FileChannel#open}.
 * Everything goes to the real file until a fault is armed:
 *
 * <ul>
 *   <li>{@link #fillAfter}: the disk is full after so many more bytes, across every channel it opened; a write that
 *       crosses the limit writes what fits (a short write, as the kernel does) and the next one fails with "No space
 *       left on device". Truncating gives no room back: a test sets the room it wants.
 *   <li>{@link #failForce}: {@code force} fails, as an fsync that meets an I/O error.
 *   <li>{@link #refuseOpen}: opening a matching path fails.
 *   <li>{@link #crash}: the power goes: what was written since a file's last {@code force} is lost, and every channel
 *       is closed, as a dead process's are.
 * </ul>
 *
 * <p>{@link #truncate} and {@link #flipBit} damage a file directly, as a write that was not atomic or rot would.
 *
 * <p>{@link #heal} disarms every fault. Thread-safe.
 */
public final class FaultyDisk {
    private long room = Long.MAX_VALUE;
    private boolean failForce;
    private Predicate<Path> refuseOpen = path -> false;
    private long written;
    /** Every file opened through this disk, by its identity (it keeps it across renames), and its durable length. */
    private final Map<Object, Durable> files = new HashMap<>();

    private final List<Channel> channels = new ArrayList<>();

    /** Where a file was last seen, and how many of its bytes a force made durable. */
    private static final class Durable {
        Path path;
        long length;

        Durable(Path path, long length) {
            this.path = path;
            this.length = length;
        }
    }

    /** Opens {@code path} as {@link FileChannel#open(Path, OpenOption...)} does, behind this disk's faults. */
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        synchronized (this) {
            if (refuseOpen.test(path)) {
                throw new IOException(path + ": Input/output error (refused by the faulty disk)");
            }
            FileChannel real = FileChannel.open(path, options);
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (key == null) {
                real.close();
                throw new IOException("the faulty disk needs a file system that gives files a key: " + path);
            }
            // what the file holds when it is first opened is taken as durable: only this disk's writes can be lost
            long size = real.size();
            Durable durable = files.computeIfAbsent(key, k -> new Durable(path, size));
            durable.path = path;
            durable.length = Math.min(durable.length, size);
            Channel channel = new Channel(real, key);
            channels.add(channel);
            return channel;
        }
    }

    /**
     * The power goes: every file written through this disk is cut back to the length it had at its last {@code force}
     * (or when it was opened), wherever a rename has moved it, and every channel this disk opened is closed, which
     * releases its locks. Renames and deletions are kept, as if the directory had been forced: the code under test
     * forces it, and a real file system cannot be made to forget a rename. Bytes overwritten in place within the
     * durable length are kept too; the files this disk serves are appended to or written whole into new files.
     *
     * @return how many bytes were lost
     */
    public synchronized long crash() throws IOException {
        for (Channel c : channels) {
            c.real.close();
        }
        channels.clear();
        long lost = 0;
        for (Map.Entry<Object, Durable> e : files.entrySet()) {
            Path now = locate(e.getKey(), e.getValue().path);
            if (now == null) {
                continue; // deleted
            }
            e.getValue().path = now;
            long size = Files.size(now);
            if (size > e.getValue().length) {
                lost += size - e.getValue().length;
                truncate(now, e.getValue().length);
            }
        }
        return lost;
    }

    /** Where the file {@code key} is now: at {@code last}, or renamed within its directory; null if it is gone. */
    private static Path locate(Object key, Path last) throws IOException {
        if (Files.exists(last) && key.equals(keyOf(last))) {
            return last;
        }
        Path dir = last.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path p : siblings.toList()) {
                if (key.equals(keyOf(p))) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Object keyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }

    private synchronized void forced(Object key, long length) {
        files.get(key).length = length;
    }

    private synchronized void truncated(Object key, long length) {
        Durable durable = files.get(key);
        durable.length = Math.min(durable.length, length);
    }

    private synchronized void closed(Channel channel) {
        channels.remove(channel);
    }

    /** The disk is full once {@code bytes} more bytes have been written. */
    public synchronized FaultyDisk fillAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be at least 0, but was " + bytes);
        }
        this.room = bytes;
        return this;
    }

    /** Every {@code force} fails from now on. */
    public synchronized FaultyDisk failForce() {
        this.failForce = true;
        return this;
    }

    /** Opening a path that matches {@code paths} fails from now on. */
    public synchronized FaultyDisk refuseOpen(Predicate<Path> paths) {
        this.refuseOpen = Objects.requireNonNull(paths, "paths");
        return this;
    }

    /** Disarms every fault: room without limit, {@code force} and opening work again. */
    public synchronized FaultyDisk heal() {
        room = Long.MAX_VALUE;
        failForce = false;
        refuseOpen = path -> false;
        return this;
    }

    /**
     * Cuts {@code file} to its first {@code length} bytes, as a crash during a write that was not atomic would leave
     * it (a lockfile written in place, a log line half written).
     */
    public static void truncate(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }

    /** Flips bit {@code bit} (0 to 7, 0 the lowest) of the byte at {@code offset} of {@code file}, as rot does. */
    public static void flipBit(Path file, long offset, int bit) throws IOException {
        if (bit < 0 || bit > 7) {
            throw new IllegalArgumentException("bit must be 0 to 7, but was " + bit);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (ch.read(one, offset) != 1) {
                throw new IOException(file + " has no byte at " + offset);
            }
            one.put(0, (byte) (one.get(0) ^ (1 << bit)));
            one.rewind();
            ch.write(one, offset);
        }
    }

    /** Bytes written through this disk's channels so far. */
    public synchronized long written() {
        return written;
    }

    /** How many of {@code wanted} bytes fit; fails if none does. */
    private synchronized int take(int wanted) throws IOException {
        if (wanted == 0) {
            return 0;
        }
        if (room == 0) {
            throw new IOException("No space left on device (the faulty disk is full)");
        }
        int granted = (int) Math.min(wanted, room);
        if (room != Long.MAX_VALUE) {
            room -= granted;
        }
        written += granted;
        return granted;
    }

    private synchronized void checkForce() throws IOException {
        if (failForce) {
            throw new IOException("Input/output error (fsync refused by the faulty disk)");
        }
    }

    /** A real channel behind the disk's faults: writes within the room left, and force unless it is armed to fail. */
    private final class Channel extends FileChannel {
        private final FileChannel real;

        private final Object key;

        Channel(FileChannel real, Object key) {
            this.real = real;
            this.key = key;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int granted = take(src.remaining());
            ByteBuffer part = src.slice(src.position(), granted);
            int n = real.write(part);
            src.position(src.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int granted = take(src.remaining());
            ByteBuffer part = src.slice(src.position(), granted);
            int n = real.write(part, position);
            src.position(src.position() + n);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                while (srcs[i].hasRemaining()) {
                    total += write(srcs[i]);
                }
            }
            return total;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkForce();
            real.force(metaData);
            forced(key, real.size());
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            truncated(key, size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the faulty disk counts written bytes: write buffers instead");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("the faulty disk cannot fail writes to a mapped file");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
            closed(this);
        }
    }
}
