package io.solbot.persistence.journal;

import static io.solbot.persistence.internal.db.Tables.BOT_INTENT;
import static io.solbot.persistence.internal.db.Tables.BOT_JOURNAL;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.OrderId;
import io.solbot.core.store.BotClaimedException;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.UnreadableJournalEntryException;
import io.solbot.persistence.FenceLostException;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.WriteFence;
import io.solbot.persistence.internal.Fencing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of many machines, in PostgreSQL: a bot's entry (status, strategy state, fills not yet stored) in {@code
 * bot_journal}, and each order intent as a {@code bot_intent} row, PENDING from before the order is sent until its
 * outcome is known, then RESOLVED (kept: its client order id stays taken, so no later order of any bot reuses it).
 * Every write passes the {@link WriteFence} first, in its own transaction: a node that lost a bot writes nothing of
 * it, and a node that loses it while writing has its write rolled back. Each row records the node and the fence
 * version that wrote it.
 *
 * <p>A {@link #claim} is the fence's answer: a bot can be claimed only by the node that owns it. Thread-safe.
 */
public final class PostgresJournal implements Journal {
    private static final Logger log = LoggerFactory.getLogger(PostgresJournal.class);
    static final String PENDING = "PENDING";
    static final String RESOLVED = "RESOLVED";

    private final DSLContext dsl;
    private final WriteFence fence;
    private final InstantSource clock;

    /**
     * @param fence passed before every write (use {@link WriteFence#NONE} only where one process owns every bot)
     * @param clock the time written with each row
     */
    public PostgresJournal(PostgresDatabase database, WriteFence fence, InstantSource clock) {
        this.dsl = database.dsl();
        this.fence = Objects.requireNonNull(fence, "fence");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the entry and its intents: new intents become PENDING rows, PENDING rows the entry no longer holds
     * become RESOLVED.
     *
     * @throws FenceLostException if this process does not own the bot; nothing is written
     * @throws SolbotException if an intent's client order id is journalled already for another order
     */
    @Override
    public void save(JournalEntry entry) {
        write(entry.botId(), tx -> {
            WriteFence.Token token = Fencing.pass(tx, fence, entry.botId());
            upsertEntry(tx, entry, token);
            syncIntents(tx, entry.botId(), entry.pendingIntents(), token);
        });
    }

    @Override
    public Optional<JournalEntry> load(BotId botId) {
        JSONB stored = dsl.select(BOT_JOURNAL.ENTRY)
                .from(BOT_JOURNAL)
                .where(BOT_JOURNAL.BOT_ID.eq(botId.value()))
                .fetchOne(BOT_JOURNAL.ENTRY);
        List<OrderIntent> intents = pending(botId);
        if (stored == null) {
            if (!intents.isEmpty()) {
                throw unreadable(botId, "it has " + intents.size() + " pending intents but no entry", null);
            }
            return Optional.empty();
        }
        JournalEntry entry;
        try {
            entry = LockfileFormat.decode(stored.data().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw unreadable(botId, "its entry cannot be read (" + e.getMessage() + ")", e);
        }
        if (!entry.botId().equals(botId)) {
            throw unreadable(botId, "its row holds the entry of bot '" + entry.botId() + "'", null);
        }
        return Optional.of(withIntents(entry, intents));
    }

    /**
     * Removes the entry; any intent still PENDING becomes RESOLVED.
     *
     * @throws FenceLostException if this process does not own the bot; nothing is removed
     */
    @Override
    public void delete(BotId botId) {
        write(botId, tx -> {
            Fencing.pass(tx, fence, botId);
            tx.deleteFrom(BOT_JOURNAL)
                    .where(BOT_JOURNAL.BOT_ID.eq(botId.value()))
                    .execute();
            resolve(tx, botId, null);
        });
    }

    /** Every entry that can be read, by bot id; one that cannot is left out with a WARN (its {@link #load} throws). */
    @Override
    public List<JournalEntry> entries() {
        List<JournalEntry> out = new ArrayList<>();
        for (String id : dsl.select(BOT_JOURNAL.BOT_ID)
                .from(BOT_JOURNAL)
                .orderBy(BOT_JOURNAL.BOT_ID)
                .fetch(BOT_JOURNAL.BOT_ID)) {
            try {
                load(BotId.of(id)).ifPresent(out::add);
            } catch (UnreadableJournalEntryException e) {
                log.warn("{}", e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Holds if this process owns the bot by the fence; there is nothing else to take.
     *
     * @throws BotClaimedException if it does not
     */
    @Override
    public void claim(BotId botId) {
        try {
            fence.before(botId);
            dsl.transaction(tx -> Fencing.pass(tx.dsl(), fence, botId));
        } catch (RuntimeException e) {
            if (Fencing.unwrapped(e) instanceof FenceLostException lost) {
                throw new BotClaimedException(botId, "another node", lost.getMessage());
            }
            throw e;
        }
    }

    /** The PENDING intents of {@code botId}, oldest first. */
    public List<OrderIntent> pending(BotId botId) {
        List<OrderIntent> out = new ArrayList<>();
        for (Record2<String, JSONB> row : dsl.select(BOT_INTENT.CLIENT_ORDER_ID, BOT_INTENT.PAYLOAD)
                .from(BOT_INTENT)
                .where(BOT_INTENT.BOT_ID.eq(botId.value()))
                .and(BOT_INTENT.STATUS.eq(PENDING))
                .orderBy(BOT_INTENT.SEQ)
                .fetch()) {
            try {
                out.add(LockfileFormat.decodeIntent(row.value2().data().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                throw unreadable(botId, "its intent of order " + row.value1() + " cannot be read", e);
            }
        }
        return out;
    }

    /**
     * Moves the entries of a node's lockfiles into this journal, once, before the node runs in a cluster: each entry
     * with its intents PENDING (a new owner resolves them), its lockfile removed once the rows are committed. Written
     * without the fence (no node owns the bots yet), recorded as written by {@code importer} at fence version 0. A
     * bot that has an entry here already keeps it, and its lockfile is left for the operator.
     *
     * @return the bots imported
     * @throws SolbotException naming the files, if a lockfile cannot be read: it stays where it is, and the cluster
     *     refuses to start while it does
     */
    public List<BotId> importLockfiles(LockfileJournal lockfiles, String importer) {
        LockfileJournal.Scan scan = lockfiles.scan();
        List<BotId> imported = new ArrayList<>();
        WriteFence.Token token = new WriteFence.Token(importer, 0);
        for (JournalEntry entry : scan.entries()) {
            boolean done = dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                if (tx.fetchExists(
                        BOT_JOURNAL, BOT_JOURNAL.BOT_ID.eq(entry.botId().value()))) {
                    return false;
                }
                upsertEntry(tx, entry, token);
                syncIntents(tx, entry.botId(), entry.pendingIntents(), token);
                return true;
            });
            if (done) {
                lockfiles.delete(entry.botId());
                imported.add(entry.botId());
                log.info(
                        "Imported the lockfile of bot '{}' with {} pending intents",
                        entry.botId(),
                        entry.pendingIntents().size());
            } else {
                log.warn("Bot '{}' has a journal entry in the database already; its lockfile is left", entry.botId());
            }
        }
        if (!scan.unreadable().isEmpty()) {
            throw new SolbotException("Imported " + imported.size() + " lockfiles, but "
                    + scan.unreadable().size()
                    + " cannot be read: "
                    + scan.unreadable().stream()
                            .map(UnreadableJournalEntryException::getMessage)
                            .toList());
        }
        return List.copyOf(imported);
    }

    private interface Write {
        void run(DSLContext tx);
    }

    private void write(BotId botId, Write write) {
        fence.before(botId);
        try {
            dsl.transaction(cfg -> write.run(cfg.dsl()));
        } catch (RuntimeException e) {
            RuntimeException cause = Fencing.unwrapped(e);
            if (cause instanceof FenceLostException) {
                throw cause;
            }
            if (cause instanceof SolbotException) {
                throw cause;
            }
            throw e;
        }
    }

    private void upsertEntry(DSLContext tx, JournalEntry entry, WriteFence.Token token) {
        JournalEntry withoutIntents = withIntents(entry, List.of());
        JSONB json = JSONB.valueOf(new String(LockfileFormat.encodeCompact(withoutIntents), StandardCharsets.UTF_8));
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String node = token.node().isEmpty() ? entry.owner() : token.node();
        tx.insertInto(BOT_JOURNAL)
                .set(BOT_JOURNAL.BOT_ID, entry.botId().value())
                .set(BOT_JOURNAL.NODE, node)
                .set(BOT_JOURNAL.FENCE_VERSION, token.version())
                .set(BOT_JOURNAL.ENTRY, json)
                .set(BOT_JOURNAL.UPDATED_AT, now)
                .onConflict(BOT_JOURNAL.BOT_ID)
                .doUpdate()
                .set(BOT_JOURNAL.NODE, node)
                .set(BOT_JOURNAL.FENCE_VERSION, token.version())
                .set(BOT_JOURNAL.ENTRY, json)
                .set(BOT_JOURNAL.UPDATED_AT, now)
                .execute();
    }

    private void syncIntents(DSLContext tx, BotId botId, List<OrderIntent> intents, WriteFence.Token token) {
        Set<String> journalled = new HashSet<>(tx.select(BOT_INTENT.CLIENT_ORDER_ID)
                .from(BOT_INTENT)
                .where(BOT_INTENT.BOT_ID.eq(botId.value()))
                .and(BOT_INTENT.STATUS.eq(PENDING))
                .fetch(BOT_INTENT.CLIENT_ORDER_ID));
        Set<String> kept = new HashSet<>();
        for (OrderIntent intent : intents) {
            String id = intent.orderId().value();
            kept.add(id);
            if (journalled.contains(id)) {
                continue;
            }
            try {
                tx.insertInto(BOT_INTENT)
                        .set(BOT_INTENT.BOT_ID, botId.value())
                        .set(BOT_INTENT.FENCE_VERSION, token.version())
                        .set(BOT_INTENT.NODE, token.node().isEmpty() ? "-" : token.node())
                        .set(BOT_INTENT.CLIENT_ORDER_ID, id)
                        .set(
                                BOT_INTENT.PAYLOAD,
                                JSONB.valueOf(new String(LockfileFormat.encodeIntent(intent), StandardCharsets.UTF_8)))
                        .set(BOT_INTENT.STATUS, PENDING)
                        .set(BOT_INTENT.CREATED_AT, intent.createdAt().atOffset(ZoneOffset.UTC))
                        .execute();
            } catch (IntegrityConstraintViolationException e) {
                throw new SolbotException("Bot '" + botId + "': the client order id " + id
                        + " is journalled already for another order; an order id is never used twice, so this"
                        + " intent is refused and the order is not sent");
            }
        }
        journalled.removeAll(kept);
        for (String settled : journalled) {
            resolve(tx, botId, OrderId.of(settled));
        }
    }

    /** Marks the PENDING intent of {@code orderId} RESOLVED, or every PENDING one of the bot when it is null. */
    private void resolve(DSLContext tx, BotId botId, OrderId orderId) {
        var update = tx.update(BOT_INTENT)
                .set(BOT_INTENT.STATUS, RESOLVED)
                .set(BOT_INTENT.RESOLVED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(BOT_INTENT.BOT_ID.eq(botId.value()))
                .and(BOT_INTENT.STATUS.eq(PENDING));
        if (orderId != null) {
            update = update.and(BOT_INTENT.CLIENT_ORDER_ID.eq(orderId.value()));
        }
        update.execute();
    }

    private static JournalEntry withIntents(JournalEntry e, List<OrderIntent> intents) {
        return new JournalEntry(
                e.botId(),
                e.strategyId(),
                e.status(),
                e.configHash(),
                e.owner(),
                intents,
                e.state(),
                e.unstoredFills(),
                e.unstoredFailures(),
                e.updatedAt());
    }

    private static UnreadableJournalEntryException unreadable(BotId botId, String why, Throwable cause) {
        return new UnreadableJournalEntryException(
                botId,
                "The journal entry of bot '" + botId + "' in the database cannot be read: " + why
                        + ". It may hold the bot's orders in flight, so the bot is not started as if it had none;"
                        + " repair the bot_journal and bot_intent rows of the bot.",
                cause);
    }
}
