package io.solbot.core.execution;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which rotated segments of the {@link ExecutionLog} may go.
 *
 * <p>Retention. A segment goes only when no order still journalled may need its outcome. With a retention hook (the
 * submission time of the oldest order intent still journalled anywhere, see {@code
 * PaperExecutor.Builder.retainOutcomesSince}), the oldest segments go whose newest line was submitted before that
 * time and not on the UTC day of the newest line written (the daily trade count reads the day's orders back at boot).
 * Without one, segments are only dropped beyond {@code maxSegments}, with a WARN. Before a segment is deleted, the
 * newest submission time of what goes is written to {@code <name>.horizon}: an order submitted at or before that time
 * that no segment holds may have been in one that went, and is {@linkplain ExecutionLog#mayHaveDropped unknown}, not "never
 * reached".
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLog.class);

    private Retention() {}

    /**
     * The oldest of {@code candidates} (rotated segments, oldest first) that no order still journalled may need:
     * with a retention hook, those whose newest line was submitted before the oldest open intent and not on the UTC
     * day of {@code newest}; without one, all but the newest {@code maxSegments}. Empty when the hook fails.
     */
    static List<LogSegment> dropped(
            List<LogSegment> candidates,
            Supplier<Optional<Instant>> oldestOpenIntent,
            Instant newest,
            int maxSegments,
            Path file) {
        List<LogSegment> going = new ArrayList<>();
        if (oldestOpenIntent != null) {
            Optional<Instant> oldest;
            try {
                oldest = oldestOpenIntent.get();
            } catch (RuntimeException e) {
                log.warn(
                        "The paper execution log {} keeps every segment this time: the oldest open order intent could"
                                + " not be told ({})",
                        file,
                        e.toString());
                return List.of();
            }
            for (LogSegment s : candidates) {
                boolean needed = s.newest != null
                        && (oldest.isPresent() && !s.newest.isBefore(oldest.get()) || sameDay(s.newest, newest));
                if (needed) {
                    break;
                }
                going.add(s);
            }
            if (candidates.size() - going.size() > maxSegments) {
                log.warn(
                        "The paper execution log {} keeps {} segments: an order intent journalled at {} is still"
                                + " open, and its outcome may be in any of them",
                        file,
                        candidates.size() - going.size(),
                        oldest.map(Instant::toString).orElse("?"));
            }
        } else {
            for (int i = 0; i < candidates.size() - maxSegments; i++) {
                going.add(candidates.get(i));
            }
            if (!going.isEmpty()) {
                log.warn(
                        "The paper execution log {} drops {} segment(s) beyond {} without knowing whether an order"
                                + " still journalled needs them; give the executor a retention hook"
                                + " (PaperExecutor.Builder.retainOutcomesSince) so that it knows",
                        file,
                        going.size(),
                        maxSegments);
            }
        }
        return going;
    }

    static boolean sameDay(Instant a, Instant b) {
        return b != null
                && a.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
