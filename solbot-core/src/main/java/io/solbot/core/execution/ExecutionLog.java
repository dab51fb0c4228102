package io.solbot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.codec.FillJson;
import io.solbot.core.codec.OrderFailureJson;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper executor's own durable record of what it executed, as a chain would keep it: one JSON line per order
 * with its outcome, appended and fsynced before {@code execute} returns, and read back by a new process to resolve
 * orders a dead one sent. A last line cut short by a crash is ignored: its order never returned an outcome.
 *
 * <p>Line format: {@code {"orderId","botId","failure":OrderFailureJson|null,"fills":[FillJson...]}}, the failure and
 * the fills in {@link OrderFailureJson}'s and {@link FillJson}'s forms (amounts as decimal strings of raw units), the
 * forms the lockfiles keep too. Lines written by earlier versions still read: their fills and failure without the
 * order id (the line's stands in), their failure without its fee and tip (what a transaction that landed and reverted
 * paid; read as nothing, which is what those versions charged).
 *
 * <p>Bounded: after {@code rotateAfter} lines the file becomes {@code <name>.previous} (replacing the one before) and
 * a new file starts, so the log and the outcomes held in memory never exceed two files' worth. An order is only ever
 * resolved at the next boot, before any bot trades again, so the orders that matter are always in the newest file;
 * the previous one is kept for a margin and for whoever reads the record.
 *
 * <p>Thread-safe: appends are serialised.
 */
final class ExecutionLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLog.class);

    record Line(String orderId, String botId, OrderFailureJson failure, List<FillJson> fills) {}

    /** Lines per file before it is rotated: at most twice this many outcomes are held. */
    static final int DEFAULT_ROTATE_AFTER = 20_000;

    private final Path file;
    private final Path previousFile;
    private final int rotateAfter;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile Map<OrderId, SwapOutcome> outcomes = new ConcurrentHashMap<>();
    private volatile Map<OrderId, SwapOutcome> previousOutcomes = new ConcurrentHashMap<>();
    private FileChannel channel;
    private int lines;

    ExecutionLog(Path file) {
        this(file, DEFAULT_ROTATE_AFTER);
    }

    ExecutionLog(Path file, int rotateAfter) {
        if (rotateAfter < 1) {
            throw new IllegalArgumentException("rotateAfter must be at least 1, but was " + rotateAfter);
        }
        this.file = file;
        this.previousFile = file.resolveSibling(file.getFileName() + ".previous");
        this.rotateAfter = rotateAfter;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(previousFile)) {
                readAll(previousFile, previousOutcomes);
            }
            if (Files.exists(file)) {
                lines = readAll(file, outcomes);
            }
            this.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = channel.size();
            channel.position(size);
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                channel.read(last, size - 1);
                if (last.get(0) != '\n') {
                    // a line cut short by a crash: end it, so that the next line is not glued to it
                    channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the paper execution log " + file.toAbsolutePath(), e);
        }
    }

    /** The files that hold the record, oldest first. */
    List<Path> files() {
        return Files.exists(previousFile) ? List.of(previousFile, file) : List.of(file);
    }

    /** Every outcome the log holds, from both files, each order's once (the newer file's, should both hold it). */
    List<SwapOutcome> outcomes() {
        Map<OrderId, SwapOutcome> all = new HashMap<>(previousOutcomes);
        all.putAll(outcomes);
        return List.copyOf(all.values());
    }

    Optional<SwapOutcome> outcome(OrderId orderId) {
        SwapOutcome outcome = outcomes.get(orderId);
        return Optional.ofNullable(outcome != null ? outcome : previousOutcomes.get(orderId));
    }

    /** Appends the outcome of {@code order} and forces it to disk. */
    void append(SwapOrder order, SwapOutcome outcome) {
        byte[] bytes;
        try {
            bytes = (json.writeValueAsString(toLine(order, outcome)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the outcome of order " + order.orderId(), e);
        }
        synchronized (this) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not append order " + order.orderId() + " to the paper execution log " + file, e);
            }
            outcomes.put(order.orderId(), outcome);
            if (++lines >= rotateAfter) {
                rotate();
            }
        }
    }

    /**
     * The full file becomes the previous one, atomically, and an empty one takes its place. A crash in between leaves
     * either the old pair or the new previous file without a current one: both read back whole.
     */
    private void rotate() {
        try {
            channel.close();
            Files.move(file, previousFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rotate the paper execution log " + file, e);
        }
        previousOutcomes = outcomes;
        outcomes = new ConcurrentHashMap<>();
        lines = 0;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close the paper execution log {}: {}", file, e.toString());
        }
    }

    /** Reads {@code from} into {@code into}; returns its number of lines. */
    private int readAll(Path from, Map<OrderId, SwapOutcome> into) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            try {
                Line line = json.readValue(text, Line.class);
                into.putIfAbsent(OrderId.of(line.orderId()), toOutcome(line));
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "Line {} of the paper execution log {} cannot be read ({}); ignored: its order never returned",
                        i + 1,
                        from,
                        e.toString());
            }
        }
        return lines.size();
    }

    private static Line toLine(SwapOrder order, SwapOutcome outcome) {
        return switch (outcome) {
            case SwapOutcome.Filled f -> line(order, null, f.fills());
            case SwapOutcome.Failed f -> line(order, OrderFailureJson.of(f.failure()), f.partialFills());
        };
    }

    private static Line line(SwapOrder order, OrderFailureJson failure, List<Fill> fills) {
        return new Line(
                order.orderId().value(),
                order.botId().value(),
                failure,
                fills.stream().map(FillJson::of).toList());
    }

    private static SwapOutcome toOutcome(Line line) {
        OrderId orderId = OrderId.of(line.orderId());
        BotId botId = BotId.of(line.botId());
        List<Fill> fills = new ArrayList<>();
        for (FillJson f : line.fills()) {
            fills.add(f.toFill(botId, orderId));
        }
        if (line.failure() == null) {
            return new SwapOutcome.Filled(fills);
        }
        return new SwapOutcome.Failed(line.failure().toFailure(orderId), fills);
    }
}
