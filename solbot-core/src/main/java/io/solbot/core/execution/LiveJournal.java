package io.solbot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.OrderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live executor's own durable record, one JSON line per event, each forced to disk before the executor acts on
 * it: a signed transaction's attempt (its signature, blockhash and last valid block height) before it is sent, the expiry of an
 * attempt that never landed, and an order's outcome. A new executor on the same file answers {@code resolve} from it:
 * an order without an attempt was never sent; an attempt's signature is looked up on chain.
 *
 * <p>Line format: {@code {"type":"attempt"|"expired"|"outcome","orderId",...}}; an outcome line carries an {@link
 * ExecutionLine}; an attempt's {@code recentBlockhash} is null in lines written before it was recorded. A last line cut short by a crash is ignored (its event had not happened: nothing acts before the
 * line is on disk).
 *
 * <p>Thread-safe; one executor per file (the lock file next to it).
 */
final class LiveJournal implements AutoCloseable {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One line. Fields other than the type's are null. */
    record Line(
            String type,
            String orderId,
            Integer attempt,
            String signature,
            String recentBlockhash,
            Long lastValidBlockHeight,
            String inputMint,
            String outputMint,
            String amountIn,
            String quotedOut,
            String minimumOut,
            ExecutionLine outcome) {
        static Line attempt(
                OrderId order,
                int attempt,
                String signature,
                String recentBlockhash,
                long lastValid,
                String in,
                String out,
                String amountIn,
                String quotedOut,
                String minimumOut) {
            return new Line(
                    "attempt",
                    order.value(),
                    attempt,
                    signature,
                    recentBlockhash,
                    lastValid,
                    in,
                    out,
                    amountIn,
                    quotedOut,
                    minimumOut,
                    null);
        }

        static Line expired(OrderId order, String signature) {
            return new Line("expired", order.value(), null, signature, null, null, null, null, null, null, null, null);
        }

        static Line outcome(SwapOrder order, SwapOutcome outcome) {
            return new Line(
                    "outcome",
                    order.orderId().value(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ExecutionLine.of(order, outcome));
        }
    }

    /** What the journal holds of one order. */
    static final class Order {
        final List<Line> attempts = new ArrayList<>();
        final List<String> expired = new ArrayList<>();
        SwapOutcome outcome;
    }

    private final Path file;
    private final FileChannel lock;
    private final FileChannel channel;
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, String> orderOfSignature = new HashMap<>();

    LiveJournal(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path lockFile = parent.resolve(file.getFileName() + ".lock");
            this.lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (lock.tryLock() == null) {
                lock.close();
                throw new SolbotException("The live execution journal " + file + " is in use by another executor");
            }
            long good = read();
            boolean created = !Files.exists(file);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(good);
            channel.position(good);
            channel.force(true);
            if (created) {
                // a new file's name is in its directory only once the directory is on disk too
                forceDirectory(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the live execution journal " + file, e);
        }
    }

    /** Forces {@code directory}'s entries to disk where the platform can (not on Windows, where it cannot be opened). */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /** Reads every whole line; returns the length of the whole lines, after which a cut-short line is dropped. */
    private long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNumber++;
            String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            try {
                apply(JSON.readValue(text, Line.class));
            } catch (JsonProcessingException e) {
                throw new SolbotException("The live execution journal " + file + " has an unreadable line " + lineNumber
                        + ": " + e.getOriginalMessage());
            }
            start = i + 1;
        }
        return start;
    }

    private void apply(Line line) {
        Order order = orders.computeIfAbsent(line.orderId(), id -> new Order());
        switch (line.type()) {
            case "attempt" -> {
                order.attempts.add(line);
                orderOfSignature.put(line.signature(), line.orderId());
            }
            case "expired" -> order.expired.add(line.signature());
            case "outcome" -> order.outcome = line.outcome().outcome();
            default ->
                throw new SolbotException(
                        "The live execution journal " + file + " has a line of unknown type " + line.type());
        }
    }

    /** Writes {@code line} and forces it to disk, then takes it into memory. */
    synchronized void append(Line line) {
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the live execution journal " + file, e);
        }
        apply(line);
    }

    /**
     * Appends {@code attempt} unless an attempt with its signature is journalled already, in one step: two orders
     * whose transactions are the same bytes cannot both pass.
     *
     * @return empty if appended, else the order that journalled the signature first
     */
    synchronized Optional<String> appendAttemptIfNew(Line attempt) {
        if (!"attempt".equals(attempt.type())) {
            throw new IllegalArgumentException("not an attempt: " + attempt.type());
        }
        String twin = orderOfSignature.get(attempt.signature());
        if (twin != null) {
            return Optional.of(twin);
        }
        append(attempt);
        return Optional.empty();
    }

    synchronized Optional<Order> order(OrderId id) {
        return Optional.ofNullable(orders.get(id.value()));
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
