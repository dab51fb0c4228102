package io.solbot.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.Owner;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
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
import io.solbot.core.store.UnreadableJournalEntryException;
import io.solbot.core.testing.FaultyDisk;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileJournalTest {
    private static final Instant T = Instant.parse("2026-05-01T10:15:30.123456Z");

    @TempDir
    Path runtime;

    private static JournalEntry entry(String bot, RunStatus status, List<OrderIntent> intents) {
        return new JournalEntry(
                BotId.of(bot),
                "ma-cross",
                status,
                "sha256:abc",
                "4711@host-a",
                intents,
                Map.of("last", "up"),
                List.of(),
                List.of(),
                T);
    }

    private static OrderIntent intent(String id, BigInteger raw) {
        return new OrderIntent(OrderId.of(id), Mint.USDC, Side.SELL, new TokenAmount(raw, 6), T);
    }

    @Test
    void shouldRoundTripAnEntryWithPendingIntentsAndStateExactly() {
        LockfileJournal journal = new LockfileJournal(runtime);
        JournalEntry entry = entry(
                "bot-1",
                RunStatus.RUNNING,
                List.of(intent("o-1", new BigInteger("18446744073709551615")), intent("o-2", BigInteger.ONE)));

        journal.save(entry);

        assertThat(journal.load(BotId.of("bot-1"))).contains(entry);
        assertThat(runtime.resolve("bot-1.json")).exists();
        assertThat(new LockfileJournal(runtime).load(BotId.of("bot-1"))).contains(entry);
    }

    @Test
    void shouldRoundTripTheFillsNotYetStoredExactly() {
        LockfileJournal journal = new LockfileJournal(runtime);
        BotId bot = BotId.of("bot-f");
        Fill buy = new Fill(
                OrderId.of("o-1"),
                bot,
                Mint.USDC,
                Side.BUY,
                TokenAmount.of(100_000_000, 9),
                new TokenAmount(new BigInteger("18446744073709551615"), 6),
                Price.of("0.000000000005421010862427522170037264004349708557128906"),
                Lamports.of(15_000),
                Lamports.of(1_000),
                TxSignature.ofBytes(new byte[64]),
                2,
                3,
                T,
                T.plusMillis(460));
        JournalEntry entry = new JournalEntry(
                bot, "ma-cross", RunStatus.RUNNING, "h", "1@h", List.of(), Map.of(), List.of(buy), List.of(), T);

        journal.save(entry);

        assertThat(new LockfileJournal(runtime).load(bot)).contains(entry);
    }

    @Test
    void shouldRoundTripASellForNothingAndAWriteOffNotYetStored() {
        LockfileJournal journal = new LockfileJournal(runtime);
        BotId bot = BotId.of("bot-w");
        Fill worthless = new Fill(
                OrderId.of("o-2"),
                bot,
                Mint.USDC,
                Side.SELL,
                TokenAmount.of(1_000, 6),
                Lamports.ZERO.toTokenAmount(),
                Price.ZERO,
                Lamports.of(5_000),
                Lamports.ZERO,
                TxSignature.ofBytes(new byte[64]),
                1,
                1,
                T,
                T);
        Fill writeOff = Fill.writeOff(OrderId.of("o-3"), bot, Mint.USDC, TokenAmount.of(2_000, 6), T.plusSeconds(1));
        JournalEntry entry = new JournalEntry(
                bot,
                "ma-cross",
                RunStatus.RUNNING,
                "h",
                "1@h",
                List.of(),
                Map.of(),
                List.of(worthless, writeOff),
                List.of(),
                T);

        journal.save(entry);

        JournalEntry loaded = new LockfileJournal(runtime).load(bot).orElseThrow();
        assertThat(loaded).isEqualTo(entry);
        assertThat(loaded.unstoredFills().get(1).isWriteOff()).isTrue();
    }

    @Test
    void shouldRoundTripTheFailuresNotYetStoredExactly() {
        LockfileJournal journal = new LockfileJournal(runtime);
        BotId bot = BotId.of("bot-x");
        OrderFailure reverted = new OrderFailure(
                OrderId.of("o-7"),
                Mint.USDC,
                Side.SELL,
                "land",
                "the sell reverted: the token cannot be sold",
                T,
                Lamports.of(Long.MAX_VALUE),
                Lamports.of(1_000));
        OrderFailure unsent =
                new OrderFailure(OrderId.of("o-8"), Mint.USDC, Side.BUY, "send", "the RPC refused", T.plusNanos(1));
        JournalEntry entry = new JournalEntry(
                bot,
                "ma-cross",
                RunStatus.RUNNING,
                "h",
                "1@h",
                List.of(),
                Map.of(),
                List.of(),
                List.of(reverted, unsent),
                T);

        journal.save(entry);

        assertThat(new LockfileJournal(runtime).load(bot)).contains(entry);
    }

    @Test
    void shouldReadALockfileWrittenBeforeFailuresWereKeptAsKeepingNone() throws IOException {
        // as the previous release wrote it: version 2, with unstoredFills and no unstoredFailures
        Files.writeString(runtime.resolve("old.json"), """
                {
                  "version" : 2,
                  "botId" : "old",
                  "strategyId" : "ma-cross",
                  "status" : "RUNNING",
                  "configHash" : "sha256:abc",
                  "owner" : "4711@host-a",
                  "pendingIntents" : [ ],
                  "state" : { "last" : "up" },
                  "unstoredFills" : [ ],
                  "updatedAt" : "2026-05-01T10:15:30.123456Z"
                }
                """);

        JournalEntry entry = new LockfileJournal(runtime).load(BotId.of("old")).orElseThrow();

        assertThat(entry.unstoredFailures()).isEmpty();
        assertThat(entry).isEqualTo(entry("old", RunStatus.RUNNING, List.of()));
        assertThat(runtime.resolve("old.json")).exists();
    }

    @Test
    void shouldRoundTripTheOptionsOfAnIntentAndTheReasonOfAFill() {
        LockfileJournal journal = new LockfileJournal(runtime);
        OrderOptions options = OrderOptions.NONE
                .withSlippageBps(300)
                .withPriorityFee(Lamports.of(20_000))
                .withJitoTip(Lamports.of(1_000))
                .withWallet("w2")
                .withReason("take-profit");
        OrderIntent withOptions =
                new OrderIntent(OrderId.of("o-1"), Mint.USDC, Side.SELL, TokenAmount.of(1_000, 6), T, options);
        OrderIntent onlyAWallet = new OrderIntent(
                OrderId.of("o-2"),
                Mint.USDC,
                Side.SELL,
                TokenAmount.of(1_000, 6),
                T,
                OrderOptions.NONE.withWallet("w3"));
        Fill sell = new Fill(
                        OrderId.of("o-0"),
                        BotId.of("opts"),
                        Mint.USDC,
                        Side.SELL,
                        TokenAmount.of(1_000, 6),
                        Lamports.of(2_000).toTokenAmount(),
                        Price.of("2"),
                        Lamports.of(5_000),
                        Lamports.ZERO,
                        TxSignature.ofBytes(new byte[64]),
                        1,
                        1,
                        T,
                        T)
                .withReason("stop-loss");
        JournalEntry entry = new JournalEntry(
                BotId.of("opts"),
                "sniper",
                RunStatus.RUNNING,
                "sha256:abc",
                "4711@host-a",
                List.of(withOptions, onlyAWallet, intent("o-3", BigInteger.TEN)),
                Map.of(),
                List.of(sell),
                List.of(),
                T);

        journal.save(entry);

        assertThat(new LockfileJournal(runtime).load(BotId.of("opts"))).contains(entry);
    }

    @Test
    void shouldReadAVersion3LockfileAsIntentsWithoutOptionsAndFillsWithTheirSidesReason() throws IOException {
        // as the previous release wrote it: no options on intents, no reason on fills
        Files.writeString(runtime.resolve("v3.json"), """
                {
                  "version" : 3,
                  "botId" : "v3",
                  "strategyId" : "ma-cross",
                  "status" : "RUNNING",
                  "configHash" : "sha256:abc",
                  "owner" : "4711@host-a",
                  "pendingIntents" : [ {
                    "orderId" : "o-1",
                    "mint" : "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
                    "side" : "SELL",
                    "amountIn" : "1000",
                    "decimals" : 6,
                    "createdAt" : "2026-05-01T10:15:30.123456Z"
                  } ],
                  "state" : { },
                  "unstoredFills" : [ {
                    "orderId" : "o-0",
                    "mint" : "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
                    "side" : "SELL",
                    "amountIn" : "1000",
                    "inDecimals" : 6,
                    "amountOut" : "2000",
                    "outDecimals" : 9,
                    "price" : "2",
                    "feeLamports" : 5000,
                    "tipLamports" : 0,
                    "signature" : "1111111111111111111111111111111111111111111111111111111111111111",
                    "part" : 1,
                    "parts" : 1,
                    "submittedAt" : "2026-05-01T10:15:30.123456Z",
                    "filledAt" : "2026-05-01T10:15:30.123456Z"
                  } ],
                  "unstoredFailures" : [ ],
                  "updatedAt" : "2026-05-01T10:15:30.123456Z"
                }
                """);

        JournalEntry entry = new LockfileJournal(runtime).load(BotId.of("v3")).orElseThrow();

        assertThat(entry.pendingIntents())
                .singleElement()
                .satisfies(i -> assertThat(i.options()).isEqualTo(OrderOptions.NONE));
        assertThat(entry.unstoredFills())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("exit"));
    }

    @Test
    void shouldWriteReadableJsonWithAmountsAsStrings() throws IOException {
        LockfileJournal journal = new LockfileJournal(runtime);
        journal.save(entry("bot-2", RunStatus.PAUSED, List.of(intent("o-9", new BigInteger("12345678901234567890")))));

        String text = Files.readString(runtime.resolve("bot-2.json"));
        assertThat(text)
                .contains("\"version\" : 4")
                .contains("\"botId\" : \"bot-2\"")
                .contains("\"status\" : \"PAUSED\"")
                .contains("\"amountIn\" : \"12345678901234567890\"");
    }

    @Test
    void shouldReplaceOnSaveAndRemoveOnDelete() throws IOException {
        LockfileJournal journal = new LockfileJournal(runtime);
        journal.save(entry("bot-3", RunStatus.RUNNING, List.of(intent("o-1", BigInteger.TEN))));
        journal.save(entry("bot-3", RunStatus.RUNNING, List.of()));

        assertThat(journal.load(BotId.of("bot-3")).orElseThrow().pendingIntents())
                .isEmpty();
        journal.delete(BotId.of("bot-3"));
        journal.delete(BotId.of("bot-3"));
        assertThat(journal.load(BotId.of("bot-3"))).isEmpty();
        try (Stream<Path> files = Files.list(runtime)) {
            assertThat(files).isEmpty();
        }
    }

    /** Lockfiles that cannot be read, by bot, each with what its message must say of why. */
    private Map<String, String> writeUnreadableLockfiles() throws IOException {
        LockfileJournal journal = new LockfileJournal(runtime);
        journal.save(entry("good-1", RunStatus.RUNNING, List.of()));
        String whole = Files.readString(runtime.resolve("good-1.json"));
        Files.writeString(runtime.resolve("truncated.json"), whole.substring(0, whole.length() / 2));
        Files.writeString(runtime.resolve("garbage.json"), "\u0000\u0001 not json");
        Files.writeString(
                runtime.resolve("future.json"),
                whole.replaceFirst("\"version\" : [0-9]+", "\"version\" : 7")
                        .replace("good-1", "future")
                        .replace("\"updatedAt\"", "\"aFieldOfVersion7\" : 1,\n  \"updatedAt\""));
        Files.writeString(runtime.resolve("renamed.json"), whole); // holds good-1's entry
        Files.writeString(
                runtime.resolve("bad-mint.json"),
                whole.replace("good-1", "bad-mint")
                        .replace(
                                "\"pendingIntents\" : [ ]",
                                "\"pendingIntents\" : [ {\"orderId\":\"o\",\"mint\":\"0OIl\","
                                        + "\"side\":\"BUY\",\"amountIn\":\"1\",\"decimals\":9,\"createdAt\":\"" + T
                                        + "\"} ]"));
        Map<String, String> why = new LinkedHashMap<>();
        why.put("bad-mint", "a field cannot be read");
        why.put("future", "its format version 7 is not one this solbot reads (2 to 4): a newer solbot wrote it");
        why.put("garbage", "it is not whole JSON");
        why.put("renamed", "it holds the entry of bot 'good-1'");
        why.put("truncated", "it is not whole JSON");
        return why;
    }

    @Test
    void shouldRefuseToLoadALockfileThatCannotBeReadSayingWhyAndWhatToDoAndLeaveItAsItIs() throws IOException {
        Map<String, String> why = writeUnreadableLockfiles();
        LockfileJournal journal = new LockfileJournal(runtime);

        why.forEach((bot, reason) -> {
            Path file = runtime.resolve(bot + ".json");
            String before = read(file);
            assertThatThrownBy(() -> journal.load(BotId.of(bot)))
                    .isInstanceOfSatisfying(
                            UnreadableJournalEntryException.class,
                            e -> assertThat(e.botId()).isEqualTo(BotId.of(bot)))
                    .hasMessageContaining("The lockfile " + file + " of bot '" + bot + "' cannot be read: " + reason)
                    .hasMessageContaining("not started as if it had none")
                    .hasMessageContaining("`solbot run --discard-journal " + bot + "`");
            assertThat(read(file)).isEqualTo(before);
        });
        assertThatThrownBy(() -> journal.load(BotId.of("future"))).hasMessageContaining("run the newer solbot again");
        try (Stream<Path> files = Files.list(runtime)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".corrupt-"));
        }
    }

    @Test
    void shouldListTheReadableEntriesAndEachLockfileThatCannotBeRead() throws IOException {
        Map<String, String> why = writeUnreadableLockfiles();
        LockfileJournal journal = new LockfileJournal(runtime);
        journal.save(entry("good-2", RunStatus.PAUSED, List.of()));
        Files.writeString(runtime.resolve(".good-1.json.123.tmp"), "half written");
        Files.writeString(runtime.resolve("not a bot id.json"), "{}");

        LockfileJournal.Scan scan = journal.scan();

        assertThat(scan.entries()).extracting(e -> e.botId().value()).containsExactly("good-1", "good-2");
        assertThat(scan.unreadable()).extracting(e -> e.botId().value()).containsExactlyElementsOf(why.keySet());
        assertThat(journal.entries()).isEqualTo(scan.entries());
        assertThat(runtime.resolve("not a bot id.json")).exists();
    }

    @Test
    void shouldDiscardALockfileByMovingItAsideSoThatTheBotStartsAfresh() throws IOException {
        writeUnreadableLockfiles();
        LockfileJournal journal = new LockfileJournal(runtime);
        String before = Files.readString(runtime.resolve("truncated.json"));

        Path aside = journal.discard(BotId.of("truncated")).orElseThrow();

        assertThat(aside.getParent()).isEqualTo(runtime);
        assertThat(aside.getFileName().toString()).matches("truncated\\.json\\.discarded-\\d{8}T\\d{6}\\.\\d{3}Z");
        assertThat(Files.readString(aside)).isEqualTo(before);
        assertThat(journal.load(BotId.of("truncated"))).isEmpty();
        assertThat(journal.scan().unreadable())
                .extracting(e -> e.botId().value())
                .doesNotContain("truncated");
        assertThat(journal.discard(BotId.of("truncated"))).isEmpty();
        assertThat(journal.discard(BotId.of("never-had-one"))).isEmpty();
    }

    @Test
    void shouldTellTheOldestPendingIntentAndRefuseWhileALockfileCannotBeRead() throws IOException {
        LockfileJournal journal = new LockfileJournal(runtime);
        assertThat(journal.oldestPendingIntent()).isEmpty();
        journal.save(entry("a", RunStatus.RUNNING, List.of(intent("o-1", BigInteger.ONE))));
        OrderIntent older =
                new OrderIntent(OrderId.of("o-2"), Mint.USDC, Side.BUY, TokenAmount.of(1, 9), T.minusSeconds(9));
        journal.save(entry("b", RunStatus.PAUSED, List.of(intent("o-3", BigInteger.ONE), older)));
        journal.save(entry("c", RunStatus.RUNNING, List.of()));

        assertThat(journal.oldestPendingIntent()).contains(T.minusSeconds(9));

        Files.writeString(runtime.resolve("d.json"), "{");
        assertThatThrownBy(journal::oldestPendingIntent)
                .isInstanceOf(UnreadableJournalEntryException.class)
                .hasMessageContaining("d.json");
    }

    @Test
    void shouldLetOneJournalAtATimeClaimABotAndNameTheOwnerToTheOthers() {
        BotId bot = BotId.of("owned");
        try (LockfileJournal first = new LockfileJournal(runtime, "11@host-a#0123456789ab");
                LockfileJournal second = new LockfileJournal(runtime, "22@host-b#ba9876543210")) {
            first.claim(bot);
            first.claim(bot); // again: changes nothing

            assertThatThrownBy(() -> second.claim(bot))
                    .isInstanceOfSatisfying(BotClaimedException.class, e -> {
                        assertThat(e.botId()).isEqualTo(bot);
                        assertThat(e.owner()).isEqualTo("11@host-a#0123456789ab");
                    })
                    .hasMessageContaining("Bot 'owned' is claimed by 11@host-a#0123456789ab")
                    .hasMessageContaining(runtime.resolve("owned.lock").toString());
            assertThatThrownBy(() -> second.discard(bot)).isInstanceOf(BotClaimedException.class);
            second.claim(BotId.of("another")); // other bots are free

            first.release(bot);
            second.claim(bot);
            assertThatThrownBy(() -> first.claim(bot))
                    .isInstanceOfSatisfying(
                            BotClaimedException.class,
                            e -> assertThat(e.owner()).isEqualTo("22@host-b#ba9876543210"));
        }
        try (LockfileJournal third = new LockfileJournal(runtime)) {
            third.claim(bot); // close released every claim
        }
    }

    @Test
    void shouldKeepAnotherProcessFromClaimingABotThisOneHolds() throws Exception {
        BotId bot = BotId.of("shared");
        try (LockfileJournal here = new LockfileJournal(runtime, "1@here#aaaaaaaaaaaa")) {
            here.claim(bot);
            assertThat(claimInAnotherProcess(bot))
                    .startsWith("refused: Bot 'shared' is claimed by 1@here#aaaaaaaaaaaa");
        }
        assertThat(claimInAnotherProcess(bot)).isEqualTo("claimed");
    }

    /** Claims {@code bot} from a fresh JVM on the same directory: what {@link #main} printed. */
    private String claimInAnotherProcess(BotId bot) throws Exception {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        javaBinary.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockfileJournalTest.class.getName(),
                        runtime.toString(),
                        bot.value())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines()
                .filter(l -> l.startsWith("claimed") || l.startsWith("refused"))
                .findFirst()
                .orElse(out);
    }

    /** The other process of {@link #shouldKeepAnotherProcessFromClaimingABotThisOneHolds}. */
    public static void main(String[] args) {
        try (LockfileJournal journal = new LockfileJournal(Path.of(args[0]), "2@there#bbbbbbbbbbbb")) {
            journal.claim(BotId.of(args[1]));
            System.out.println("claimed");
        } catch (BotClaimedException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    @Test
    void shouldRemoveTheTemporaryFilesOfInterruptedWritesOnceItClaimsTheBot() throws IOException {
        LockfileJournal journal = new LockfileJournal(runtime);
        journal.save(entry("bot-t", RunStatus.RUNNING, List.of()));
        Files.writeString(runtime.resolve(".bot-t.json.987654321.tmp"), "half written by a crashed process");

        journal.claim(BotId.of("bot-t"));

        try (Stream<Path> files = Files.list(runtime)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("bot-t.json", "bot-t.lock");
        }
        assertThat(Files.readString(runtime.resolve("bot-t.lock"))).isEqualTo(Owner.thisProcess() + "\n");
        journal.close();
    }

    @Test
    void shouldKeepTheLockfileAsItWasAndNoTemporaryFileWhenASaveFails() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        LockfileJournal journal = new LockfileJournal(runtime, "1@h#cccccccccccc", disk::open);
        JournalEntry saved = entry("bot-d", RunStatus.RUNNING, List.of(intent("o-1", BigInteger.TWO)));
        journal.save(saved);

        disk.fillAfter(64);
        assertThatThrownBy(() -> journal.save(entry("bot-d", RunStatus.RUNNING, List.of())))
                .isInstanceOf(LockfileJournal.JournalException.class)
                .hasMessageContaining("No space left on device");

        assertThat(journal.load(BotId.of("bot-d"))).contains(saved);
        try (Stream<Path> files = Files.list(runtime)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("bot-d.json");
        }
    }

    @Test
    void shouldReadTheLastSavedEntryAfterAPowerLossThatDropsWhatWasNotForced() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        LockfileJournal journal = new LockfileJournal(runtime, "1@h#dddddddddddd", disk::open);
        journal.claim(BotId.of("bot-p"));
        journal.save(entry("bot-p", RunStatus.RUNNING, List.of(intent("o-1", BigInteger.ONE))));
        JournalEntry last = entry("bot-p", RunStatus.PAUSED, List.of(intent("o-2", BigInteger.TWO)));
        journal.save(last);

        // the new content is forced before it is renamed over the lockfile: the power loss takes none of it
        assertThat(disk.crash()).as("bytes lost").isZero();

        try (LockfileJournal next = new LockfileJournal(runtime, "2@h#eeeeeeeeeeee")) {
            next.claim(BotId.of("bot-p")); // the dead process's lock went with it
            assertThat(next.load(BotId.of("bot-p"))).contains(last);
        }
        journal.close();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
