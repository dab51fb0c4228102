package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One bot's hot state at one moment, read from memory: what a status page or REST call shows. Immutable.
 *
 * @param botId the bot
 * @param strategyId its strategy
 * @param status where it is in its lifecycle
 * @param startedAt when it was last started (by {@code start} or {@code restart})
 * @param lastTickAt when its last tick began, empty before the first
 * @param tickCount ticks run since the bot was started with {@code start}, over all its runs
 * @param skippedTicks ticks not run: due while the previous tick still ran or waited to run, or already past when
 *     a stall of the whole process ended
 * @param cooldowns the tokens whose cooldown runs now, each with when its next buy of the token is allowed, by mint
 * @param restartCount restarts since it was started (watchdog and operator)
 * @param trades trades it opened (buys that filled), what {@link BotSpec#maxTrades()} limits
 * @param ordersFilled orders of it that filled, buys and sells
 * @param openPositions tokens it holds
 * @param consecutiveFailures failed orders in a row
 * @param lastError the last failure (of a callback or an order), empty if none
 * @param uptime how long it has been RUNNING since it was last started (by {@code start} or {@code restart}): paused
 *     periods do not count, a stopped or failed bot's uptime no longer grows, and a resume adds on to it; the wait
 *     before a watchdog restart counts, as the bot stays RUNNING through it
 */
public record BotStatus(
        BotId botId,
        String strategyId,
        RunStatus status,
        Instant startedAt,
        Optional<Instant> lastTickAt,
        long tickCount,
        long skippedTicks,
        Map<Mint, Instant> cooldowns,
        int restartCount,
        int trades,
        long ordersFilled,
        int openPositions,
        int consecutiveFailures,
        Optional<String> lastError,
        Duration uptime) {
    public BotStatus {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastTickAt, "lastTickAt");
        cooldowns = Collections.unmodifiableMap(new TreeMap<>(cooldowns));
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(uptime, "uptime");
    }
}
