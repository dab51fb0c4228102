package io.solbot.core.safety;

import java.util.Objects;

/**
 * What one {@link SafetyCheck} found. The {@code weight} says how much the finding counts towards a verdict's risk
 * score: a failure adds it whole, a warning half of it (rounded down), a pass nothing. Immutable.
 *
 * @param outcome pass, warn or fail
 * @param reason what was found, for people: names the values and the limits ("the top holder has 62.50 % of the
 *     circulating supply, more than 50.00 %")
 * @param weight 0 to 100
 */
public record CheckResult(Outcome outcome, String reason, int weight) {
    /** How a check came out. */
    public enum Outcome {
        PASS,
        WARN,
        FAIL
    }

    /** @throws IllegalArgumentException if the weight is outside 0..100 or the reason is blank */
    public CheckResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a check result needs a reason");
        }
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight must be between 0 and 100, but was " + weight);
        }
    }

    /** A pass: nothing risky found. */
    public static CheckResult pass(String reason) {
        return new CheckResult(Outcome.PASS, reason, 0);
    }

    /** A warning that adds half of {@code weight} to the risk score. */
    public static CheckResult warn(String reason, int weight) {
        return new CheckResult(Outcome.WARN, reason, weight);
    }

    /** A failure that adds {@code weight} to the risk score. */
    public static CheckResult fail(String reason, int weight) {
        return new CheckResult(Outcome.FAIL, reason, weight);
    }

    /** What this result adds to a risk score: the weight for a failure, half of it (rounded down) for a warning. */
    public int risk() {
        return switch (outcome) {
            case PASS -> 0;
            case WARN -> weight / 2;
            case FAIL -> weight;
        };
    }
}
