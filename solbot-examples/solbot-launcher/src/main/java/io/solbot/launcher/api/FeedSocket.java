package io.solbot.launcher.api;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.event.EventFeed;
import io.solbot.core.event.Subscription;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The WebSocket feed: every engine event as an event frame and a log line ({@link FeedFrames}), to every connected
 * client through an {@link EventFeed}. Frames are made once, on the engine's event thread, and each client's wait in
 * a buffer of {@link #CAPACITY} frames: a client that falls that far behind is disconnected (close code 1008, with
 * the reason), and neither the engine nor the other clients wait for it.
 */
final class FeedSocket implements AutoCloseable {
    /** How many frames a client may fall behind before it is dropped: about 500 events. */
    static final int CAPACITY = 1024;

    /** How often each client is pinged, so that proxies keep an idle connection and a dead one is noticed. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);

    private static final String CLIENT = "solbot.feed.client";
    private final EventFeed<String> feed;
    private final Subscription subscription;
    private final Set<WsContext> connected = ConcurrentHashMap.newKeySet();
    // our own daemon thread, not Javalin's automatic pings: those run on a process-wide non-daemon thread that
    // outlives the server and keeps an embedding JVM from exiting
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("solbot-feed-pings").daemon().factory());

    FeedSocket(SolbotEngine engine, int capacity) {
        this.feed = new EventFeed<>(capacity);
        this.subscription = engine.subscribe(event -> FeedFrames.of(event).forEach(feed));
        long every = PING_INTERVAL.toMillis();
        pings.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    private void pingAll() {
        for (WsContext ctx : connected) {
            try {
                ctx.sendPing();
            } catch (RuntimeException e) {
                // the connection is gone; its close or error event disconnects it
            }
        }
    }

    /** The feed the clients read, for a test to publish to directly. */
    EventFeed<String> feed() {
        return feed;
    }

    /** The feed's own figures in Prometheus's text format, for {@code /metrics}. */
    String prometheus() {
        return """
                # HELP solbot_feed_clients WebSocket feed clients connected now
                # TYPE solbot_feed_clients gauge
                solbot_feed_clients %d
                # HELP solbot_feed_dropped_clients_total WebSocket feed clients dropped for falling behind
                # TYPE solbot_feed_dropped_clients_total counter
                solbot_feed_dropped_clients_total %d
                # HELP solbot_feed_frames_sent_total Frames handed to the feed clients' connections, over all clients
                # TYPE solbot_feed_frames_sent_total counter
                solbot_feed_frames_sent_total %d
                """.formatted(feed.clients(), feed.droppedClients(), feed.itemsSent());
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.attribute(CLIENT, feed.connect(new Sender(ctx.session)));
            connected.add(ctx);
        });
        ws.onClose(this::disconnect);
        ws.onError(this::disconnect);
    }

    private void disconnect(WsContext ctx) {
        connected.remove(ctx);
        EventFeed<String>.Client client = ctx.attribute(CLIENT);
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void close() {
        subscription.close();
        pings.shutdownNow();
    }

    /** Sends a client's frames through Jetty's asynchronous send, one at a time. */
    private record Sender(Session session) implements EventFeed.Sender<String> {
        @Override
        public void send(String frame, Runnable sent) {
            // a failed send means the connection is gone: onClose disconnects the client
            session.sendText(frame, Callback.from(sent, failure -> {}));
        }

        @Override
        public void dropped(String reason) {
            session.close(1008, reason, Callback.NOOP);
        }
    }
}
