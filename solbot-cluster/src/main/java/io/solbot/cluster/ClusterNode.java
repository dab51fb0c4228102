package io.solbot.cluster;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.EngineBuilder;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.store.BotClaimedException;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.journal.LockfileJournal;
import io.solbot.persistence.journal.PostgresJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of many machines: bots spread over several JVMs that share one PostgreSQL, each bot run by exactly one
 * node at a time. Each node runs one db-scheduler (its name is the node id); each bot is one task instance, whose
 * execution runs the bot in this node's engine for a slice, then hands it over and reschedules itself, so that any
 * node may pick it next. A node that dies stops heartbeating its executions; after {@code missedHeartbeats}
 * heartbeats the others revive them and one of them picks each bot up, resolving its orders in flight from the
 * journal ({@code bot_intent}).
 *
 * <p>Every write a bot makes (intent, fill, status) passes the {@link Fence} in its own transaction, and no order
 * leaves the node unless it still owns the bot and its heartbeat is well alive ({@link SendGate}). A node that finds
 * it lost a bot, or cannot heartbeat it, stops the bot at once.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.builder(database, "node-a").build();
 * SolbotEngine engine = node.configure(SolbotEngine.builder())
 *         .strategyProvider(provider).swapExecutor(executor).build();
 * node.start(engine, specs);
 * ...
 * node.close(); // hands every bot over at once, then stops the engine
 * }</pre>
 *
 * <p>Threading: thread-safe. The node owns its scheduler's threads (a virtual thread per running slice) and one
 * housekeeping thread.
 */
public final class ClusterNode implements AutoCloseable {
    /** The db-scheduler task whose instances are the bots. */
    public static final String TASK = "solbot-bot";

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final PostgresDatabase database;
    private final String nodeId;
    private final Duration slice;
    private final Duration heartbeat;
    private final int missedHeartbeats;
    private final Duration pollInterval;
    private final Duration handOverTimeout;
    private final int maxBots;
    private final Path lockfiles;
    private final Fence fence;
    private final FairShare fairShare;
    private final Map<BotId, BotSpec> specs = new ConcurrentHashMap<>();
    private volatile SolbotEngine engine;
    private volatile Scheduler scheduler;
    private volatile Thread housekeeper;
    private volatile Thread watch;
    private volatile boolean closing;

    private ClusterNode(Builder b) {
        this.database = b.database;
        this.nodeId = b.nodeId;
        this.slice = b.slice;
        this.heartbeat = b.heartbeat;
        this.missedHeartbeats = b.missedHeartbeats;
        this.pollInterval = b.pollInterval;
        this.handOverTimeout = b.handOverTimeout;
        this.maxBots = b.maxBots;
        this.lockfiles = b.lockfiles;
        this.fence = new Fence(TASK, nodeId, b.heartbeat.multipliedBy(b.missedHeartbeats));
        this.fairShare = new FairShare(
                database.dataSource(), TASK, nodeId, FairShare.goneAfter(b.heartbeat, b.missedHeartbeats));
    }

    /**
     * A node named {@code nodeId} on {@code database} (its schema migrated by {@link PostgresDatabase#open}).
     *
     * @param nodeId unique among the nodes that share the database, and the same after a restart of this node
     */
    public static Builder builder(PostgresDatabase database, String nodeId) {
        return new Builder(database, nodeId);
    }

    /**
     * Gives {@code builder} this node's fenced stores and journal, its send check and its name as the owner. Build the
     * engine that {@link #start} runs from it.
     */
    public EngineBuilder configure(EngineBuilder builder) {
        return builder.runStatusStore(new PostgresRunStatusStore(database, nodeId, id -> null, fence))
                .fillStore(new PostgresFillStore(database, fence))
                .journal(new PostgresJournal(database, fence, InstantSource.system()))
                .orderCheck(new SendGate(fence, nodeId, 0.5))
                .owner(nodeId);
    }

    /**
     * Joins the cluster: registers {@code bots} (a bot registered before keeps its execution and its owner) and starts
     * picking bots to run in {@code engine}. Every node should be given the same bots.
     *
     * @throws SolbotException if a lockfile remains in the node's lockfile directory (import it first: {@link
     *     #importLockfiles}), or the node started already
     */
    public synchronized void start(SolbotEngine engine, Collection<BotSpec> bots) {
        Objects.requireNonNull(engine, "engine");
        if (this.engine != null) {
            throw new SolbotException("Node " + nodeId + " is started already");
        }
        refuseLockfiles();
        for (BotSpec spec : bots) {
            specs.put(spec.botId(), spec);
        }
        this.engine = engine;
        CustomTask<Void> task =
                Tasks.custom(TASK, Void.class).onDeadExecutionRevive().execute(this::runSlice);
        try {
            fairShare.markAlive();
            fence.contact();
        } catch (SQLException e) {
            throw new SolbotException("Node " + nodeId + " could not join the cluster: " + e.getMessage(), e);
        }
        Scheduler s = Scheduler.create(database.dataSource(), task)
                .schedulerName(new SchedulerName.Fixed(nodeId))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .pollingInterval(pollInterval)
                .threads(maxBots)
                .executorService(Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("solbot-slice-", 0).factory()))
                .shutdownMaxWait(handOverTimeout.plusSeconds(1))
                .build();
        for (BotSpec spec : bots) {
            s.scheduleIfNotExists(task.instance(spec.botId().value()), Instant.now());
        }
        scheduler = s;
        s.start();
        Housekeeping house =
                new Housekeeping(database.dataSource(), fence, fairShare, nodeId, slice, heartbeat, () -> closing);
        housekeeper =
                Thread.ofPlatform().daemon().name("solbot-cluster-" + nodeId).start(house::keepHouse);
        watch = Thread.ofPlatform()
                .daemon()
                .name("solbot-cluster-watch-" + nodeId)
                .start(house::watchHeartbeats);
        log.info("Node {} joined the cluster with {} bots", nodeId, bots.size());
    }

    /**
     * The bots this node runs now and has not found lost. A bot another node revived may still be listed here until
     * this node's next check (one heartbeat), but its writes and orders are refused by the fence meanwhile.
     */
    public Set<BotId> owned() {
        return fence.owned().values().stream()
                .filter(own -> !own.isLost())
                .map(Ownership::botId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Who runs each bot of the cluster, by bot id: what the execution rows say. */
    public List<BotOwner> owners() {
        return owners(database);
    }

    /** Who runs each bot of the cluster on {@code database}, by bot id. */
    public static List<BotOwner> owners(PostgresDatabase database) {
        List<BotOwner> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT task_instance, picked, picked_by, version,"
                        + " last_heartbeat FROM scheduled_tasks WHERE task_name = ? ORDER BY task_instance")) {
            s.setString(1, TASK);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp beat = r.getTimestamp(5);
                    out.add(new BotOwner(
                            BotId.of(r.getString(1)),
                            r.getBoolean(2) ? Optional.ofNullable(r.getString(3)) : Optional.empty(),
                            r.getLong(4),
                            Optional.ofNullable(beat).map(Timestamp::toInstant)));
                }
            }
        } catch (SQLException e) {
            throw new SolbotException("Could not read who runs the bots: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /**
     * Moves the lockfiles in {@code directory} into the database's journal once (see {@link
     * PostgresJournal#importLockfiles}): run before the first node of a cluster starts.
     */
    public static List<BotId> importLockfiles(PostgresDatabase database, Path directory) {
        try (LockfileJournal lockfiles = new LockfileJournal(directory, "import")) {
            return new PostgresJournal(database, io.solbot.persistence.WriteFence.NONE, InstantSource.system())
                    .importLockfiles(lockfiles, "import");
        }
    }

    /**
     * Leaves the cluster gracefully: picks nothing more, hands every bot it runs over at once (each rescheduled for
     * now, so another node picks it at its next poll), stops the scheduler, then shuts the engine down.
     */
    @Override
    public void close() {
        Scheduler s;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            s = scheduler;
        }
        if (s != null) {
            s.pause();
            fence.owned().values().forEach(own -> own.end("node " + nodeId + " leaves the cluster"));
            s.stop();
        }
        for (Thread t : new Thread[] {housekeeper, watch}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(heartbeat.toMillis() * 2 + 1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            fairShare.leave();
        } catch (SQLException e) {
            log.warn("Node {} could not remove its mark from cluster_node: {}", nodeId, e.getMessage());
        }
        SolbotEngine e = engine;
        if (e != null) {
            e.shutdown(handOverTimeout);
        }
        log.info("Node {} left the cluster", nodeId);
    }

    // ---- one slice of one bot, on a thread of the scheduler ----

    private CompletionHandler<Void> runSlice(TaskInstance<Void> instance, ExecutionContext ctx) {
        BotId botId = BotId.of(instance.getId());
        BotSpec spec = specs.get(botId);
        if (spec == null || closing) {
            // not this node's to run (its bots file lacks it) or it leaves: another node takes it
            return later(pollInterval);
        }
        Ownership own;
        synchronized (fence) {
            if (!takesMore()) {
                // due again at once, for the next node that polls: a node below its share takes it then. Not later:
                // after a takeover the first node to poll picks every bot the dead node left, and refuses all but its
                // share; a delay here would add to the takeover of the rest
                return later(Duration.ZERO);
            }
            own = new Ownership(botId, ctx.getExecution().version, ctx.getCurrentlyExecuting(), Instant.now());
            fence.owned().put(botId, own);
        }
        try {
            try {
                engine.recover(spec);
            } catch (RuntimeException e) {
                log.warn("Node {} could not run bot '{}': {}", nodeId, botId, e.getMessage());
                boolean lost = own.isLost() || e instanceof BotClaimedException;
                own.end("it could not be started here");
                // lost: the row is another node's; otherwise let another node (or this one, later) try again
                return lost ? (c, ops) -> {} : later(pollInterval.multipliedBy(5));
            }
            log.info("Node {} runs bot '{}' (fence version {})", nodeId, botId, own.version());
            try {
                while (!own.awaitEnd(heartbeat.toMillis())) {
                    // the housekeeper ends the slice; nothing to do here between its checks
                }
            } catch (InterruptedException e) {
                own.end("the scheduler stopped");
            }
            boolean lost = own.isLost();
            try {
                // a bot lost to another node hands over at once: its writes are refused from now on anyway
                engine.handOver(botId, lost ? Duration.ZERO : handOverTimeout);
            } catch (RuntimeException e) {
                log.warn("Node {}: bot '{}' did not hand over cleanly: {}", nodeId, botId, e.toString());
            }
            log.info("Node {} handed bot '{}' over: {}", nodeId, botId, own.endReason());
            // the row is another node's now, or this node cannot reach it: leave it to the dead-execution revival
            return lost ? (c, ops) -> {} : later(Duration.ZERO);
        } finally {
            fence.owned().remove(botId, own);
        }
    }

    /** Whether this node takes one more bot; true when the counts cannot be read (the fence still guards). */
    private boolean takesMore() {
        try {
            return fairShare.counts().takesMore(fence.owned().size());
        } catch (SQLException e) {
            return true;
        }
    }

    private static CompletionHandler<Void> later(Duration delay) {
        return (complete, ops) -> ops.reschedule(complete, Instant.now().plus(delay));
    }

    private void refuseLockfiles() {
        if (lockfiles == null || !Files.isDirectory(lockfiles)) {
            return;
        }
        List<Path> left;
        try (Stream<Path> files = Files.list(lockfiles)) {
            left = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the lockfile directory " + lockfiles, e);
        }
        if (!left.isEmpty()) {
            throw new SolbotException("Node " + nodeId + " refuses to run in a cluster while " + left.size()
                    + " lockfiles remain in " + lockfiles + " ("
                    + left.getFirst().getFileName()
                    + (left.size() > 1 ? ", ..." : "") + "): their orders in flight would be resolved by no node."
                    + " Import them once into the database first (ClusterNode.importLockfiles, or `run --cluster"
                    + " --import-lockfiles`)");
        }
    }

    /** Settings of a node; every duration is positive. */
    public static final class Builder {
        private final PostgresDatabase database;
        private final String nodeId;
        private Duration slice = Duration.ofMinutes(10);
        private Duration heartbeat = Duration.ofSeconds(1);
        private int missedHeartbeats = 4;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration handOverTimeout = Duration.ofSeconds(10);
        private int maxBots = 1_000;
        private Path lockfiles;

        private Builder(PostgresDatabase database, String nodeId) {
            this.database = Objects.requireNonNull(database, "database");
            Objects.requireNonNull(nodeId, "nodeId");
            if (!nodeId.matches("[A-Za-z0-9._:-]{1,64}")) {
                throw new IllegalArgumentException(
                        "nodeId must be 1 to 64 letters, digits or . _ : -, but was '" + nodeId + "'");
            }
            this.nodeId = nodeId;
        }

        /** How long a node runs a bot before it hands it over and any node may pick it; default 10 minutes. */
        public Builder slice(Duration slice) {
            this.slice = positive("slice", slice);
            return this;
        }

        /**
         * How often a node heartbeats the bots it runs, and after how many missed heartbeats the others take them
         * over; default 1 second and 4.
         */
        public Builder heartbeat(Duration interval, int missedBeforeDead) {
            if (missedBeforeDead < 2) {
                throw new IllegalArgumentException("missedBeforeDead must be at least 2, but was " + missedBeforeDead);
            }
            this.heartbeat = positive("heartbeat", interval);
            this.missedHeartbeats = missedBeforeDead;
            return this;
        }

        /** How often a node looks for bots due to run; default 1 second. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /** How long a bot handed over may wait for its orders in flight; default 10 seconds. */
        public Builder handOverTimeout(Duration timeout) {
            this.handOverTimeout = positive("handOverTimeout", timeout);
            return this;
        }

        /** The most bots one node runs at once; default 1,000. */
        public Builder maxBots(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBots must be at least 1, but was " + max);
            }
            this.maxBots = max;
            return this;
        }

        /** The single-node lockfile directory: the node refuses to start while a lockfile remains in it. */
        public Builder lockfiles(Path directory) {
            this.lockfiles = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public ClusterNode build() {
            return new ClusterNode(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + d);
            }
            return d;
        }
    }
}
