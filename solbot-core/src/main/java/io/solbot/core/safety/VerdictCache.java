package io.solbot.core.safety;

import io.solbot.core.domain.Mint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SafetyGate}'s results per token and check, each fresh for {@code ttl} after it was found on the gate's
 * clock, and the verdicts made of them. Kept apart from the gate so that the gate reads as its policy (when to check,
 * where, what a failure means) and this as its memory.
 *
 * <p>Threading: thread-safe; each token's results are replaced whole, so a read sees one store or the next.
 */
final class VerdictCache {
    private static final int PRUNE_ABOVE = 10_000;

    private final Duration ttl;
    private final InstantSource clock;
    private final int maxRisk;
    private final ConcurrentHashMap<Mint, Map<String, Found>> results = new ConcurrentHashMap<>();

    /** One check's result on a token, found at {@code at}. */
    private record Found(CheckResult result, Instant at) {}

    VerdictCache(Duration ttl, InstantSource clock, int maxRisk) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxRisk = maxRisk;
    }

    /** The verdict from every selected check's cached result, if each has one (and it is fresh, unless staleOk). */
    Optional<SafetyVerdict> verdict(Mint mint, List<SafetyCheck> selected, boolean staleOk) {
        Map<String, Found> found = results.getOrDefault(mint, Map.of());
        Instant now = clock.instant();
        List<SafetyVerdict.Item> items = new ArrayList<>(selected.size());
        Instant oldest = null;
        for (SafetyCheck c : selected) {
            Found f = found.get(c.id());
            if (f == null || (!staleOk && !fresh(f, now))) {
                return Optional.empty();
            }
            items.add(new SafetyVerdict.Item(c.id(), f.result()));
            oldest = oldest == null || f.at().isBefore(oldest) ? f.at() : oldest;
        }
        return Optional.of(SafetyVerdict.of(mint, items, maxRisk, oldest == null ? now : oldest));
    }

    /** The selected checks without a fresh result on {@code mint}. */
    List<SafetyCheck> due(Mint mint, List<SafetyCheck> selected) {
        Map<String, Found> found = results.getOrDefault(mint, Map.of());
        Instant now = clock.instant();
        return selected.stream()
                .filter(c -> {
                    Found f = found.get(c.id());
                    return f == null || !fresh(f, now);
                })
                .toList();
    }

    /** Records {@code checked} (results by check id) on {@code mint} as found now, keeping its other results. */
    void store(Mint mint, Map<String, CheckResult> checked) {
        Instant now = clock.instant();
        if (results.size() >= PRUNE_ABOVE) {
            // a feed of new tokens would grow the cache without end: tokens whose results are all stale go once it is
            // large (a stale verdict is only served while its token is being re-checked)
            results.values().removeIf(r -> r.values().stream().noneMatch(f -> fresh(f, now)));
        }
        results.compute(mint, (m, old) -> {
            Map<String, Found> all = old == null ? new HashMap<>() : new HashMap<>(old);
            checked.forEach((id, result) -> all.put(id, new Found(result, now)));
            return Map.copyOf(all);
        });
    }

    private boolean fresh(Found found, Instant now) {
        return now.isBefore(found.at().plus(ttl));
    }
}
