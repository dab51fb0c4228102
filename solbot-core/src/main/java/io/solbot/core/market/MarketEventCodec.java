package io.solbot.core.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded form of {@link MarketEvent}s: one JSON object per line, {@code "t"} in epoch milliseconds, {@code
 * "e"} the kind ({@code listed}, {@code swap}, {@code reprice}, {@code rug}), raw amounts as decimal strings (u64
 * does not fit every JSON reader's numbers), prices as decimal strings. Fields may come in any order; unknown fields
 * are errors. Not thread-safe: one codec per reader or writer.
 */
final class MarketEventCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Mints seen before: parsing and checking a base58 address costs more than the rest of a line. */
    private final Map<String, Mint> mints = new HashMap<>();

    void write(MarketEvent event, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeNumberField("t", event.at().toEpochMilli());
            switch (event) {
                case MarketEvent.TokenListed e -> {
                    g.writeStringField("e", "listed");
                    g.writeStringField("mint", e.mint().address());
                    g.writeStringField("symbol", e.symbol());
                    g.writeNumberField("decimals", e.decimals());
                    g.writeNumberField("sol", e.solReserve().value());
                    g.writeStringField("tokens", e.tokenReserve().raw().toString());
                    g.writeNumberField("feeBps", e.feeBps());
                    g.writeStringField("mintAuthority", e.authorities().mintAuthority());
                    g.writeStringField("freezeAuthority", e.authorities().freezeAuthority());
                    g.writeBooleanField("sellable", e.sellable());
                    g.writeArrayFieldStart("holders");
                    for (Holder h : e.holders()) {
                        g.writeStartObject();
                        g.writeStringField("owner", h.owner());
                        g.writeStringField("amount", h.amount().raw().toString());
                        if (h.pool()) {
                            g.writeBooleanField("pool", true);
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                case MarketEvent.Swapped e -> {
                    g.writeStringField("e", "swap");
                    g.writeStringField("mint", e.mint().address());
                    g.writeStringField("side", e.side().name());
                    g.writeStringField("in", e.amountIn().toString());
                }
                case MarketEvent.Repriced e -> {
                    g.writeStringField("e", "reprice");
                    g.writeStringField("mint", e.mint().address());
                    g.writeStringField("price", e.price().value().toPlainString());
                }
                case MarketEvent.LiquidityPulled e -> {
                    g.writeStringField("e", "rug");
                    g.writeStringField("mint", e.mint().address());
                    g.writeNumberField("removedBps", e.removedBps());
                }
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** @throws IllegalArgumentException if {@code line} is not one well-formed event */
    MarketEvent read(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            return read(p, p.nextToken());
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A parser for a whole recording: one root-level object after another. */
    static JsonParser parser(Reader in) throws IOException {
        return JSON.createParser(in);
    }

    /**
     * Reads the event that starts at {@code first}, the parser's current token.
     *
     * @throws IllegalArgumentException if it is not one well-formed event
     * @throws IOException if the JSON is malformed or cannot be read
     */
    MarketEvent read(JsonParser p, JsonToken first) throws IOException {
        expect(first, JsonToken.START_OBJECT, "an object");
        Long t = null;
        String kind = null;
        String mint = null;
        String symbol = null;
        Integer decimals = null;
        Long sol = null;
        String tokens = null;
        Integer feeBps = null;
        String mintAuthority = null;
        String freezeAuthority = null;
        Boolean sellable = null;
        List<Holder> holders = null;
        List<String[]> rawHolders = null;
        String side = null;
        String in = null;
        String price = null;
        Integer removedBps = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "t" -> t = p.getLongValue();
                case "e" -> kind = p.getText();
                case "mint" -> mint = p.getText();
                case "symbol" -> symbol = p.getText();
                case "decimals" -> decimals = p.getIntValue();
                case "sol" -> sol = p.getLongValue();
                case "tokens" -> tokens = p.getText();
                case "feeBps" -> feeBps = p.getIntValue();
                case "mintAuthority" -> mintAuthority = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "freezeAuthority" -> freezeAuthority = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "sellable" -> sellable = p.getBooleanValue();
                case "holders" -> rawHolders = readHolders(p, value);
                case "side" -> side = p.getText();
                case "in" -> in = p.getText();
                case "price" -> price = p.getText();
                case "removedBps" -> removedBps = p.getIntValue();
                default -> throw new IllegalArgumentException("unknown field '" + field + "'");
            }
        }
        Instant at = Instant.ofEpochMilli(required(t, "t"));
        Mint m = mint(required(mint, "mint"));
        return switch (required(kind, "e")) {
            case "listed" -> {
                int dec = required(decimals, "decimals");
                holders = new ArrayList<>();
                if (rawHolders != null) {
                    for (String[] h : rawHolders) {
                        holders.add(new Holder(
                                h[0], new TokenAmount(new BigInteger(h[1]), dec), Boolean.parseBoolean(h[2])));
                    }
                }
                yield new MarketEvent.TokenListed(
                        at,
                        m,
                        required(symbol, "symbol"),
                        dec,
                        Lamports.of(required(sol, "sol")),
                        new TokenAmount(new BigInteger(required(tokens, "tokens")), dec),
                        required(feeBps, "feeBps"),
                        new Authorities(mintAuthority, freezeAuthority),
                        required(sellable, "sellable"),
                        holders);
            }
            case "swap" ->
                new MarketEvent.Swapped(at, m, Side.valueOf(required(side, "side")), integer(required(in, "in")));
            case "reprice" -> new MarketEvent.Repriced(at, m, new Price(new BigDecimal(required(price, "price"))));
            case "rug" -> new MarketEvent.LiquidityPulled(at, m, required(removedBps, "removedBps"));
            default -> throw new IllegalArgumentException("unknown event kind '" + kind + "'");
        };
    }

    private static List<String[]> readHolders(JsonParser p, JsonToken value) throws IOException {
        expect(value, JsonToken.START_ARRAY, "an array of holders");
        List<String[]> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String[] h = {null, null, "false"};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "owner" -> h[0] = p.getText();
                    case "amount" -> h[1] = p.getText();
                    case "pool" -> h[2] = String.valueOf(p.getBooleanValue());
                    default -> throw new IllegalArgumentException("unknown holder field '" + field + "'");
                }
            }
            required(h[0], "holders[].owner");
            required(h[1], "holders[].amount");
            out.add(h);
        }
        return out;
    }

    /** Parses a decimal integer; most fit a long, which is much quicker to parse. */
    private static BigInteger integer(String text) {
        return text.length() <= 18 ? BigInteger.valueOf(Long.parseLong(text)) : new BigInteger(text);
    }

    private Mint mint(String address) {
        Mint m = mints.get(address);
        if (m == null) {
            m = Mint.of(address);
            mints.put(address, m);
        }
        return m;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + ", found " + actual);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }
}
