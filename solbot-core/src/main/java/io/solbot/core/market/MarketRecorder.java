package io.solbot.core.market;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes every market event it is given as one JSON line, the form {@link SimulatedMarket#replay} reads. Register it
 * with {@link SimulatedMarket#listen} to record what a run consumed; close it to flush.
 *
 * <p>Thread-safe (calls are serialised), though a market calls it from one thread at a time anyway.
 */
public final class MarketRecorder implements Consumer<MarketEvent>, Closeable {
    private final Writer out;
    private final MarketEventCodec codec = new MarketEventCodec();
    private long written;

    private MarketRecorder(Writer out) {
        this.out = out;
    }

    /**
     * A recorder that creates (or replaces) {@code file}.
     *
     * @throws UncheckedIOException if the file cannot be created
     */
    public static MarketRecorder to(Path file) {
        try {
            return new MarketRecorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the market recording " + file, e);
        }
    }

    /** A recorder that writes to {@code out}, and closes it when closed. */
    public static MarketRecorder to(Writer out) {
        Objects.requireNonNull(out, "out");
        return new MarketRecorder(out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16));
    }

    /** @throws UncheckedIOException if writing fails */
    @Override
    public synchronized void accept(MarketEvent event) {
        try {
            codec.write(event, out);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the market recording after " + written + " events", e);
        }
    }

    /** How many events were written. */
    public synchronized long written() {
        return written;
    }

    /** Writes out what is buffered. */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
