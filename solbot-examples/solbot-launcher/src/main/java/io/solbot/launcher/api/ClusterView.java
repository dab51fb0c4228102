package io.solbot.launcher.api;

import io.solbot.cluster.BotOwner;
import io.solbot.launcher.api.Requests.NotFound;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the {@link OperatorApi} shows of a cluster: on a node of one, which node runs each bot ({@code GET /api/cluster}
 * and the {@code cluster} field of each bot); on a launcher alone, nothing. Kept apart so that the API's bot routes do
 * not carry the cluster's state.
 *
 * <p>Threading: {@link #node} is called once before the server starts; the reads come from the server's threads.
 */
final class ClusterView {
    /** The node this launcher runs and how to read the cluster's owners; one field, so a read sees both or neither. */
    private record Node(String id, Supplier<List<BotOwner>> owners) {}

    private volatile Node node; // null unless the launcher runs a node of a cluster

    /** Makes this the view of node {@code nodeId}, reading who runs each bot from {@code owners} on each request. */
    void node(String nodeId, Supplier<List<BotOwner>> owners) {
        this.node = new Node(Objects.requireNonNull(nodeId, "nodeId"), Objects.requireNonNull(owners, "owners"));
    }

    /** On a node of a cluster: each item with the node that runs its bot ({@code cluster}), read once for all. */
    List<Map<String, Object>> withOwners(List<Map<String, Object>> items) {
        Node read = node;
        if (read != null) {
            Map<String, BotOwner> byBot = new HashMap<>();
            read.owners().get().forEach(o -> byBot.put(o.botId().value(), o));
            items.forEach(item -> item.put(
                    "cluster",
                    Optional.ofNullable(byBot.get((String) item.get("botId")))
                            .map(ApiJson::owner)
                            .orElse(null)));
        }
        return items;
    }

    /**
     * The body of {@code GET /api/cluster}: this node and who runs each bot of the cluster.
     *
     * @throws NotFound (404) on a launcher that runs no node of a cluster
     */
    Map<String, Object> body() {
        Node read = node;
        if (read == null) {
            throw new NotFound("this launcher runs no node of a cluster (solbot run --cluster)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", read.id());
        body.put("bots", read.owners().get().stream().map(ApiJson::owner).toList());
        return body;
    }
}
