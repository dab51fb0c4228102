package io.solbot.core.internal;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places where a test may make this process die, to prove that what it wrote to disk and to the database up to
 * there is enough to recover from. The system property {@code solbot.crash} arms one point: {@code
 * -Dsolbot.crash=after-append:3} halts the JVM ({@link Runtime#halt}, no shutdown hooks, no flush: as a power loss or
 * SIGKILL would end it) at the third time any thread reaches {@code hit("after-append")}; {@code after-append} alone
 * means the first time. The point's name and the hit are printed to standard error first, for the test to read.
 *
 * <p>Why this is safe to leave in production code: the property is read once, when this class is loaded; without it
 * {@link #hit} reads one static final field, finds it null and returns (the JIT folds it away), so nothing can halt a
 * process that was not started with the property. An armed process is a test's.
 *
 * <p>The points, in the order an order's life meets them:
 *
 * <ul>
 *   <li>{@code after-intent}: the order's intent is journalled, the order not yet sent to the executor.
 *   <li>{@code after-live-intent}: the live executor journalled a signed transaction, not yet sent.
 *   <li>{@code after-live-send}: the live executor sent a transaction, its outcome not yet known.
 *   <li>{@code after-append}: the paper executor's log line of an outcome is on disk, the outcome not yet returned.
 *   <li>{@code after-rotate}: the paper executor's log rotated to a new segment, old segments not yet dropped.
 *   <li>{@code after-commit}: the fill store committed fills, their callers not yet told.
 *   <li>{@code mid-recovery-resolve}: the engine learned the outcome of an order that was unknown (found in flight by
 *       a recovery, or whose executor threw) and has not settled it yet.
 *   <li>{@code after-temp-fsync}: a lockfile's new content is on disk in its temporary file, not yet renamed.
 *   <li>{@code after-rename}: a lockfile's temporary file is renamed over it, the directory not yet forced.
 * </ul>
 */
public final class CrashPoints {
    /** The system property that arms a point: {@code NAME} or {@code NAME:N}. */
    public static final String PROPERTY = "solbot.crash";

    /** The exit status of a process halted at a point: distinct from a normal exit, a kill or an uncaught error. */
    public static final int HALT_STATUS = 86;

    /** Every point's name: the setting must name one of them ({@link #hit} with another never halts). */
    public static final Set<String> POINTS = Set.of(
            "after-intent",
            "after-live-intent",
            "after-live-send",
            "after-append",
            "after-rotate",
            "after-commit",
            "mid-recovery-resolve",
            "after-temp-fsync",
            "after-rename");

    private static final Armed ARMED = Armed.parse(System.getProperty(PROPERTY));

    private CrashPoints() {}

    /** Halts the JVM if {@code point} is the armed one and this is its armed hit; else returns at once. */
    public static void hit(String point) {
        Armed armed = ARMED;
        if (armed != null) {
            armed.hit(point);
        }
    }

    /** An armed point: its name, the hit that halts, and the hits so far. */
    record Armed(String point, int at, AtomicInteger hits) {
        /**
         * The point {@code setting} arms, or null if it is null or blank.
         *
         * @throws IllegalArgumentException if it names no point or a hit below 1: a test that arms a point it does
         *     not mean would otherwise pass without ever crashing
         */
        static Armed parse(String setting) {
            if (setting == null || setting.isBlank()) {
                return null;
            }
            String text = setting.strip();
            int colon = text.indexOf(':');
            String point = colon < 0 ? text : text.substring(0, colon);
            int at;
            try {
                at = colon < 0 ? 1 : Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                at = 0;
            }
            if (!POINTS.contains(point) || at < 1) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + setting + " arms no crash point: write NAME"
                        + " or NAME:N (the N-th hit, from 1), NAME one of "
                        + POINTS.stream().sorted().toList());
            }
            return new Armed(point, at, new AtomicInteger());
        }

        void hit(String name) {
            if (!name.equals(point)) {
                return;
            }
            if (hits.incrementAndGet() == at) {
                System.err.println("solbot: crash point " + point + " hit " + at + " time(s): halting");
                System.err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }
    }
}
