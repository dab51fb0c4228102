package io.solbot.core.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the closest known name to a misspelt one, for "did you mean" messages of the plugin registry and the config
 * loader.
 */
public final class Names {
    private Names() {}

    /**
     * The display form of the candidate nearest to {@code key} by edit distance, if one is near enough to be a likely
     * typo (at most a third of the longer name's length, and at least 1).
     */
    public static Optional<String> closest(
            String key, Collection<String> candidates, Function<String, String> display) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(1, Math.max(key.length(), best.length()) / 3)) {
            return Optional.empty();
        }
        return Optional.of(display.apply(best));
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
