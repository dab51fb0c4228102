package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import jakarta.validation.constraints.Pattern;

/**
 * Duplicate-send protection: an intent is remembered {@code ttlSec} seconds (at least 1), keyed with {@code salt}
 * (not blank when given); {@code resumeFromLast} resumes an interrupted send.
 */
public record Idempotency(
        @Between(min = "1", unit = "seconds") Integer ttlSec,

        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank (leave it out for no salt)")
        String salt,

        Boolean resumeFromLast) {}
