package io.solbot.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Predicate;

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
 * </ul>
 *
 * <p>{@link #heal} disarms every fault. Thread-safe.
 */
public final class FaultyDisk {
    private long room = Long.MAX_VALUE;
    private boolean failForce;
    private Predicate<Path> refuseOpen = path -> false;
    private long written;

    /** Opens {@code path} as {@link FileChannel#open(Path, OpenOption...)} does, behind this disk's faults. */
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        synchronized (this) {
            if (refuseOpen.test(path)) {
                throw new IOException(path + ": Input/output error (refused by the faulty disk)");
            }
        }
        return new Channel(FileChannel.open(path, options));
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

        Channel(FileChannel real) {
            this.real = real;
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
        }
    }
}
