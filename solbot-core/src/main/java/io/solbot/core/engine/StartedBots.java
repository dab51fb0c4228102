package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link SolbotEngine#startAll} did with the bots of a file: the status of each bot it started or recovered, and
 * for each bot it could not start, why. Immutable.
 *
 * @param statuses the bots started or recovered, in file order, each as its status right after
 * @param notStarted the bots that could not start, in file order, each with the reason
 */
public record StartedBots(List<BotStatus> statuses, Map<BotId, String> notStarted) {
    public StartedBots {
        statuses = List.copyOf(statuses);
        notStarted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(notStarted)));
    }

    /** Whether every bot started. */
    public boolean allStarted() {
        return notStarted.isEmpty();
    }
}
