package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The durable view of one bot's run, written on every lifecycle change (the {@code strategy_run_status} row).
 *
 * @param botId the bot
 * @param strategyId the strategy it runs
 * @param configHash a hash of its config, to tell a changed config from the one the run started with
 * @param status where it is in its lifecycle
 * @param reason why it got there (a stop reason, a failure), empty when there is nothing to say
 * @param startedAt when the current run started
 * @param changedAt when this status was reached
 * @param restartCount how often the bot has been restarted since it was started
 * @param trades how many trades it opened (buys that filled), what its {@code maxTrades} limits
 */
public record RunRecord(
        BotId botId,
        String strategyId,
        String configHash,
        RunStatus status,
        String reason,
        Instant startedAt,
        Instant changedAt,
        int restartCount,
        int trades) {
    public RunRecord {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
