package io.solbot.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Events read lazily from a recording (JSON lines), one line ahead. */
final class ReplaySource implements EventSource {
    private final BufferedReader reader;
    private final MarketEventCodec codec = new MarketEventCodec();
    private MarketEvent ahead;
    private Instant last;
    private long line;

    ReplaySource(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        readAhead();
    }

    private void readAhead() {
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                ahead = null;
                return;
            }
            try {
                ahead = codec.read(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("market recording, line " + line + ": " + e.getMessage(), e);
            }
            if (last != null && ahead.at().isBefore(last)) {
                throw new IllegalArgumentException("market recording, line " + line + ": the event at " + ahead.at()
                        + " comes after one at " + last);
            }
            last = ahead.at();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the market recording at line " + line, e);
        }
    }

    @Override
    public MarketEvent next(Instant until, SimulatedMarket market) {
        if (ahead == null || ahead.at().isAfter(until)) {
            return null;
        }
        MarketEvent event = ahead;
        readAhead();
        return event;
    }

    @Override
    public Instant nextTime() {
        return ahead == null ? null : ahead.at();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
