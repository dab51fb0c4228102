package io.solbot.cluster;

import io.solbot.core.engine.OrderCheck;
import java.util.Optional;

/**
 * The last check before an order of a bot leaves this node: the node must still own the bot, and its heartbeat of
 * the bot's execution must not be close to dead (past {@code maxFractionDead} of the time after which the other
 * nodes revive the bot elsewhere). A node cut off from the database, or paused, thus stops sending on its own before
 * another node can take over, even before a fenced write tells it.
 */
final class SendGate implements OrderCheck {
    private final Fence fence;
    private final String node;
    private final double maxFractionDead;

    SendGate(Fence fence, String node, double maxFractionDead) {
        this.fence = fence;
        this.node = node;
        this.maxFractionDead = maxFractionDead;
    }

    @Override
    public Optional<String> check(Request order) {
        Ownership own = fence.owned().get(order.botId());
        if (own == null || own.isLost()) {
            return Optional.of("cluster: node " + node + " does not own bot '" + order.botId() + "' (any more)");
        }
        double dead = fence.fractionDead(own);
        if (dead > maxFractionDead) {
            return Optional.of("cluster: node " + node + "'s heartbeat of bot '" + order.botId()
                    + "' is close to dead (" + Math.round(dead * 100) + "% of the way); nothing is sent");
        }
        return Optional.empty();
    }
}
