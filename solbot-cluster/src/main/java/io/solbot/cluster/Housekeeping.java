package io.solbot.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's two watchers of the bots it runs: the housekeeper (every heartbeat: marks the node alive, compares its
 * picks with the execution rows, ends slices that are over and slices above the node's fair share) and the heartbeat
 * watch (four times per heartbeat, without the database: stops bots whose heartbeat is close to dead).
 *
 * <p>Threading: each loop runs on a thread of its own until {@code closing} says so or the thread is interrupted.
 */
final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final DataSource dataSource;
    private final Fence fence;
    private final FairShare fairShare;
    private final String nodeId;
    private final Duration slice;
    private final Duration heartbeat;
    private final BooleanSupplier closing;

    Housekeeping(
            DataSource dataSource,
            Fence fence,
            FairShare fairShare,
            String nodeId,
            Duration slice,
            Duration heartbeat,
            BooleanSupplier closing) {
        this.dataSource = dataSource;
        this.fence = fence;
        this.fairShare = fairShare;
        this.nodeId = nodeId;
        this.slice = slice;
        this.heartbeat = heartbeat;
        this.closing = closing;
    }

    void keepHouse() {
        while (!closing.getAsBoolean()) {
            try {
                Thread.sleep(heartbeat.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                checkOnce();
            } catch (RuntimeException e) {
                log.warn("Node {}: housekeeping failed: {}", nodeId, e.toString());
            }
        }
    }

    /**
     * Stops, on its own, every bot whose heartbeat is close to dead (cut off from the database, or paused): before the
     * others revive it elsewhere. Needs no database, so it runs on a thread of its own, four times per heartbeat: the
     * housekeeper may wait for a connection meanwhile.
     */
    void watchHeartbeats() {
        long period = Math.max(1, heartbeat.toMillis() / 4);
        while (!closing.getAsBoolean()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            try {
                for (Ownership own : fence.owned().values()) {
                    double dead = fence.fractionDead(own);
                    if (dead >= 0.75) {
                        own.lose("its heartbeat is close to dead (" + Math.round(dead * 100) + "%)");
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Node {}: the heartbeat watch failed: {}", nodeId, e.toString());
            }
        }
    }

    /** One round of the housekeeper's checks; each goes on if an earlier one could not reach the database. */
    void checkOnce() {
        Collection<Ownership> running = List.copyOf(fence.owned().values());
        try {
            fairShare.markAlive();
            Map<String, Long> picked = pickedHere();
            fence.contact();
            for (Ownership own : running) {
                Long version = picked.get(own.botId().value());
                if (version == null || version != own.version()) {
                    own.lose("its execution is no longer picked by " + nodeId + " at version " + own.version());
                }
            }
            Instant now = Instant.now();
            running.stream()
                    .filter(own -> now.isAfter(own.since().plus(slice)))
                    .forEach(own -> own.end("its slice of " + slice + " is over"));
            int excess = fairShare.counts().excess(fence.owned().size());
            fence.owned().values().stream()
                    .filter(own -> own.endReason() == null)
                    .sorted(Comparator.comparing(Ownership::since))
                    .limit(Math.max(0, excess))
                    .forEach(own -> own.end("node " + nodeId + " runs more than its fair share"));
        } catch (SQLException e) {
            log.debug("Node {}: housekeeping could not reach the database: {}", nodeId, e.getMessage());
        }
    }

    /** The executions this node has picked, by bot id, with their versions. */
    private Map<String, Long> pickedHere() throws SQLException {
        Map<String, Long> out = new ConcurrentHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT task_instance, version FROM scheduled_tasks"
                        + " WHERE task_name = ? AND picked AND picked_by = ?")) {
            s.setString(1, ClusterNode.TASK);
            s.setString(2, nodeId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return out;
    }
}
