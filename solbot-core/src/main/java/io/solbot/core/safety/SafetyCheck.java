package io.solbot.core.safety;

/**
 * One token safety check: reads what it needs of a token through a {@link SafetyContext} and says pass, warn or fail,
 * with a reason and a weight ({@link CheckResult}). The built-in ones are {@link BuiltInChecks#all()}; a jar adds its
 * own by listing its class in {@code META-INF/services/io.solbot.core.safety.SafetyCheck} (or {@code provides} in its
 * module-info), and a {@link SafetyGate} built with {@link SafetyGate.Builder#discoverChecks()} finds it.
 *
 * <p>Threading: a gate runs checks off every bot's tick, several at once (different checks and tokens in parallel), so
 * an implementation is stateless or thread-safe. A check may block (a network read); the gate gives it a deadline,
 * and one that overruns it or throws fails closed unless the gate is told otherwise. A check never throws to say
 * "risky": it returns {@link CheckResult#fail}.
 */
public interface SafetyCheck {
    /**
     * The check's id, lower case with dashes ("mint-authority"): unique among a gate's checks, and the name a bot's
     * config switches it off by.
     */
    String id();

    /**
     * Checks the token of {@code token}.
     *
     * @throws RuntimeException if the check could not be made (no data, a malformed account, a network failure): the
     *     gate turns it into a failure or, when configured to fail open, a warning
     */
    CheckResult check(SafetyContext token);
}
