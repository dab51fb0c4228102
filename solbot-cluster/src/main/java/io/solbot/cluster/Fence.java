package io.solbot.cluster;

import io.solbot.core.domain.BotId;
import io.solbot.persistence.FenceLostException;
import io.solbot.persistence.WriteFence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The fence of one node: a write of a bot passes only while the bot's execution row says this node picked it, at
 * the version this node's pick gave it, read {@code FOR SHARE} in the write's own transaction. The share lock holds
 * the row until the write commits, so the row cannot be revived for another node (which grows the version) in
 * between: either the write commits first and the next owner finds it, or the revival does and the write is refused.
 * No row means ownership is lost: the bot is stopped and sends nothing more.
 *
 * <p>Threading: thread-safe.
 */
final class Fence implements WriteFence {
    static final String CHECK = "SELECT version FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?"
            + " AND picked AND picked_by = ? AND version = ? FOR SHARE";

    private final String taskName;
    private final String node;
    private final Map<BotId, Ownership> owned = new ConcurrentHashMap<>();
    private final long deadAfterNanos;
    private volatile long lastContactNanos = System.nanoTime();

    Fence(String taskName, String node, java.time.Duration deadAfter) {
        this.taskName = taskName;
        this.node = node;
        this.deadAfterNanos = deadAfter.toNanos();
    }

    /** Records that this node just reached the database (its housekeeper's round succeeded). */
    void contact() {
        lastContactNanos = System.nanoTime();
    }

    /**
     * How far {@code own} is from being declared dead by the other nodes, 0 to 1 and beyond: the larger of what
     * db-scheduler's heartbeat state says and the time since this node last reached the database. The second does not
     * depend on a heartbeat that updated no row still counting as a success in db-scheduler.
     */
    double fractionDead(Ownership own) {
        double sinceContact = (double) (System.nanoTime() - lastContactNanos) / deadAfterNanos;
        return Math.max(own.fractionDead(), sinceContact);
    }

    Map<BotId, Ownership> owned() {
        return owned;
    }

    @Override
    public void before(BotId botId) {
        owner(botId);
    }

    @Override
    public Token pass(Connection tx, BotId botId) throws SQLException {
        Ownership own = owner(botId);
        if (!holds(tx, own)) {
            own.lose("a fenced write found the bot's execution no longer picked by " + node + " at version "
                    + own.version());
            throw new FenceLostException(
                    botId,
                    "Bot '" + botId + "' is no longer owned by node " + node + " (fence version " + own.version()
                            + " is gone); the write is refused and the bot stops here");
        }
        return new Token(node, own.version());
    }

    /** The ownership of a bot this node runs and has not lost. */
    private Ownership owner(BotId botId) {
        Ownership own = owned.get(botId);
        if (own == null || own.isLost()) {
            throw new FenceLostException(
                    botId,
                    "Bot '" + botId + "' is not owned by node " + node + (own == null ? "" : " any more")
                            + "; it writes and sends nothing here");
        }
        return own;
    }

    /** Checks the ownership in a transaction of its own (no write follows); loses it if the row says otherwise. */
    boolean verify(DataSource dataSource, Ownership own) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (holds(c, own)) {
                return true;
            }
        }
        own.lose("the bot's execution is no longer picked by " + node + " at version " + own.version());
        return false;
    }

    private boolean holds(Connection tx, Ownership own) throws SQLException {
        try (PreparedStatement check = tx.prepareStatement(CHECK)) {
            check.setString(1, taskName);
            check.setString(2, own.botId().value());
            check.setString(3, node);
            check.setLong(4, own.version());
            try (ResultSet row = check.executeQuery()) {
                return row.next();
            }
        }
    }
}
