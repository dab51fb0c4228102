package io.solbot.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How many bots each live node should run. Every node marks itself alive in {@code cluster_node}; a node whose mark is
 * older than {@code goneAfter} (by the database's clock, so that node clocks do not matter here) does not count. With
 * {@code T} bots and {@code n} live nodes each node runs {@code T / n} or one more: a node picks a bot only below that,
 * and ends slices early above it, so that bots move to a node that joins.
 */
final class FairShare {
    /** What the live nodes run now: the bots each picked, by node, and the bots in all. */
    record Counts(Map<String, Integer> byNode, int bots) {
        int floor() {
            return byNode.isEmpty() ? bots : bots / byNode.size();
        }

        int ceiling() {
            return byNode.isEmpty() ? bots : floor() + (bots % byNode.size() == 0 ? 0 : 1);
        }

        /** Whether a live node runs fewer than the floor: then no node at the floor or above takes more. */
        boolean someoneBelowFloor() {
            int floor = floor();
            return byNode.values().stream().anyMatch(n -> n < floor);
        }

        /**
         * Whether a node that runs {@code owned} bots takes one more. Never refuses at once on every node: a bot that
         * no node runs means some live node runs fewer than the ceiling.
         */
        boolean takesMore(int owned) {
            return owned < floor() || (owned < ceiling() && !someoneBelowFloor());
        }

        /** How many slices a node that runs {@code owned} bots should end now. */
        int excess(int owned) {
            if (owned > ceiling()) {
                return owned - ceiling();
            }
            return owned > floor() && someoneBelowFloor() ? 1 : 0;
        }
    }

    private final DataSource dataSource;
    private final String taskName;
    private final String node;
    private final Duration goneAfter;

    FairShare(DataSource dataSource, String taskName, String node, Duration goneAfter) {
        this.dataSource = dataSource;
        this.taskName = taskName;
        this.node = node;
        this.goneAfter = goneAfter;
    }

    /**
     * How old a node's mark may be before the node no longer counts, for nodes that mark themselves every {@code
     * heartbeat} and are taken over after {@code missed} missed heartbeats: half that time, and at least two
     * heartbeats. A dead node must stop counting before its bots are revived (its last heartbeat of them is at most one
     * heartbeat older than its last mark), or it counts as a live node below its share while the bots it left wait:
     * every other node at its share refuses them until the mark expires, and the takeover takes seconds longer. A
     * live node that misses a mark only skews the shares for a moment; ownership never depends on it.
     */
    static Duration goneAfter(Duration heartbeat, int missed) {
        Duration half = heartbeat.multipliedBy(missed).dividedBy(2);
        Duration two = heartbeat.multipliedBy(2);
        return half.compareTo(two) > 0 ? half : two;
    }

    /** Marks this node alive now. */
    void markAlive() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO cluster_node (node_id, started_at, heartbeat_at)"
                        + " VALUES (?, now(), now()) ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()")) {
            s.setString(1, node);
            s.executeUpdate();
        }
    }

    /** Removes this node's mark: it runs nothing from now on and is no longer counted. */
    void leave() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM cluster_node WHERE node_id = ?")) {
            s.setString(1, node);
            s.executeUpdate();
        }
    }

    /** The live nodes (this one always among them) with the bots each has picked, and the bots in all. */
    Counts counts() throws SQLException {
        Map<String, Integer> byNode = new HashMap<>();
        int bots;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT node_id FROM cluster_node" + " WHERE heartbeat_at > now() - make_interval(secs => ?)")) {
                s.setDouble(1, goneAfter.toMillis() / 1000.0);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byNode.put(r.getString(1), 0);
                    }
                }
            }
            byNode.putIfAbsent(node, 0);
            try (PreparedStatement s = c.prepareStatement("SELECT picked_by, count(*) FROM scheduled_tasks"
                    + " WHERE task_name = ? AND picked GROUP BY picked_by")) {
                s.setString(1, taskName);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String picker = r.getString(1);
                        int picked = r.getInt(2);
                        // a node that is not live does not count: its bots are about to be revived elsewhere
                        byNode.computeIfPresent(picker, (k, v) -> picked);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?")) {
                s.setString(1, taskName);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    bots = r.getInt(1);
                }
            }
        }
        return new Counts(Map.copyOf(byNode), bots);
    }
}
