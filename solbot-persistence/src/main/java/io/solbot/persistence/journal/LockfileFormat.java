package io.solbot.persistence.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.codec.FillJson;
import io.solbot.core.codec.OrderFailureJson;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.UnreadableJournalEntryException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON form of a lockfile, and reading one that may be damaged, of another bot or of another version, failing
 * closed with the reason. {@link LockfileJournal} does the files, the claims and the locking.
 */
final class LockfileFormat {
    private static final int FORMAT_VERSION = 4;
    /**
     * Versions this journal reads: 2 has no {@code unstoredFailures} (read as none kept); 2 and 3 have no intent
     * options and no fill reasons (read as none and as the side's default).
     */
    private static final Set<Integer> READABLE_VERSIONS = Set.of(2, 3, FORMAT_VERSION);

    private static final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private LockfileFormat() {}

    /** {@code entry} in the current format, pretty-printed. */
    static byte[] encode(JournalEntry entry) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Lockfile.of(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the lockfile of bot '" + entry.botId() + "'", e);
        }
    }

    /** {@code entry} in the current format, compact: the form the PostgreSQL journal stores. */
    static byte[] encodeCompact(JournalEntry entry) {
        try {
            return json.writeValueAsBytes(Lockfile.of(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the journal entry of bot '" + entry.botId() + "'", e);
        }
    }

    /**
     * The entry {@link #encodeCompact} wrote.
     *
     * @throws IOException if it is not JSON of a readable format version
     * @throws RuntimeException if a field cannot be read
     */
    static JournalEntry decode(byte[] bytes) throws IOException {
        return json.readValue(bytes, Lockfile.class).toEntry();
    }

    /** One order intent alone, as a lockfile holds it: the payload of a {@code bot_intent} row. */
    static byte[] encodeIntent(OrderIntent intent) {
        try {
            return json.writeValueAsBytes(Lockfile.Intent.of(intent));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the intent of order " + intent.orderId(), e);
        }
    }

    /**
     * The intent {@link #encodeIntent} wrote.
     *
     * @throws IOException if it is not the JSON of an intent
     */
    static OrderIntent decodeIntent(byte[] bytes) throws IOException {
        return json.readValue(bytes, Lockfile.Intent.class).toIntent();
    }

    /**
     * The entry in {@code file}, the lockfile of {@code botId}; empty if there is no such file.
     *
     * @throws UnreadableJournalEntryException if it cannot be read, saying why; the file is left as it is
     */
    static Optional<JournalEntry> read(BotId botId, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(botId, file, "reading it failed: " + e, e, false);
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException e) {
            throw unreadable(botId, file, "it is not whole JSON (" + describe(e) + ")", e, false);
        }
        if (tree == null || !tree.isObject()) {
            throw unreadable(botId, file, "it holds no JSON object", null, false);
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw unreadable(botId, file, "it has no format version", null, false);
        }
        if (!READABLE_VERSIONS.contains(version.intValue())) {
            boolean newer = version.intValue() > FORMAT_VERSION;
            throw unreadable(
                    botId,
                    file,
                    "its format version " + version.intValue() + " is not one this solbot reads (2 to " + FORMAT_VERSION
                            + ")" + (newer ? ": a newer solbot wrote it" : ""),
                    null,
                    newer);
        }
        JournalEntry entry;
        try {
            entry = json.treeToValue(tree, Lockfile.class).toEntry();
        } catch (IOException | RuntimeException e) {
            throw unreadable(botId, file, "a field cannot be read (" + describe(e) + ")", e, false);
        }
        if (!entry.botId().equals(botId)) {
            throw unreadable(botId, file, "it holds the entry of bot '" + entry.botId() + "'", null, false);
        }
        return Optional.of(entry);
    }

    private static UnreadableJournalEntryException unreadable(
            BotId botId, Path file, String why, Throwable cause, boolean newer) {
        return new UnreadableJournalEntryException(
                botId,
                "The lockfile " + file + " of bot '" + botId + "' cannot be read: " + why + ". It may hold the bot's"
                        + " orders in flight, fills not yet stored and its status, so the bot is not started as if it"
                        + " had none. Check the file; then repair it"
                        + (newer ? ", run the newer solbot again," : "") + " or move it aside with `solbot run"
                        + " --discard-journal " + botId + "` (LockfileJournal.discard) to start the bot afresh.",
                cause);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The on-disk form. Amounts are decimal strings of raw units, so no JSON reader rounds them. Version 2 added the
     * fills the fill store has not taken yet ({@code unstoredFills}); version 3 the failed orders it has not taken
     * yet ({@code unstoredFailures}); version 4 each intent's order options ({@code options}, null for none) and each
     * fill's reason. A version 2 or 3 lockfile still reads (as none kept, no options, default reasons); an entry is
     * rewritten in the current version on its next change.
     */
    record Lockfile(
            int version,
            String botId,
            String strategyId,
            String status,
            String configHash,
            String owner,
            List<Intent> pendingIntents,
            Map<String, String> state,
            List<FillJson> unstoredFills,
            List<OrderFailureJson> unstoredFailures,
            String updatedAt) {

        /** An intent; {@code options} null when the order had none (and in versions before 4). */
        record Intent(
                String orderId,
                String mint,
                String side,
                String amountIn,
                int decimals,
                String createdAt,
                Options options) {
            static Intent of(OrderIntent i) {
                return new Intent(
                        i.orderId().value(),
                        i.mint().address(),
                        i.side().name(),
                        i.amountIn().raw().toString(),
                        i.amountIn().decimals(),
                        i.createdAt().toString(),
                        Options.of(i.options()));
            }

            OrderIntent toIntent() {
                return new OrderIntent(
                        OrderId.of(orderId),
                        Mint.of(mint),
                        Side.valueOf(side),
                        new TokenAmount(new BigInteger(amountIn), decimals),
                        Instant.parse(createdAt),
                        options == null ? OrderOptions.NONE : options.toOptions());
            }
        }

        /** The options an order set; each null when not set. */
        record Options(
                Integer slippageBps, Long priorityFeeLamports, Long jitoTipLamports, String wallet, String reason) {
            static Options of(OrderOptions o) {
                if (o.isEmpty()) {
                    return null;
                }
                return new Options(
                        o.slippageBps().isPresent() ? o.slippageBps().getAsInt() : null,
                        o.priorityFee().map(Lamports::value).orElse(null),
                        o.jitoTip().map(Lamports::value).orElse(null),
                        o.wallet().orElse(null),
                        o.reason().orElse(null));
            }

            OrderOptions toOptions() {
                OrderOptions o = OrderOptions.NONE;
                if (slippageBps != null) {
                    o = o.withSlippageBps(slippageBps);
                }
                if (priorityFeeLamports != null) {
                    o = o.withPriorityFee(Lamports.of(priorityFeeLamports));
                }
                if (jitoTipLamports != null) {
                    o = o.withJitoTip(Lamports.of(jitoTipLamports));
                }
                if (wallet != null) {
                    o = o.withWallet(wallet);
                }
                if (reason != null) {
                    o = o.withReason(reason);
                }
                return o;
            }
        }

        static Lockfile of(JournalEntry e) {
            List<Intent> intents = new ArrayList<>();
            for (OrderIntent i : e.pendingIntents()) {
                intents.add(Intent.of(i));
            }
            return new Lockfile(
                    FORMAT_VERSION,
                    e.botId().value(),
                    e.strategyId(),
                    e.status().name(),
                    e.configHash(),
                    e.owner(),
                    intents,
                    new LinkedHashMap<>(new TreeMap<>(e.state())),
                    e.unstoredFills().stream().map(FillJson::of).toList(),
                    e.unstoredFailures().stream().map(OrderFailureJson::of).toList(),
                    e.updatedAt().toString());
        }

        JournalEntry toEntry() {
            if (!READABLE_VERSIONS.contains(version)) {
                throw new IllegalArgumentException(
                        "format version " + version + " is not one this solbot reads (2 to " + FORMAT_VERSION + ")");
            }
            List<OrderIntent> intents = new ArrayList<>();
            for (Intent i : Objects.requireNonNull(pendingIntents, "pendingIntents")) {
                intents.add(i.toIntent());
            }
            BotId id = BotId.of(botId);
            List<Fill> fills = new ArrayList<>();
            for (FillJson f : Objects.requireNonNull(unstoredFills, "unstoredFills")) {
                fills.add(f.toFill(id, OrderId.of(Objects.requireNonNull(f.orderId(), "orderId"))));
            }
            List<OrderFailure> failures = new ArrayList<>();
            if (unstoredFailures != null) {
                for (OrderFailureJson f : unstoredFailures) {
                    failures.add(f.toFailure());
                }
            }
            return new JournalEntry(
                    id,
                    strategyId,
                    RunStatus.valueOf(status),
                    configHash,
                    owner,
                    intents,
                    Objects.requireNonNull(state, "state"),
                    fills,
                    failures,
                    Instant.parse(updatedAt));
        }
    }
}
