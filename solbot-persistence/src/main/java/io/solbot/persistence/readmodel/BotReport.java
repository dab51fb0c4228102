package io.solbot.persistence.readmodel;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.store.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One bot's detailed status: its hot state from the engine, when the bot is in it, and what the database holds about
 * it, or why the database could not be read. Immutable.
 *
 * @param botId the bot
 * @param live the engine's hot state, empty when the bot is not in this engine (stopped earlier, run by another
 *     process)
 * @param database what the database holds about the bot, or why it is unavailable
 */
public record BotReport(BotId botId, Optional<BotStatus> live, Database database) {
    public BotReport {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(database, "database");
    }

    /** The database's part of a report: {@link Stored} or {@link Unavailable}. */
    public sealed interface Database permits Stored, Unavailable {}

    /**
     * What the database holds about one bot, read in one snapshot.
     *
     * @param run its {@code strategy_run_status} row, empty when it has none (its engine keeps run status elsewhere)
     * @param owner the process that last ran it, {@code pid@host}, from the same row
     * @param heartbeatAt when that process last said it was alive (see {@code PostgresRunStatusStore.heartbeat}); a
     *     RUNNING row whose heartbeat stopped moving belongs to a process that died
     * @param openPositions what it holds, one position per mint with its open lots (see {@link Position}), ordered by
     *     their oldest lot
     * @param realizedPnl the sum of the PnL of its closed trades, exact
     * @param fills how many fills of it were recorded
     * @param closedTrades how many closed slices of lots it has
     * @param lastFillAt when its newest fill landed, empty before the first
     * @param failedOrders how many of its orders failed (landed and reverted, or never landed)
     * @param failedOrderFees what its failed orders paid in fees and tips although they traded nothing, exact; not in
     *     {@link #realizedPnl}, which closed trades make (see {@link #netPnl})
     */
    public record Stored(
            Optional<RunRecord> run,
            Optional<String> owner,
            Optional<Instant> heartbeatAt,
            List<Position> openPositions,
            Lamports realizedPnl,
            long fills,
            long closedTrades,
            Optional<Instant> lastFillAt,
            long failedOrders,
            Lamports failedOrderFees)
            implements Database {
        public Stored {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(heartbeatAt, "heartbeatAt");
            openPositions = List.copyOf(openPositions);
            Objects.requireNonNull(realizedPnl, "realizedPnl");
            Objects.requireNonNull(lastFillAt, "lastFillAt");
            Objects.requireNonNull(failedOrderFees, "failedOrderFees");
        }

        /** The realised PnL net of what failed orders paid: {@link #realizedPnl} minus {@link #failedOrderFees}. */
        public Lamports netPnl() {
            return realizedPnl.minus(failedOrderFees);
        }
    }

    /**
     * The database could not be read.
     *
     * @param reason why, in a few words fit for a status page; never a URL or a password
     */
    public record Unavailable(String reason) implements Database {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The bot's strategy: the engine's, else the run row's; empty when neither is known. */
    public Optional<String> strategyId() {
        return live.map(BotStatus::strategyId).or(() -> run().map(RunRecord::strategyId));
    }

    /** Where the bot is in its lifecycle: the engine's view, else the run row's; empty when neither is known. */
    public Optional<RunStatus> status() {
        return live.map(BotStatus::status).or(() -> run().map(RunRecord::status));
    }

    private Optional<RunRecord> run() {
        return database instanceof Stored stored ? stored.run() : Optional.empty();
    }
}
