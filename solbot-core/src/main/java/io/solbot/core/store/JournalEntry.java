package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine needs to resume one bot after a crash (the content of its lockfile). Immutable.
 *
 * @param botId the bot
 * @param strategyId its strategy
 * @param status its status when the entry was written
 * @param configHash a hash of its config
 * @param owner the process that runs it, for example {@code 4711@host}
 * @param pendingIntents orders sent to the executor whose outcome is not known yet, oldest first
 * @param state the strategy's own key-value state ({@code StrategyContext.state()})
 * @param unstoredFills fills that happened but that the {@link FillStore} has not taken yet (the database was
 *     unreachable), oldest first; the engine retries them until it does
 * @param unstoredFailures failed orders the {@link FillStore} has not taken yet, oldest first; retried like the fills,
 *     since a failure that landed paid its fees
 * @param updatedAt when the entry was written
 */
public record JournalEntry(
        BotId botId,
        String strategyId,
        RunStatus status,
        String configHash,
        String owner,
        List<OrderIntent> pendingIntents,
        Map<String, String> state,
        List<Fill> unstoredFills,
        List<OrderFailure> unstoredFailures,
        Instant updatedAt) {
    public JournalEntry {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(updatedAt, "updatedAt");
        pendingIntents = List.copyOf(pendingIntents);
        state = Map.copyOf(state);
        unstoredFills = List.copyOf(unstoredFills);
        unstoredFailures = List.copyOf(unstoredFailures);
    }
}
