package io.solbot.persistence;

import static io.solbot.persistence.internal.Rows.utc;
import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.core.store.RunStatusStore;
import io.solbot.persistence.internal.Fencing;
import io.solbot.persistence.internal.Rows;
import io.solbot.persistence.internal.db.tables.records.StrategyRunStatusRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * The {@code strategy_run_status} table as the engine's {@link RunStatusStore}: one row per bot, upserted on every
 * lifecycle change (never per tick), with the owner process, the lifecycle timestamps and the bot's config as JSON.
 * A STOPPED or FAILED run keeps its {@linkplain RunRecord#reason() reason} (a stop reason such as {@code REQUESTED},
 * a failure), its first {@value #MAX_REASON_LENGTH} characters; a live run has none.
 *
 * <p>Thread-safe.
 */
public final class PostgresRunStatusStore implements RunStatusStore {
    private static final int MAX_REASON_LENGTH = 2000;

    private final DSLContext dsl;
    private final String ownerNode;
    private final Long ownerPid;
    private final Function<BotId, String> configJson;
    private final WriteFence fence;

    /**
     * @param database the database
     * @param owner the process that runs the bots, {@code pid@host} or {@code pid@host#boot} ({@link
     *     io.solbot.core.Owner}): the node is what follows the {@code @}
     * @param configJson the JSON of a bot's config, or null when there is none to record
     */
    public PostgresRunStatusStore(PostgresDatabase database, String owner, Function<BotId, String> configJson) {
        this(database, owner, configJson, WriteFence.NONE);
    }

    /**
     * A store whose every {@link #save} first passes {@code fence}, in the same transaction.
     *
     * @param fence checked before each save; a refusal ({@link FenceLostException}) leaves the row as it was
     */
    public PostgresRunStatusStore(
            PostgresDatabase database, String owner, Function<BotId, String> configJson, WriteFence fence) {
        this.fence = Objects.requireNonNull(fence, "fence");
        this.dsl = database.dsl();
        this.configJson = Objects.requireNonNull(configJson, "configJson");
        int at = owner.indexOf('@');
        Long pid = null;
        if (at > 0) {
            try {
                pid = Long.parseLong(owner.substring(0, at));
            } catch (NumberFormatException ignored) {
                // an owner that is not pid@host is kept whole as the node
            }
        }
        this.ownerPid = pid;
        this.ownerNode = pid == null ? owner : owner.substring(at + 1);
    }

    /**
     * Marks this owner's running and paused bots alive at {@code at}: one statement for all of them, so a process that
     * calls it every few seconds adds one write per interval, not one per bot or tick. Another process, or a status
     * page, tells a run whose owner died (its row still says RUNNING) by a heartbeat that stopped moving.
     *
     * @return how many bots' rows were marked
     */
    public int heartbeat(Instant at) {
        return dsl.update(STRATEGY_RUN_STATUS)
                .set(STRATEGY_RUN_STATUS.HEARTBEAT_AT, utc(at))
                .where(STRATEGY_RUN_STATUS.OWNER_NODE.eq(ownerNode))
                .and(
                        ownerPid == null
                                ? STRATEGY_RUN_STATUS.OWNER_PID.isNull()
                                : STRATEGY_RUN_STATUS.OWNER_PID.eq(ownerPid))
                .and(STRATEGY_RUN_STATUS.STATUS.in(RunStatus.RUNNING.name(), RunStatus.PAUSED.name()))
                .execute();
    }

    /**
     * @throws FenceLostException if the store's {@link WriteFence} refuses the write
     */
    @Override
    public void save(RunRecord record) {
        if (fence == WriteFence.NONE) {
            upsert(dsl, record);
            return;
        }
        fence.before(record.botId());
        try {
            dsl.transaction(tx -> {
                Fencing.pass(tx.dsl(), fence, record.botId());
                upsert(tx.dsl(), record);
            });
        } catch (RuntimeException e) {
            throw Fencing.unwrapped(e);
        }
    }

    private void upsert(DSLContext dsl, RunRecord record) {
        OffsetDateTime changed = utc(record.changedAt());
        String json = configJson.apply(record.botId());
        StrategyRunStatusRecord row = dsl.newRecord(STRATEGY_RUN_STATUS);
        row.setBotId(record.botId().value());
        row.setStrategyId(record.strategyId());
        row.setConfig(json == null ? null : JSONB.valueOf(json));
        row.setConfigHash(record.configHash());
        row.setStatus(record.status().name());
        row.setOwnerNode(ownerNode);
        row.setOwnerPid(ownerPid);
        row.setStartedAt(utc(record.startedAt()));
        row.setHeartbeatAt(changed);
        row.setRestartCount(record.restartCount());
        row.setTrades(record.trades());
        row.setUpdatedAt(changed);
        // why a run ended (a stop reason, a failure); a live run has nothing to say
        row.setReason(record.status().isFinal() && !record.reason().isEmpty() ? truncate(record.reason()) : null);
        if (record.status() == RunStatus.PAUSED) {
            row.setPausedAt(changed);
        }
        if (record.status().isFinal()) {
            row.setStoppedAt(changed);
        }
        var insert = dsl.insertInto(STRATEGY_RUN_STATUS).set(row);
        var update = insert.onConflict(STRATEGY_RUN_STATUS.BOT_ID)
                .doUpdate()
                .set(STRATEGY_RUN_STATUS.STRATEGY_ID, row.getStrategyId())
                .set(STRATEGY_RUN_STATUS.CONFIG_HASH, row.getConfigHash())
                .set(STRATEGY_RUN_STATUS.STATUS, row.getStatus())
                .set(STRATEGY_RUN_STATUS.OWNER_NODE, row.getOwnerNode())
                .set(STRATEGY_RUN_STATUS.OWNER_PID, row.getOwnerPid())
                .set(STRATEGY_RUN_STATUS.STARTED_AT, row.getStartedAt())
                .set(STRATEGY_RUN_STATUS.HEARTBEAT_AT, row.getHeartbeatAt())
                .set(STRATEGY_RUN_STATUS.RESTART_COUNT, row.getRestartCount())
                .set(STRATEGY_RUN_STATUS.TRADES, row.getTrades())
                .set(STRATEGY_RUN_STATUS.UPDATED_AT, row.getUpdatedAt())
                .set(STRATEGY_RUN_STATUS.REASON, row.getReason());
        if (json != null) {
            update = update.set(STRATEGY_RUN_STATUS.CONFIG, row.getConfig());
        }
        // a pause keeps its time until the next pause; a stop time is cleared when the bot runs again
        if (record.status() == RunStatus.PAUSED) {
            update = update.set(STRATEGY_RUN_STATUS.PAUSED_AT, changed);
        }
        update = update.set(STRATEGY_RUN_STATUS.STOPPED_AT, record.status().isFinal() ? changed : null);
        update.execute();
    }

    @Override
    public Optional<RunRecord> find(BotId botId) {
        return dsl.selectFrom(STRATEGY_RUN_STATUS)
                .where(STRATEGY_RUN_STATUS.BOT_ID.eq(botId.value()))
                .fetchOptional()
                .map(Rows::runRecord);
    }

    /** Every bot's record, by bot id. */
    public List<RunRecord> all() {
        return dsl.selectFrom(STRATEGY_RUN_STATUS)
                .orderBy(STRATEGY_RUN_STATUS.BOT_ID)
                .fetch(Rows::runRecord);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }
}
