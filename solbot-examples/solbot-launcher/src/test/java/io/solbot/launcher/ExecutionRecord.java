package io.solbot.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the paper executor's execution log says was executed: the stand-in for the chain that the fault-injection
 * tests check the database against. Read from every segment still on disk, oldest first, then the current file. Every
 * line must read: the launcher that opened the log last cut off a line a crash left torn, so anything else unreadable
 * is damage.
 */
final class ExecutionRecord {
    /** One order's outcome as a line holds it, and when the order was submitted (null if the line does not say). */
    record Order(String orderId, String botId, List<Fill> fills, Failure failure, Instant submittedAt) {}

    /** A fill: its key ({@code orderId#part}), and what it did to the bot's holding of its mint. */
    record Fill(String key, String mint, boolean buy, BigInteger tokens) {}

    /** A failure and what it paid. */
    record Failure(String stage, long feeLamports, long tipLamports) {}

    /** Every line in the order written, orders executed twice included. */
    private final List<Order> lines;

    private ExecutionRecord(List<Order> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads the log whose current file is {@code log} ({@code runtime/paper/executions.jsonl}). */
    static ExecutionRecord read(Path log) throws IOException {
        return read(log, false);
    }

    /**
     * Reads the log of a launcher that still runs, or was killed and not started again: the last line of its current
     * file may be cut short (an append under way, or one the kill interrupted: its order returned no outcome), and is
     * left out if it is. No file yet reads as no orders.
     */
    static ExecutionRecord readUnfinished(Path log) throws IOException {
        if (!Files.exists(log)) {
            return new ExecutionRecord(List.of());
        }
        return read(log, true);
    }

    private static ExecutionRecord read(Path log, boolean lastMayBeTorn) throws IOException {
        List<Path> files = new ArrayList<>(segments(log));
        files.add(log);
        ObjectMapper json = new ObjectMapper();
        List<Order> lines = new ArrayList<>();
        for (Path file : files) {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(text.get(i));
                } catch (IOException e) {
                    if (lastMayBeTorn && file.equals(log) && i == text.size() - 1) {
                        break;
                    }
                    throw new AssertionError("line " + (i + 1) + " of " + file + " cannot be read: " + e.getMessage());
                }
                lines.add(order(node));
            }
        }
        return new ExecutionRecord(lines);
    }

    /** The numbered segments beside {@code log}, oldest (lowest number) first. */
    static List<Path> segments(Path log) throws IOException {
        String segment = java.util.regex.Pattern.quote(log.getFileName().toString()) + "\\.[0-9]+";
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches(segment))
                    .sorted(Comparator.comparingLong(f -> {
                        String name = f.getFileName().toString();
                        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
                    }))
                    .toList();
        }
    }

    private static Order order(JsonNode node) {
        String orderId = node.get("orderId").asText();
        List<Fill> fills = new ArrayList<>();
        for (JsonNode f : node.get("fills")) {
            boolean buy = f.get("side").asText().equals("BUY");
            fills.add(new Fill(
                    orderId + "#" + f.get("part").asInt(),
                    f.get("mint").asText(),
                    buy,
                    new BigInteger(f.get(buy ? "amountOut" : "amountIn").asText())));
        }
        JsonNode failure = node.get("failure");
        Failure failed = failure == null || failure.isNull()
                ? null
                : new Failure(
                        failure.get("stage").asText(),
                        failure.path("feeLamports").asLong(0),
                        failure.path("tipLamports").asLong(0));
        JsonNode submitted = node.get("submittedAt");
        Instant submittedAt = submitted == null || submitted.isNull() ? null : Instant.parse(submitted.asText());
        return new Order(orderId, node.get("botId").asText(), fills, failed, submittedAt);
    }

    /** The same record without the orders of {@code orderIds} (an operator discarded the lockfiles that held them). */
    ExecutionRecord without(Set<String> orderIds) {
        return new ExecutionRecord(
                lines.stream().filter(o -> !orderIds.contains(o.orderId())).toList());
    }

    /** Every line, in the order written: an order executed twice is in it twice. */
    List<Order> lines() {
        return lines;
    }

    /** Every order, once, by id, in the order first written. */
    Map<String, Order> orders() {
        Map<String, Order> orders = new LinkedHashMap<>();
        lines.forEach(o -> orders.putIfAbsent(o.orderId(), o));
        return orders;
    }

    /** Ids of orders with more than one line: executed twice. */
    Set<String> executedTwice() {
        Map<String, Integer> count = new HashMap<>();
        lines.forEach(o -> count.merge(o.orderId(), 1, Integer::sum));
        count.values().removeIf(n -> n == 1);
        return count.keySet();
    }

    /** Every fill's key. */
    Set<String> fills() {
        Set<String> keys = new java.util.HashSet<>();
        lines.forEach(o -> o.fills().forEach(f -> keys.add(f.key())));
        return keys;
    }

    /** The failed orders: order id to failure. */
    Map<String, Failure> failures() {
        Map<String, Failure> failures = new TreeMap<>();
        lines.stream().filter(o -> o.failure() != null).forEach(o -> failures.put(o.orderId(), o.failure()));
        return failures;
    }

    /** What each bot holds of each mint ({@code bot/mint}) after every fill, holdings of zero left out. */
    Map<String, BigInteger> held() {
        Map<String, BigInteger> held = new TreeMap<>();
        for (Order o : orders().values()) {
            for (Fill f : o.fills()) {
                held.merge(
                        o.botId() + "/" + f.mint(),
                        f.buy() ? f.tokens() : f.tokens().negate(),
                        BigInteger::add);
            }
        }
        held.values().removeIf(v -> v.signum() == 0);
        return held;
    }

    /** Per bot, the buys that filled (in whole or in part): the trades it opened. */
    Map<String, Integer> trades() {
        Map<String, Integer> trades = new TreeMap<>();
        for (Order o : orders().values()) {
            if (o.fills().stream().anyMatch(Fill::buy)) {
                trades.merge(o.botId(), 1, Integer::sum);
            }
        }
        return trades;
    }

    int size() {
        return orders().size();
    }
}
