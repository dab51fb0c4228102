package io.solbot.cluster;

import io.solbot.core.domain.BotId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who runs one bot of the cluster, as its execution row says: for operators (status, REST, the status page).
 *
 * @param botId the bot
 * @param node the node that picked it, or empty while no node runs it (between two slices, or before the first)
 * @param fenceVersion the version of its execution row: it grows with every pick and revival, and every write of the
 *     bot is checked against it
 * @param lastHeartbeat when its node last marked it alive, or empty
 */
public record BotOwner(BotId botId, Optional<String> node, long fenceVersion, Optional<Instant> lastHeartbeat) {
    public BotOwner {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }
}
