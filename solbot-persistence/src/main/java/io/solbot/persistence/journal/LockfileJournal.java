package io.solbot.persistence.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.Owner;
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
import io.solbot.core.store.BotClaimedException;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.UnreadableJournalEntryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash journal as one JSON lockfile per bot, {@code <dir>/<botId>.json}, each replaced atomically and durably
 * (temporary file of its own, fsync, rename, fsync of the directory) on every {@link #save}, and removed on a clean
 * stop.
 *
 * <p>Failing closed. A lockfile that cannot be read (damaged, written by a newer version, holding another bot's entry)
 * is never taken for no entry: {@link #load} throws {@link UnreadableJournalEntryException}, naming the file, why, and
 * what to do, and the file stays where it is. {@link #scan} lists the entries that can be read and the files that
 * cannot, so that a host starts every other bot and refuses only those. Discarding an entry is an operator's explicit
 * act: {@link #discard}.
 *
 * <p>Ownership. {@link #claim} takes an OS lock ({@link FileChannel#tryLock}) on {@code <dir>/<botId>.lock} and holds
 * it until {@link #release} or {@link #close} (or the process dies, when the OS lets it go): a second process on the
 * same directory cannot claim the bot, and learns from the lock file who holds it. Lock files stay when released: a
 * lock file removed while another process waits to lock it would let two processes hold "the" lock.
 *
 * <p>Thread-safe: writes for one bot are serialised; different bots write in parallel.
 */
public final class LockfileJournal implements Journal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LockfileJournal.class);
    private static final int FORMAT_VERSION = 4;
    /**
     * Versions this journal reads: 2 has no {@code unstoredFailures} (read as none kept); 2 and 3 have no intent
     * options and no fill reasons (read as none and as the side's default).
     */
    private static final Set<Integer> READABLE_VERSIONS = Set.of(2, 3, FORMAT_VERSION);

    private static final String SUFFIX = ".json";
    private static final String LOCK_SUFFIX = ".lock";
    /**
     * The byte of a lock file that a claim locks: one far beyond its content, because on some platforms (Windows) a
     * locked range cannot be read by others, and the content names the owner to them.
     */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private static final DateTimeFormatter DISCARDED_AT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String owner;
    private final AtomicFile.Opener opener;
    private final AtomicFile files;
    private final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Map<BotId, Object> locks = new ConcurrentHashMap<>();
    /** The lock files of the bots this journal has claimed, open and locked. */
    private final Map<BotId, FileChannel> claims = new ConcurrentHashMap<>();

    /** A journal in {@code dir}, created if missing, that claims bots as {@link Owner#thisProcess()}. */
    public LockfileJournal(Path dir) {
        this(dir, Owner.thisProcess().toString());
    }

    /**
     * A journal in {@code dir}, created if missing, that claims bots as {@code owner} (what other processes are told
     * holds a claim; the owner the engine writes into the entries, in {@link Owner}'s form).
     */
    public LockfileJournal(Path dir, String owner) {
        this(dir, owner, FileChannel::open);
    }

    /** For tests: opens the files it writes through {@code opener}, which may fail writes. */
    LockfileJournal(Path dir, String owner, AtomicFile.Opener opener) {
        this.dir = dir;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.opener = opener;
        this.files = new AtomicFile(opener);
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

    /** The file whose OS lock is {@code botId}'s claim. */
    public Path lockFileOf(BotId botId) {
        return dir.resolve(botId.value() + LOCK_SUFFIX);
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
                files.write(fileOf(entry.botId()), bytes);
            } catch (IOException e) {
                throw new JournalException(
                        "Could not write the lockfile " + fileOf(entry.botId()) + " of bot '" + entry.botId() + "': "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnreadableJournalEntryException if the bot's lockfile exists and cannot be read; it is left as it is
     */
    @Override
    public Optional<JournalEntry> load(BotId botId) {
        synchronized (lockOf(botId)) {
            return read(botId, fileOf(botId));
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

    /**
     * The entries that can be read, in the order of their bot ids; one that cannot is left out with a WARN naming it
     * (its {@link #load} throws). {@link #scan} tells both.
     */
    @Override
    public List<JournalEntry> entries() {
        Scan scan = scan();
        scan.unreadable().forEach(e -> log.warn("{}", e.getMessage()));
        return scan.entries();
    }

    /**
     * What the directory holds: the entries that can be read, and for each lockfile that cannot, why, in the order
     * of their bot ids. A file named {@code *.json} whose name is no bot id is no bot's lockfile: it is left alone with
     * a WARN.
     *
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public Scan scan() {
        List<Path> found;
        try (Stream<Path> list = Files.list(dir)) {
            found = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the journal directory " + dir.toAbsolutePath(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        List<UnreadableJournalEntryException> unreadable = new ArrayList<>();
        for (Path file : found) {
            String name = file.getFileName().toString();
            BotId botId;
            try {
                botId = BotId.of(name.substring(0, name.length() - SUFFIX.length()));
            } catch (IllegalArgumentException e) {
                log.warn("{} is no bot's lockfile (its name is not a bot id); left alone", file);
                continue;
            }
            synchronized (lockOf(botId)) {
                try {
                    read(botId, file).ifPresent(entries::add);
                } catch (UnreadableJournalEntryException e) {
                    unreadable.add(e);
                }
            }
        }
        return new Scan(entries, unreadable);
    }

    /**
     * The lockfiles of a directory: the entries that can be read, and one exception for each that cannot (naming the
     * bot, the file, why and what to do).
     */
    public record Scan(List<JournalEntry> entries, List<UnreadableJournalEntryException> unreadable) {
        public Scan {
            entries = List.copyOf(entries);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * When the oldest order intent of any entry was journalled, or empty if no entry holds one: what the paper
     * executor's execution log must keep outcomes since ({@code PaperExecutor.Builder.retainOutcomesSince}).
     *
     * @throws UnreadableJournalEntryException if a lockfile cannot be read: it may hold an older intent
     */
    public Optional<Instant> oldestPendingIntent() {
        Scan scan = scan();
        if (!scan.unreadable().isEmpty()) {
            throw scan.unreadable().getFirst();
        }
        return scan.entries().stream()
                .flatMap(e -> e.pendingIntents().stream())
                .map(OrderIntent::createdAt)
                .min(Comparator.naturalOrder());
    }

    /**
     * Moves the lockfile of {@code botId} aside, to {@code <botId>.json.discarded-<UTC time>} beside it, durably:
     * what an operator does, after checking it, with a lockfile that cannot be read (or one whose bot should start
     * afresh). The bot then starts with no entry: its orders in flight, fills not yet stored and state in the file are
     * no longer the engine's to resolve, record or restore. Not for a bot this process runs.
     *
     * @return where the file went, or empty if the bot has no lockfile
     * @throws BotClaimedException if another process holds the bot's claim
     * @throws JournalException if the file cannot be moved
     */
    public Optional<Path> discard(BotId botId) {
        synchronized (lockOf(botId)) {
            boolean claimedHere = claims.containsKey(botId);
            claim(botId);
            try {
                Path file = fileOf(botId);
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                String at = DISCARDED_AT.format(Instant.now());
                Path aside = file.resolveSibling(file.getFileName() + ".discarded-" + at);
                for (int n = 2; Files.exists(aside); n++) {
                    aside = file.resolveSibling(file.getFileName() + ".discarded-" + at + "-" + n);
                }
                AtomicFile.move(file, aside);
                log.warn("Discarded the lockfile of bot '{}': moved {} to {}", botId, file, aside.getFileName());
                return Optional.of(aside);
            } catch (IOException e) {
                throw new JournalException(
                        "Could not move the lockfile " + fileOf(botId) + " of bot '" + botId + "' aside: "
                                + e.getMessage(),
                        e);
            } finally {
                if (!claimedHere) {
                    release(botId);
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: an OS lock on {@link #lockFileOf}, into which this journal writes its owner, held until {@link
     * #release} or {@link #close}. Temporary files that interrupted writes of the bot's lockfile left behind are
     * removed once the claim holds (no one else writes them then).
     *
     * @throws BotClaimedException if another process holds the lock (named by what it wrote into the file), or
     *     another journal of this process does
     * @throws JournalException if the lock file cannot be opened or written
     */
    @Override
    public void claim(BotId botId) {
        synchronized (lockOf(botId)) {
            if (claims.containsKey(botId)) {
                return;
            }
            Path lockFile = lockFileOf(botId);
            FileChannel ch = null;
            boolean held = false;
            try {
                ch = opener.open(
                        lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                String where;
                try {
                    lock = ch.tryLock(LOCKED_BYTE, 1, false);
                    where = "";
                } catch (OverlappingFileLockException e) {
                    lock = null;
                    where = ", through another journal on " + dir + " in this process";
                }
                if (lock == null) {
                    String other = ownerIn(ch);
                    throw new BotClaimedException(
                            botId,
                            other,
                            "Bot '" + botId + "' is claimed by " + other + where + " (it holds the lock on " + lockFile
                                    + "); stop that process first, this one leaves the bot alone");
                }
                ch.truncate(0);
                ByteBuffer name = ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8));
                while (name.hasRemaining()) {
                    ch.write(name, name.position());
                }
                ch.force(true);
                AtomicFile.removeTemporaryFiles(fileOf(botId));
                claims.put(botId, ch);
                held = true;
            } catch (IOException e) {
                throw new JournalException(
                        "Could not claim bot '" + botId + "' with the lock file " + lockFile + ": " + e.getMessage(),
                        e);
            } finally {
                if (!held && ch != null) {
                    closeQuietly(ch);
                }
            }
        }
    }

    /** {@inheritDoc} The lock file stays (see the class comment). */
    @Override
    public void release(BotId botId) {
        synchronized (lockOf(botId)) {
            FileChannel ch = claims.remove(botId);
            if (ch != null) {
                closeQuietly(ch);
            }
        }
    }

    /** Releases every claim this journal holds. */
    @Override
    public void close() {
        for (BotId botId : List.copyOf(claims.keySet())) {
            release(botId);
        }
    }

    /** Who wrote itself into a lock file: its owner, or a description if it has not written yet. */
    private static String ownerIn(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // reads until the file or the buffer ends
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "a process that has not written its name yet" : text;
    }

    private void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            log.warn("Could not close a lock file in {}: {}", dir, e.toString());
        }
    }

    private Optional<JournalEntry> read(BotId botId, Path file) {
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

    /** A lockfile could not be written, removed or moved, or a claim could not be taken for want of its file; the bot
     * must not act as if it had been. */
    public static final class JournalException extends SolbotException {
        private static final long serialVersionUID = 1L;

        JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
