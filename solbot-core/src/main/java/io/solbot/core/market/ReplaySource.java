package io.solbot.core.market;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Events read lazily from a recording (JSON lines) with one streaming parser, one event ahead. */
final class ReplaySource implements EventSource {
    private final JsonParser parser;
    private final MarketEventCodec codec = new MarketEventCodec();
    private MarketEvent ahead;
    private Instant last;

    ReplaySource(Reader reader) {
        try {
            this.parser = MarketEventCodec.parser(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the market recording", e);
        }
        readAhead();
    }

    ReplaySource(InputStream utf8) {
        try {
            this.parser = MarketEventCodec.parser(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the market recording", e);
        }
        readAhead();
    }

    private void readAhead() {
        long line = 0;
        try {
            JsonToken first = parser.nextToken();
            line = parser.currentTokenLocation().getLineNr();
            if (first == null) {
                ahead = null;
                return;
            }
            ahead = codec.read(parser, first);
        } catch (IOException | RuntimeException e) {
            if (line == 0) {
                line = parser.currentLocation().getLineNr();
            }
            throw new IllegalArgumentException("market recording, line " + line + ": " + e.getMessage(), e);
        }
        if (last != null && ahead.at().isBefore(last)) {
            throw new IllegalArgumentException(
                    "market recording, line " + line + ": the event at " + ahead.at() + " comes after one at " + last);
        }
        last = ahead.at();
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
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
