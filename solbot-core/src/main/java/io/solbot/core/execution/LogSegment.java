package io.solbot.core.execution;

import java.nio.file.Path;
import java.time.Instant;

/** A segment file of the execution log and what its lines hold: how many, and the newest submission time. */
final class LogSegment {
    int number;
    Path path;
    int lines;
    /** Null while the segment holds no line. */
    Instant newest;

    LogSegment(int number, Path path) {
        this.number = number;
        this.path = path;
    }

    /** The later of two times, either of which may be null. */
    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
