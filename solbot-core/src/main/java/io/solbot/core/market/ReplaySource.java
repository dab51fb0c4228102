package io.solbot.core.market;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Events read from a recording (JSON lines) with one streaming parser. The first event is read at once, so that a
 * recording that cannot even start fails where it is opened; the rest is parsed ahead on a thread of its own, in
 * batches, so that parsing (about a third of a replayed event's cost) runs beside the market and the engine instead of
 * before them. The order of events, and where a malformed line fails, are the same as reading them one by one.
 */
final class ReplaySource implements EventSource {
    private static final int BATCH = 512;
    private static final Object END = new Object();

    private final JsonParser parser;
    private final MarketEventCodec codec = new MarketEventCodec();
    /** Batches of events, then an {@link IllegalArgumentException} for a bad line, or {@link #END}. */
    private final BlockingQueue<Object> parsed = new ArrayBlockingQueue<>(8);

    private Thread reader;
    private volatile boolean closed;
    private Instant last;
    private MarketEvent ahead;
    private List<MarketEvent> batch = List.of();
    private int inBatch;

    ReplaySource(Reader reader) {
        this(open(() -> MarketEventCodec.parser(reader)));
    }

    ReplaySource(InputStream utf8) {
        this(open(() -> MarketEventCodec.parser(utf8)));
    }

    private ReplaySource(JsonParser parser) {
        this.parser = parser;
        ahead = parseOne(); // on the caller's thread: a bad first line fails here
        if (ahead != null) {
            reader = Thread.ofPlatform().name("solbot-replay-parser").daemon().start(this::parseAhead);
        }
    }

    private interface Opener {
        JsonParser open() throws IOException;
    }

    private static JsonParser open(Opener opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the market recording", e);
        }
    }

    /** The next event of the recording, or null at its end; checks the time order. Only one thread at a time. */
    private MarketEvent parseOne() {
        long line = 0;
        MarketEvent event;
        try {
            JsonToken first = parser.nextToken();
            line = parser.currentTokenLocation().getLineNr();
            if (first == null) {
                return null;
            }
            event = codec.read(parser, first);
        } catch (IOException | RuntimeException e) {
            if (line == 0) {
                line = parser.currentLocation().getLineNr();
            }
            throw new IllegalArgumentException("market recording, line " + line + ": " + e.getMessage(), e);
        }
        if (last != null && event.at().isBefore(last)) {
            throw new IllegalArgumentException(
                    "market recording, line " + line + ": the event at " + event.at() + " comes after one at " + last);
        }
        last = event.at();
        return event;
    }

    private void parseAhead() {
        try {
            List<MarketEvent> next = new ArrayList<>(BATCH);
            while (!closed) {
                MarketEvent event;
                try {
                    event = parseOne();
                } catch (IllegalArgumentException e) {
                    flush(next);
                    parsed.put(e);
                    return;
                }
                if (event == null) {
                    flush(next);
                    parsed.put(END);
                    return;
                }
                next.add(event);
                if (next.size() == BATCH) {
                    parsed.put(next);
                    next = new ArrayList<>(BATCH);
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting for the consumer
        }
    }

    private void flush(List<MarketEvent> events) throws InterruptedException {
        if (!events.isEmpty()) {
            parsed.put(events);
        }
    }

    @SuppressWarnings("unchecked")
    private void advance() {
        if (inBatch < batch.size()) {
            ahead = batch.get(inBatch++);
            return;
        }
        Object item;
        try {
            item = parsed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the market recording", e);
        }
        if (item == END) {
            ahead = null;
            batch = List.of();
            inBatch = 0;
            parsed.add(END); // stays at the end for any later call
        } else if (item instanceof IllegalArgumentException e) {
            ahead = null;
            parsed.add(e);
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        } else {
            batch = (List<MarketEvent>) item;
            inBatch = 0;
            ahead = batch.get(inBatch++);
        }
    }

    @Override
    public MarketEvent next(Instant until, SimulatedMarket market) {
        if (ahead == null || ahead.at().isAfter(until)) {
            return null;
        }
        MarketEvent event = ahead;
        advance();
        return event;
    }

    @Override
    public Instant nextTime() {
        return ahead == null ? null : ahead.at();
    }

    @Override
    public void close() {
        closed = true;
        Thread parsing = reader;
        if (parsing != null) {
            parsing.interrupt();
            try {
                parsing.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
