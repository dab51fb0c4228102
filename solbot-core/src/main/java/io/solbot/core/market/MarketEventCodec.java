package io.solbot.core.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.solana.account.MalformedAccountException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The recorded form of {@link MarketEvent}s: one JSON object per line, {@code "t"} in epoch milliseconds, {@code
 * "e"} the kind ({@code listed}, {@code swap}, {@code reprice}, {@code rug}), raw amounts as decimal strings (u64
 * does not fit every JSON reader's numbers), prices as decimal strings. A swap names its trader in {@code "by"} only
 * when it has one, so recordings made before swaps could name one read, and write, as they were. Fields may come in
 * any order; unknown fields are errors. Not thread-safe: one codec per reader or writer.
 */
final class MarketEventCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Mints seen before: parsing and checking a base58 address costs more than the rest of a line. */
    private final Map<Integer, Mint> mintsByHash = new HashMap<>();

    private static final List<String> KINDS = List.of("listed", "swap", "reprice", "rug");
    private static final List<String> SIDES = List.of("BUY", "SELL");

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
                    if (!e.extensions().isEmpty()) {
                        g.writeArrayFieldStart("extensions");
                        for (Extension x : e.extensions()) {
                            g.writeStartObject();
                            g.writeNumberField("type", x.number());
                            g.writeStringField("value", HexFormat.of().formatHex(x.value()));
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                }
                case MarketEvent.Swapped e -> {
                    g.writeStringField("e", "swap");
                    g.writeStringField("mint", e.mint().address());
                    g.writeStringField("side", e.side().name());
                    g.writeStringField("in", e.amountIn().toString());
                    if (e.trader() != null) {
                        g.writeStringField("by", e.trader());
                    }
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

    /** A parser for a whole recording in UTF-8. */
    static JsonParser parser(InputStream in) throws IOException {
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
        Mint mint = null;
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
        List<Extension> extensions = List.of();
        String side = null;
        BigInteger in = null;
        String by = null;
        String price = null;
        Integer removedBps = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "t" -> t = p.getLongValue();
                case "e" -> kind = known(p, KINDS);
                case "mint" -> mint = mint(p);
                case "symbol" -> symbol = p.getText();
                case "decimals" -> decimals = p.getIntValue();
                case "sol" -> sol = p.getLongValue();
                case "tokens" -> tokens = p.getText();
                case "feeBps" -> feeBps = p.getIntValue();
                case "mintAuthority" -> mintAuthority = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "freezeAuthority" -> freezeAuthority = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "sellable" -> sellable = p.getBooleanValue();
                case "holders" -> rawHolders = readHolders(p, value);
                case "extensions" -> extensions = readExtensions(p, value);
                case "side" -> side = known(p, SIDES);
                case "in" -> in = integer(p);
                case "by" -> by = p.getText();
                case "price" -> price = p.getText();
                case "removedBps" -> removedBps = p.getIntValue();
                default -> throw new IllegalArgumentException("unknown field '" + field + "'");
            }
        }
        Instant at = Instant.ofEpochMilli(required(t, "t"));
        Mint m = required(mint, "mint");
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
                        holders,
                        extensions);
            }
            case "swap" -> new MarketEvent.Swapped(at, m, Side.valueOf(required(side, "side")), required(in, "in"), by);
            case "reprice" -> new MarketEvent.Repriced(at, m, new Price(new BigDecimal(required(price, "price"))));
            case "rug" -> new MarketEvent.LiquidityPulled(at, m, required(removedBps, "removedBps"));
            default -> throw new IllegalArgumentException("unknown event kind '" + kind + "'");
        };
    }

    private static List<Extension> readExtensions(JsonParser p, JsonToken value) throws IOException {
        expect(value, JsonToken.START_ARRAY, "an array of extensions");
        List<Extension> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Integer type = null;
            String hex = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "type" -> type = p.getIntValue();
                    case "value" -> hex = p.getText();
                    default -> throw new IllegalArgumentException("unknown extension field '" + field + "'");
                }
            }
            try {
                out.add(Extension.decode(
                        required(type, "extensions[].type"),
                        HexFormat.of().parseHex(required(hex, "extensions[].value"))));
            } catch (MalformedAccountException e) {
                throw new IllegalArgumentException("extensions[]: " + e.getMessage(), e);
            }
        }
        return out;
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

    /**
     * The current string value as one of {@code known} (no copy when it matches, and the recording has only a few
     * kinds of value), or the text itself.
     */
    private static String known(JsonParser p, List<String> known) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (String k : known) {
            if (sameChars(k, chars, offset, length)) {
                return k;
            }
        }
        return p.getText();
    }

    /** The current string value as a decimal integer; most fit a long, which is much quicker to parse. */
    private static BigInteger integer(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == 0 || length > 18) {
            return new BigInteger(p.getText());
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("'" + p.getText() + "' is not a decimal integer");
            }
            value = value * 10 + digit;
        }
        return BigInteger.valueOf(value);
    }

    /**
     * The current string value as a mint, from the mints seen before when it is one of them: found by a hash of the
     * parser's characters and checked character by character, so that a known mint costs no copy and no base58.
     */
    private Mint mint(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        Mint known = mintsByHash.get(hash);
        if (known != null && sameChars(known.address(), chars, offset, length)) {
            return known;
        }
        Mint parsed = Mint.of(p.getText());
        mintsByHash.putIfAbsent(hash, parsed);
        return parsed;
    }

    private static boolean sameChars(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
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
