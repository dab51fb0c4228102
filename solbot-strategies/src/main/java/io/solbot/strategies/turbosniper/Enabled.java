package io.solbot.strategies.turbosniper;

/**
 * What the turbo sniper's switchable groups share: the original read them only when {@code enabled: true}, so their
 * fields are required only then.
 */
final class Enabled {
    /** The tail of a "required" message for a field a group needs when it is on. */
    static final String WHEN_ENABLED = "when enabled is true";

    private Enabled() {}

    /** Whether a switch is on: given and true. */
    static boolean on(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
