package io.solbot.core.safety;

import io.solbot.core.domain.Mint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The checks' results for one token, combined: the risk score is the sum of what each result adds ({@link
 * CheckResult#risk()}: a failure its weight, a warning half of it), capped at 100; the decision refuses a buy when the
 * score reaches {@code maxRisk}. Exact integer arithmetic, so a verdict is the same on every run. Immutable.
 *
 * @param mint the token
 * @param items each check's id and result, in the order the checks were given
 * @param riskScore 0 (nothing found) to 100
 * @param maxRisk the score from which a buy is refused, 1 to 101 (101: never)
 * @param decision {@link Decision#REFUSE} when {@code riskScore >= maxRisk}
 * @param at when the oldest of the results was found
 */
public record SafetyVerdict(Mint mint, List<Item> items, int riskScore, int maxRisk, Decision decision, Instant at) {
    /** Whether a buy may go ahead. */
    public enum Decision {
        ALLOW,
        REFUSE
    }

    /** One check's result, under the check's id. */
    public record Item(String check, CheckResult result) {
        public Item {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(result, "result");
        }
    }

    /** @throws IllegalArgumentException if the score or the decision is not what the items and maxRisk make */
    public SafetyVerdict {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
        items = List.copyOf(items);
        if (maxRisk < 1 || maxRisk > 101) {
            throw new IllegalArgumentException("maxRisk must be between 1 and 101, but was " + maxRisk);
        }
        int score = score(items);
        if (riskScore != score) {
            throw new IllegalArgumentException("the items score " + score + ", not " + riskScore);
        }
        if (decision != decide(score, maxRisk)) {
            throw new IllegalArgumentException(
                    "a score of " + score + " against maxRisk " + maxRisk + " is " + decide(score, maxRisk));
        }
    }

    /**
     * The verdict on {@code items}: their score and the decision at {@code maxRisk}.
     *
     * @throws IllegalArgumentException if {@code maxRisk} is outside 1..101
     */
    public static SafetyVerdict of(Mint mint, List<Item> items, int maxRisk, Instant at) {
        int score = score(items);
        return new SafetyVerdict(mint, items, score, maxRisk, decide(score, maxRisk), at);
    }

    private static int score(List<Item> items) {
        int score = 0;
        for (Item item : items) {
            score += item.result().risk();
        }
        return Math.min(100, score);
    }

    private static Decision decide(int score, int maxRisk) {
        return score >= maxRisk ? Decision.REFUSE : Decision.ALLOW;
    }

    /** Whether a buy may go ahead. */
    public boolean allows() {
        return decision == Decision.ALLOW;
    }

    /** The findings that add to the score, as "check: reason" joined by "; "; empty when there are none. */
    public String reasons() {
        return items.stream()
                .filter(i -> i.result().outcome() != CheckResult.Outcome.PASS)
                .map(i -> i.check() + " " + i.result().outcome() + " ("
                        + i.result().weight() + "): " + i.result().reason())
                .collect(Collectors.joining("; "));
    }

    /** One line for a refusal or a log: the score, the limit and the reasons. */
    public String summary() {
        String reasons = reasons();
        return "risk " + riskScore + "/100 (buys refused from " + maxRisk + ")"
                + (reasons.isEmpty() ? "" : ": " + reasons);
    }
}
