package io.solbot.core.config;

import java.util.Objects;
import java.util.Set;

/**
 * Which token safety checks guard a bot's buys: none when {@code enabled} is false, otherwise every check the engine
 * has except those named in {@code off} (by check id, for example {@code "top-holders"}). Immutable.
 *
 * @param enabled false switches every check off
 * @param off the ids of the checks switched off
 */
public record SafetyChoice(boolean enabled, Set<String> off) {
    /** Every check on: the choice of a config that says nothing about safety. */
    public static final SafetyChoice ALL = new SafetyChoice(true, Set.of());

    /** Every check off. */
    public static final SafetyChoice NONE = new SafetyChoice(false, Set.of());

    public SafetyChoice {
        off = Set.copyOf(Objects.requireNonNull(off, "off"));
    }

    /** Whether the check with id {@code checkId} runs. */
    public boolean runs(String checkId) {
        return enabled && !off.contains(checkId);
    }
}
