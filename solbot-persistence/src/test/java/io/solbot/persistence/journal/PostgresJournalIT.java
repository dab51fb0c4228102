package io.solbot.persistence.journal;

import static io.solbot.persistence.internal.db.Tables.BOT_INTENT;
import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.BotClaimedException;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.FenceLostException;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.WriteFence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresJournalIT {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Mint MINT = Mint.of("So11111111111111111111111111111111111111112");
    private static PostgresDatabase database;

    /** A fence that lets through the bots in {@code owned}, as node "node-a" at version 7, and refuses the others. */
    private static final class OwnedBots implements WriteFence {
        final Set<BotId> owned = ConcurrentHashMap.newKeySet();

        @Override
        public Token pass(java.sql.Connection tx, BotId botId) {
            if (!owned.contains(botId)) {
                throw new FenceLostException(botId, "Bot '" + botId + "' is not owned by node-a");
            }
            return new Token("node-a", 7);
        }
    }

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 4);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static OrderIntent intent(String order) {
        return new OrderIntent(
                OrderId.of(order),
                MINT,
                Side.BUY,
                Lamports.of(100_000_000).toTokenAmount(),
                T0,
                OrderOptions.NONE.withSlippageBps(150));
    }

    private static JournalEntry entry(String bot, List<OrderIntent> intents, Map<String, String> state) {
        return new JournalEntry(
                BotId.of(bot),
                "ma-cross",
                RunStatus.RUNNING,
                "hash",
                "node-a",
                intents,
                state,
                List.of(),
                List.of(),
                T0);
    }

    @Test
    void shouldKeepEachIntentAsARowPendingUntilItsOrderSettlesWithTheNodeAndFenceVersionThatWroteIt() {
        OwnedBots fence = new OwnedBots();
        fence.owned.add(BotId.of("j-1"));
        PostgresJournal journal = new PostgresJournal(database, fence, InstantSource.fixed(T0));

        journal.save(entry("j-1", List.of(intent("j1-o1"), intent("j1-o2")), Map.of("k", "v")));

        assertThat(journal.load(BotId.of("j-1"))).hasValueSatisfying(e -> {
            assertThat(e.pendingIntents()).containsExactly(intent("j1-o1"), intent("j1-o2"));
            assertThat(e.state()).containsEntry("k", "v");
        });
        var rows = database.dsl()
                .selectFrom(BOT_INTENT)
                .where(BOT_INTENT.BOT_ID.eq("j-1"))
                .orderBy(BOT_INTENT.SEQ)
                .fetch();
        assertThat(rows)
                .extracting(r -> r.getNode() + "/" + r.getFenceVersion() + "/" + r.getStatus())
                .containsExactly("node-a/7/PENDING", "node-a/7/PENDING");

        journal.save(entry("j-1", List.of(intent("j1-o2")), Map.of("k", "v")));

        assertThat(journal.pending(BotId.of("j-1"))).containsExactly(intent("j1-o2"));
        assertThat(database.dsl()
                        .select(BOT_INTENT.STATUS)
                        .from(BOT_INTENT)
                        .where(BOT_INTENT.CLIENT_ORDER_ID.eq("j1-o1"))
                        .fetchOne(BOT_INTENT.STATUS))
                .isEqualTo("RESOLVED");

        journal.delete(BotId.of("j-1"));

        assertThat(journal.load(BotId.of("j-1"))).isEmpty();
        assertThat(journal.pending(BotId.of("j-1"))).isEmpty();
    }

    @Test
    void shouldRefuseAClientOrderIdUsedBeforeEvenByAnotherBot() {
        OwnedBots fence = new OwnedBots();
        fence.owned.addAll(List.of(BotId.of("u-1"), BotId.of("u-2")));
        PostgresJournal journal = new PostgresJournal(database, fence, InstantSource.fixed(T0));
        journal.save(entry("u-1", List.of(intent("same-id")), Map.of()));

        assertThatThrownBy(() -> journal.save(entry("u-2", List.of(intent("same-id")), Map.of())))
                .isInstanceOf(SolbotException.class)
                .hasMessageContaining("Bot 'u-2': the client order id same-id is journalled already");
        assertThat(journal.load(BotId.of("u-2"))).isEmpty();
    }

    @Test
    void shouldWriteNothingOfABotThisProcessDoesNotOwn() {
        OwnedBots fence = new OwnedBots();
        fence.owned.add(BotId.of("f-1"));
        PostgresJournal journal = new PostgresJournal(database, fence, InstantSource.fixed(T0));
        journal.save(entry("f-1", List.of(), Map.of("round", "1")));
        fence.owned.remove(BotId.of("f-1"));

        assertThatThrownBy(() -> journal.save(entry("f-1", List.of(intent("f1-o1")), Map.of("round", "2"))))
                .isInstanceOf(FenceLostException.class)
                .hasMessage("Bot 'f-1' is not owned by node-a");
        assertThatThrownBy(() -> journal.claim(BotId.of("f-1")))
                .isInstanceOf(BotClaimedException.class)
                .hasMessage("Bot 'f-1' is not owned by node-a");
        assertThat(journal.load(BotId.of("f-1"))).hasValueSatisfying(e -> {
            assertThat(e.state()).containsEntry("round", "1");
            assertThat(e.pendingIntents()).isEmpty();
        });

        PostgresRunStatusStore runs = new PostgresRunStatusStore(database, "node-a", id -> null, fence);
        assertThatThrownBy(() -> runs.save(
                        new RunRecord(BotId.of("f-1"), "ma-cross", "hash", RunStatus.RUNNING, "", T0, T0, 0, 0)))
                .isInstanceOf(FenceLostException.class);
        assertThat(database.dsl().fetchExists(STRATEGY_RUN_STATUS, STRATEGY_RUN_STATUS.BOT_ID.eq("f-1")))
                .isFalse();

        PostgresFillStore fills = new PostgresFillStore(database, fence);
        assertThatThrownBy(() -> fills.record(buy("f-1", "f1-fill"))).isInstanceOf(FenceLostException.class);
        assertThat(fills.fills(BotId.of("f-1"))).isEmpty();

        fence.owned.add(BotId.of("f-1"));
        fills.record(buy("f-1", "f1-fill"));
        assertThat(fills.fills(BotId.of("f-1"))).hasSize(1);
    }

    @Test
    void shouldImportLockfilesOnceAsPendingIntentsAndRemoveThem(@TempDir Path runtime) throws Exception {
        LockfileJournal lockfiles = new LockfileJournal(runtime, "4711@old-host");
        lockfiles.save(entry("imp-1", List.of(intent("imp1-o1")), Map.of("s", "1")));
        lockfiles.save(entry("imp-2", List.of(), Map.of()));
        lockfiles.release(BotId.of("imp-1"));
        lockfiles.release(BotId.of("imp-2"));
        PostgresJournal journal = new PostgresJournal(database, WriteFence.NONE, InstantSource.fixed(T0));

        List<BotId> imported = journal.importLockfiles(lockfiles, "import@node-a");

        assertThat(imported).containsExactly(BotId.of("imp-1"), BotId.of("imp-2"));
        assertThat(journal.pending(BotId.of("imp-1"))).containsExactly(intent("imp1-o1"));
        assertThat(journal.load(BotId.of("imp-1")))
                .hasValueSatisfying(e -> assertThat(e.state()).containsEntry("s", "1"));
        try (var files = Files.list(runtime)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).isEmpty();
        }
        assertThat(journal.importLockfiles(lockfiles, "import@node-a")).isEmpty();
    }

    private static Fill buy(String bot, String order) {
        TokenAmount in = Lamports.of(100_000_000).toTokenAmount();
        TokenAmount out = new TokenAmount(java.math.BigInteger.valueOf(5_000_000), 6);
        byte[] signature = new byte[64];
        signature[0] = (byte) order.hashCode();
        signature[1] = (byte) (order.hashCode() >> 8);
        signature[63] = 1;
        return new Fill(
                OrderId.of(order),
                BotId.of(bot),
                MINT,
                Side.BUY,
                in,
                out,
                Price.ofTrade(Lamports.of(100_000_000), out),
                Lamports.of(5_000),
                Lamports.of(0),
                TxSignature.ofBytes(signature),
                1,
                1,
                T0.minusSeconds(2),
                T0);
    }
}
