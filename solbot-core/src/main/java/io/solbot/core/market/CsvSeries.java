package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a scripted price series (see {@link SimulatedMarket#scripted(Reader)}) into market events. */
final class CsvSeries {
    private static final Set<String> KNOWN =
            Set.of("time", "mint", "price", "solreserve", "decimals", "symbol", "feebps");

    private CsvSeries() {}

    private record Row(int line, Instant at, Mint mint, Price price, Map<String, String> extra) {}

    static List<MarketEvent> parse(Reader csv) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("the price series is empty: it needs a header time,mint,price");
            }
            String[] columns = header.split(",", -1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                String name = columns[i].trim().toLowerCase(Locale.ROOT);
                if (!KNOWN.contains(name)) {
                    throw new IllegalArgumentException("line 1: unknown column '" + columns[i].trim()
                            + "'; the columns are time, mint, price, solReserve, decimals, symbol, feeBps");
                }
                index.put(name, i);
            }
            for (String required : List.of("time", "mint", "price")) {
                if (!index.containsKey(required)) {
                    throw new IllegalArgumentException("line 1: the header has no '" + required + "' column");
                }
            }
            String text;
            int line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != columns.length) {
                    throw new IllegalArgumentException(
                            "line " + line + ": expected " + columns.length + " values, but found " + cells.length);
                }
                Map<String, String> extra = new HashMap<>();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    extra.put(e.getKey(), cells[e.getValue()].trim());
                }
                rows.add(new Row(
                        line,
                        time(line, extra.get("time")),
                        cell(line, "mint", extra.get("mint"), Mint::of),
                        cell(line, "price", extra.get("price"), CsvSeries::price),
                        extra));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price series", e);
        }
        rows.sort(Comparator.comparing(Row::at)); // stable: rows at the same time keep their order
        List<MarketEvent> events = new ArrayList<>(rows.size());
        Set<Mint> seen = new HashSet<>();
        for (Row row : rows) {
            if (seen.add(row.mint())) {
                events.add(listing(row));
            } else {
                events.add(new MarketEvent.Repriced(row.at(), row.mint(), row.price()));
            }
        }
        return events;
    }

    private static MarketEvent listing(Row row) {
        int line = row.line();
        String decimalsText = row.extra().getOrDefault("decimals", "");
        int decimals = decimalsText.isEmpty() ? 6 : cell(line, "decimals", decimalsText, Integer::parseInt);
        String solText = row.extra().getOrDefault("solreserve", "");
        Lamports sol = solText.isEmpty() ? Lamports.ofSol("100") : cell(line, "solReserve", solText, Lamports::ofSol);
        String feeText = row.extra().getOrDefault("feebps", "");
        int feeBps = feeText.isEmpty() ? 25 : cell(line, "feeBps", feeText, Integer::parseInt);
        String symbol = row.extra().getOrDefault("symbol", "");
        // tokens = sol / price, in raw units
        BigDecimal tokens = sol.toSol()
                .divide(row.price().value(), Pool.PRICE_MATH)
                .movePointRight(decimals)
                .setScale(0, RoundingMode.HALF_EVEN);
        if (tokens.signum() <= 0) {
            throw new IllegalArgumentException("line " + line + ": price " + row.price() + " with solReserve " + sol
                    + " leaves the pool no tokens");
        }
        try {
            return new MarketEvent.TokenListed(
                    row.at(),
                    row.mint(),
                    symbol.isEmpty() ? row.mint().address().substring(0, 4) : symbol,
                    decimals,
                    sol,
                    new TokenAmount(tokens.toBigIntegerExact(), decimals),
                    feeBps,
                    Authorities.RENOUNCED,
                    true,
                    List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        }
    }

    private static Instant time(int line, String text) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            Instant at = Instant.parse(text);
            if (at.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException("line " + line + ": time '" + text
                        + "' is finer than a millisecond, which a market event cannot hold");
            }
            return at;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "line " + line + ": time '" + text
                            + "' is neither an ISO-8601 instant (2026-01-01T00:00:00Z) nor epoch milliseconds",
                    e);
        }
    }

    /** A price of a pool, which is never zero: a drained pool has none. */
    private static Price price(String text) {
        Price price = Price.of(text);
        if (price.isZero()) {
            throw new IllegalArgumentException("a price must be greater than 0");
        }
        return price;
    }

    private static <T> T cell(int line, String column, String text, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "line " + line + ": " + column + " '" + text + "' is not valid: " + e.getMessage(), e);
        }
    }
}
