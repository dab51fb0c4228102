package io.solbot.core.execution;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.OrderId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a segment of the execution log, failing closed: only the last line written may be cut short by a crash
 * (it is cut off, with a WARN); any other line that cannot be read is damage, named with its file and number.
 */
final class LogSegments {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLog.class);

    private LogSegments() {}

    /**
     * Reads segment {@code s}: counts its lines, finds its newest submission time, hands each outcome to {@code
     * each}. If {@code lastMayBeCut}, an unreadable last line is cut off the file (opened through {@code opener}).
     */
    static void read(
            ExecutionLog.Opener opener, LogSegment s, boolean lastMayBeCut, BiConsumer<OrderId, SwapOutcome> each)
            throws IOException {
        byte[] bytes = Files.readAllBytes(s.path);
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean terminated = end >= 0;
            if (!terminated) {
                end = bytes.length;
            }
            number++;
            boolean last = !terminated || end + 1 == bytes.length;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                ExecutionLine line;
                SwapOutcome outcome;
                Instant submitted;
                try {
                    if (!terminated) {
                        throw new IOException("it does not end with a newline");
                    }
                    line = ExecutionLine.parse(text);
                    outcome = line.outcome();
                    submitted = line.submittedBy();
                } catch (IOException | RuntimeException e) {
                    if (last && lastMayBeCut) {
                        cut(opener, s.path, start, number, e);
                        return;
                    }
                    throw damaged(s.path, number, e);
                }
                each.accept(OrderId.of(line.orderId()), outcome);
                s.lines++;
                s.newest = LogSegment.later(s.newest, submitted);
            }
            start = end + 1;
        }
    }

    private static void cut(ExecutionLog.Opener opener, Path path, long at, int number, Exception why)
            throws IOException {
        try (FileChannel ch = opener.open(path, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ch.truncate(at);
            ch.force(true);
            log.warn(
                    "Line {} of the paper execution log {} was cut short by a crash ({}); removed its {} bytes: its"
                            + " order never returned an outcome",
                    number,
                    path,
                    firstLine(why),
                    size - at);
        }
    }

    private static SolbotException damaged(Path path, int number, Exception why) {
        return new SolbotException("Line " + number + " of the paper execution log " + path + " cannot be read ("
                + firstLine(why) + "). Only the last line can be cut short by a crash; this one is not the last, so"
                + " the log is damaged and the outcomes it holds cannot be trusted. Nothing was started: check the file"
                + " and repair or remove that line, then start again.");
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The outcome of {@code orderId} in the segment file {@code segment}, if it holds one. */
    static Optional<SwapOutcome> find(Path segment, OrderId orderId) throws IOException {
        // a plain text match first: a segment holds thousands of lines, and the id appears in its own only
        String needle = "\"orderId\":\"" + orderId.value() + "\"";
        try (BufferedReader lines = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
            String text;
            while ((text = lines.readLine()) != null) {
                if (text.contains(needle)) {
                    ExecutionLine line = ExecutionLine.parse(text);
                    if (line.orderId().equals(orderId.value())) {
                        return Optional.of(line.outcome());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
