package io.solbot.persistence.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.SolbotException;
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
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash journal as one JSON lockfile per bot, {@code <dir>/<botId>.json}, each replaced atomically and durably
 * (temporary file, fsync, rename, fsync of the directory) on every {@link #save}, and removed on a clean stop.
 *
 * <p>A lockfile that cannot be read (truncated, corrupt, from an unknown version) never stops the boot: it is moved
 * aside to {@code <botId>.json.corrupt-<epoch millis>} with a WARN line naming it and the reason, and the bot is
 * treated as having no journal entry.
 *
 * <p>Thread-safe: writes for one bot are serialised; different bots write in parallel.
 */
public final class LockfileJournal implements Journal {
    private static final Logger log = LoggerFactory.getLogger(LockfileJournal.class);
    private static final int FORMAT_VERSION = 4;
    /**
     * Versions this journal reads: 2 has no {@code unstoredFailures} (read as none kept); 2 and 3 have no intent
     * options and no fill reasons (read as none and as the side's default).
     */
    private static final java.util.Set<Integer> READABLE_VERSIONS = java.util.Set.of(2, 3, FORMAT_VERSION);

    private static final String SUFFIX = ".json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Map<BotId, Object> locks = new ConcurrentHashMap<>();

    /** A journal in {@code dir}, created if missing. */
    public LockfileJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the journal directory " + dir.toAbsolutePath(), e);
        }
    }

    /** The directory that holds the lockfiles. */
    public Path directory() {
        return dir;
    }

    /** The lockfile of {@code botId}. */
    public Path fileOf(BotId botId) {
        return dir.resolve(botId.value() + SUFFIX);
    }

    @Override
    public void save(JournalEntry entry) {
        byte[] bytes;
        try {
            bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Lockfile.of(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the lockfile of bot '" + entry.botId() + "'", e);
        }
        synchronized (lockOf(entry.botId())) {
            try {
                AtomicFile.write(fileOf(entry.botId()), bytes);
            } catch (IOException e) {
                throw new JournalException(
                        "Could not write the lockfile " + fileOf(entry.botId()) + " of bot '" + entry.botId() + "': "
                                + e.getMessage(),
                        e);
            }
        }
    }

    @Override
    public Optional<JournalEntry> load(BotId botId) {
        synchronized (lockOf(botId)) {
            return read(fileOf(botId));
        }
    }

    @Override
    public void delete(BotId botId) {
        synchronized (lockOf(botId)) {
            try {
                AtomicFile.delete(fileOf(botId));
            } catch (IOException e) {
                throw new JournalException(
                        "Could not remove the lockfile " + fileOf(botId) + " of bot '" + botId + "': " + e.getMessage(),
                        e);
            }
        }
    }

    @Override
    public List<JournalEntry> entries() {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the journal directory " + dir.toAbsolutePath(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            BotId botId;
            try {
                botId = BotId.of(name.substring(0, name.length() - SUFFIX.length()));
            } catch (IllegalArgumentException e) {
                moveAside(file, "its name is not a bot id");
                continue;
            }
            synchronized (lockOf(botId)) {
                read(file).ifPresent(entries::add);
            }
        }
        return entries;
    }

    private Optional<JournalEntry> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the lockfile " + file, e);
        }
        try {
            Lockfile lockfile = json.readValue(bytes, Lockfile.class);
            JournalEntry entry = lockfile.toEntry();
            String expected = entry.botId().value() + SUFFIX;
            if (!file.getFileName().toString().equals(expected)) {
                moveAside(file, "it holds the entry of bot '" + entry.botId() + "'");
                return Optional.empty();
            }
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            moveAside(file, describe(e));
            return Optional.empty();
        }
    }

    private void moveAside(Path file, String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn(
                    "Lockfile {} cannot be used ({}); moved it to {} and treat its bot as having no journal entry",
                    file,
                    reason,
                    aside.getFileName());
        } catch (IOException e) {
            log.warn("Lockfile {} cannot be used ({}), and moving it aside failed: {}", file, reason, e.toString());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private Object lockOf(BotId botId) {
        return locks.computeIfAbsent(botId, id -> new Object());
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
                Options options) {}

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
                intents.add(new Intent(
                        i.orderId().value(),
                        i.mint().address(),
                        i.side().name(),
                        i.amountIn().raw().toString(),
                        i.amountIn().decimals(),
                        i.createdAt().toString(),
                        Options.of(i.options())));
            }
            return new Lockfile(
                    FORMAT_VERSION,
                    e.botId().value(),
                    e.strategyId(),
                    e.status().name(),
                    e.configHash(),
                    e.owner(),
                    intents,
                    new LinkedHashMap<>(new java.util.TreeMap<>(e.state())),
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
            for (Intent i : java.util.Objects.requireNonNull(pendingIntents, "pendingIntents")) {
                intents.add(new OrderIntent(
                        OrderId.of(i.orderId()),
                        Mint.of(i.mint()),
                        Side.valueOf(i.side()),
                        new TokenAmount(new BigInteger(i.amountIn()), i.decimals()),
                        Instant.parse(i.createdAt()),
                        i.options() == null ? OrderOptions.NONE : i.options().toOptions()));
            }
            BotId id = BotId.of(botId);
            List<Fill> fills = new ArrayList<>();
            for (FillJson f : java.util.Objects.requireNonNull(unstoredFills, "unstoredFills")) {
                fills.add(f.toFill(id, OrderId.of(java.util.Objects.requireNonNull(f.orderId(), "orderId"))));
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
                    java.util.Objects.requireNonNull(state, "state"),
                    fills,
                    failures,
                    Instant.parse(updatedAt));
        }
    }

    /** A lockfile could not be written or removed; the bot must not act as if it had been. */
    public static final class JournalException extends SolbotException {
        private static final long serialVersionUID = 1L;

        JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
