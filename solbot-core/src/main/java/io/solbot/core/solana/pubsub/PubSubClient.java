package io.solbot.core.solana.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.RawAccount;
import io.solbot.core.solana.rpc.TransactionError;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket to a Solana node, kept open: it pings every {@code pingInterval}; a connection that has sent nothing
 * (no message, no pong) for {@code silenceLimit} is dropped and replaced; a lost connection is re-opened after a
 * backoff that doubles up to {@code maxReconnectBackoff}, and every subscription is made again on the new connection
 * (the node gives new subscription ids; notifications keep reaching the same listeners).
 *
 * <p>Listeners run on the websocket's thread, one notification at a time, in order; a listener that throws is logged
 * and the stream goes on. A notification of a shape other than documented is logged and skipped.
 *
 * <p>Thread-safe. {@link #start()} connects; {@link #close()} stops for good.
 */
public final class PubSubClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PubSubClient.class);

    /** A live subscription; closing it unsubscribes. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final class Sub implements Subscription {
        final String method;
        final String unsubscribeMethod;
        final ArrayNode params;
        final Consumer<JsonNode> onResult;
        Long serverId;
        long requestedAt;

        Sub(String method, String unsubscribeMethod, ArrayNode params, Consumer<JsonNode> onResult) {
            this.method = method;
            this.unsubscribeMethod = unsubscribeMethod;
            this.params = params;
            this.onResult = onResult;
        }

        @Override
        public void close() {
            unsubscribe(this);
        }
    }

    private final PubSubSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "solbot-pubsub");
        t.setDaemon(true);
        return t;
    });

    // guarded by this
    private final List<Sub> subscriptions = new ArrayList<>();
    private final Map<Long, Sub> pending = new HashMap<>();
    private final Map<Long, Sub> active = new LinkedHashMap<>();
    private WebSocket socket;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
    private int generation;
    private long lastHeard;
    private long lastPing;
    private long backoffNanos;
    private long nextId;
    private int connections;
    private boolean started;
    private boolean closed;

    public PubSubClient(PubSubSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.backoffNanos = settings.reconnectBackoff().toNanos();
    }

    /** Connects, and keeps connecting until {@link #close()}. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        long tick = Math.max(
                10_000_000L,
                Math.min(
                                settings.pingInterval().toNanos(),
                                settings.silenceLimit().toNanos())
                        / 4);
        timer.scheduleAtFixedRate(this::watch, tick, tick, TimeUnit.NANOSECONDS);
        connect(generation);
    }

    /**
     * {@code logsSubscribe} for transactions that mention {@code program} (one address: the node allows no more), at
     * {@code commitment}.
     */
    public Subscription logsSubscribe(Address program, Commitment commitment, Consumer<LogsNotification> listener) {
        ArrayNode params = Json.MAPPER.createArrayNode();
        params.addObject().putArray("mentions").add(program.toString());
        params.addObject().put("commitment", commitment.wireName());
        return subscribe("logsSubscribe", "logsUnsubscribe", params, result -> listener.accept(logs(result)));
    }

    /** {@code accountSubscribe} for {@code account} in base64, at {@code commitment}. */
    public Subscription accountSubscribe(
            Address account, Commitment commitment, Consumer<AccountNotification> listener) {
        ArrayNode params = Json.MAPPER.createArrayNode();
        params.add(account.toString());
        params.addObject().put("commitment", commitment.wireName()).put("encoding", "base64");
        return subscribe("accountSubscribe", "accountUnsubscribe", params, result -> listener.accept(account(result)));
    }

    /** How many times a connection opened (1 after the first; each reconnect adds one). */
    public synchronized int connections() {
        return connections;
    }

    private synchronized Subscription subscribe(
            String method, String unsubscribeMethod, ArrayNode params, Consumer<JsonNode> onResult) {
        Sub sub = new Sub(method, unsubscribeMethod, params, onResult);
        subscriptions.add(sub);
        if (socket != null) {
            sendSubscribe(sub);
        }
        return sub;
    }

    private synchronized void unsubscribe(Sub sub) {
        if (!subscriptions.remove(sub)) {
            return;
        }
        pending.values().remove(sub);
        if (sub.serverId != null) {
            active.remove(sub.serverId);
            if (socket != null) {
                ObjectNode request = request(sub.unsubscribeMethod);
                request.putArray("params").add(sub.serverId);
                send(request.toString());
            }
        }
    }

    private void sendSubscribe(Sub sub) {
        ObjectNode request = request(sub.method);
        sub.requestedAt = System.nanoTime();
        pending.put(request.get("id").longValue(), sub);
        request.set("params", sub.params);
        send(request.toString());
    }

    private ObjectNode request(String method) {
        return Json.MAPPER
                .createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", ++nextId)
                .put("method", method);
    }

    /** The JDK's websocket allows one outstanding send: each waits for the one before. */
    private void send(String text) {
        WebSocket ws = socket;
        sends = sends.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }

    private void connect(int forGeneration) {
        synchronized (this) {
            if (closed || forGeneration != generation) {
                return;
            }
        }
        http.newWebSocketBuilder()
                .buildAsync(settings.endpoint(), new Listener(forGeneration))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        log.warn(
                                "Websocket to {} did not open: {}",
                                host(),
                                error.getClass().getSimpleName());
                        lost(forGeneration);
                    }
                });
    }

    private synchronized void opened(WebSocket ws, int forGeneration) {
        if (closed || forGeneration != generation) {
            ws.abort();
            return;
        }
        socket = ws;
        sends = CompletableFuture.completedFuture(null);
        lastHeard = lastPing = System.nanoTime();
        backoffNanos = settings.reconnectBackoff().toNanos();
        connections++;
        pending.clear();
        active.clear();
        subscriptions.forEach(s -> s.serverId = null);
        if (connections > 1) {
            log.info("Websocket to {} reopened; subscribing {} again", host(), subscriptions.size());
        }
        subscriptions.forEach(this::sendSubscribe);
    }

    /** The connection of {@code forGeneration} is gone: reconnect after the backoff. */
    private void lost(int forGeneration) {
        long delay;
        synchronized (this) {
            if (closed || forGeneration != generation) {
                return;
            }
            generation++;
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            delay = backoffNanos;
            backoffNanos =
                    Math.min(backoffNanos * 2, settings.maxReconnectBackoff().toNanos());
        }
        int next = generation;
        timer.schedule(() -> connect(next), delay, TimeUnit.NANOSECONDS);
    }

    private void watch() {
        int current;
        WebSocket ws;
        long now = System.nanoTime();
        synchronized (this) {
            if (socket == null || closed) {
                return;
            }
            current = generation;
            ws = socket;
            long silence = settings.silenceLimit().toNanos();
            if (now - lastHeard > silence) {
                log.warn("Websocket to {} silent for {} ms; reconnecting", host(), (now - lastHeard) / 1_000_000);
            } else if (pending.values().stream().anyMatch(s -> now - s.requestedAt > silence)) {
                // a node that pongs but never confirms a subscription is no better than a silent one
                log.warn(
                        "Websocket to {}: a subscription unconfirmed for {} ms; reconnecting",
                        host(),
                        settings.silenceLimit().toMillis());
            } else {
                if (now - lastPing >= settings.pingInterval().toNanos()) {
                    lastPing = now;
                    ws.sendPing(ByteBuffer.allocate(0));
                }
                return;
            }
        }
        lost(current);
    }

    private void received(String text, int forGeneration) {
        JsonNode message;
        Sub target = null;
        synchronized (this) {
            if (forGeneration != generation) {
                return;
            }
            lastHeard = System.nanoTime();
            try {
                message = Json.parse(text);
            } catch (Json.Malformed e) {
                log.warn("Websocket to {}: a message that is not JSON: {}", host(), e.getMessage());
                return;
            }
            JsonNode id = message.get("id");
            if (id != null && id.canConvertToLong()) {
                Sub sub = pending.remove(id.longValue());
                JsonNode result = message.get("result");
                if (sub != null && result != null && result.canConvertToLong()) {
                    sub.serverId = result.longValue();
                    active.put(sub.serverId, sub);
                } else if (sub != null) {
                    log.warn("Websocket to {}: {} refused: {}", host(), sub.method, Json.show(message.toString()));
                }
                return;
            }
            JsonNode params = message.get("params");
            if (params != null && params.has("subscription")) {
                target = active.get(params.get("subscription").asLong());
            }
        }
        if (target == null) {
            return;
        }
        try {
            target.onResult.accept(message.get("params").get("result"));
        } catch (Json.Malformed e) {
            log.warn(
                    "Websocket to {}: a {} notification of another shape, skipped: {}",
                    host(),
                    target.method,
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A {} listener failed; the stream goes on", target.method, e);
        }
    }

    private synchronized void heard(int forGeneration) {
        if (forGeneration == generation) {
            lastHeard = System.nanoTime();
        }
    }

    private static LogsNotification logs(JsonNode result) {
        JsonNode value = Json.object(result, "value");
        JsonNode err = value.get("err");
        List<String> lines = new ArrayList<>();
        JsonNode logs = Json.required(value, "logs");
        if (!logs.isArray()) {
            throw Json.wrongType("value.logs", "an array", logs);
        }
        logs.forEach(l -> lines.add(l.asText()));
        return new LogsNotification(
                slot(result),
                Json.text(value, "signature"),
                err == null || err.isNull() ? Optional.empty() : Optional.of(new TransactionError(err.toString())),
                lines);
    }

    private static AccountNotification account(JsonNode result) {
        JsonNode value = Json.object(result, "value");
        JsonNode data = Json.required(value, "data");
        if (!data.isArray() || data.size() != 2 || !"base64".equals(data.get(1).asText())) {
            throw Json.wrongType("value.data", "[<base64>, \"base64\"]", data);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.get(0).asText());
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field value.data is not base64");
        }
        Address owner;
        try {
            owner = Address.of(Json.text(value, "owner"));
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field value.owner is not an address");
        }
        long slot = slot(result);
        return new AccountNotification(
                slot,
                new RawAccount(
                        owner, Json.nonNegativeLong(value, "lamports"), bytes, Json.bool(value, "executable"), slot));
    }

    private static long slot(JsonNode result) {
        return Json.nonNegativeLong(Json.object(result, "context"), "slot");
    }

    private String host() {
        return settings.endpoint().getHost();
    }

    /** Unsubscribes nothing (the socket goes) and stops reconnecting. */
    @Override
    public void close() {
        WebSocket ws;
        synchronized (this) {
            closed = true;
            ws = socket;
            socket = null;
        }
        timer.shutdownNow();
        if (ws != null) {
            ws.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final int forGeneration;
        private final StringBuilder text = new StringBuilder();

        Listener(int forGeneration) {
            this.forGeneration = forGeneration;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            opened(webSocket, forGeneration);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                received(message, forGeneration);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            heard(forGeneration);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            heard(forGeneration);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            log.info("Websocket to {} closed by the node ({} {}); reconnecting", host(), statusCode, reason);
            lost(forGeneration);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            log.warn(
                    "Websocket to {} failed: {}; reconnecting",
                    host(),
                    error.getClass().getSimpleName());
            lost(forGeneration);
        }
    }
}
