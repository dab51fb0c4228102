package io.solbot.launcher.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.event.EventFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket feed and {@code /metrics} of a real engine, read by real clients on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedSocketIT {
    private static final String TOKEN = ApiFixture.TOKEN;
    private static final int CAPACITY = 64;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ApiFixture fixture;
    private SolbotEngine engine;
    private int port;

    @BeforeAll
    void start(@TempDir Path tmp) {
        fixture = new ApiFixture(tmp.resolve("pgdata"), CAPACITY);
        engine = fixture.engine;
        port = fixture.port;
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
    }

    /** A client that reads every frame as it comes. */
    private static final class Reader implements WebSocket.Listener {
        final List<String> frames = new ArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                synchronized (frames) {
                    frames.add(partial.toString());
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status + " " + reason);
            return null;
        }

        List<String> frames() {
            synchronized (frames) {
                return List.copyOf(frames);
            }
        }
    }

    /** A client that reads nothing after the handshake: its socket's buffers fill, and then the server's sends wait. */
    private static final class Stalled implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket ws) {
            // no request(n): the client takes no frame, so TCP stops the server's writes once the buffers are full
        }
    }

    private WebSocket connect(String path, WebSocket.Listener listener, boolean header) {
        return connect(port, path, listener, header);
    }

    private WebSocket connect(int port, String path, WebSocket.Listener listener, boolean header) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (header) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener)
                .join();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void shouldRefuseAClientWithoutTheToken() {
        assertThatThrownBy(() -> connect("/ws", new Reader(), false))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        assertThatThrownBy(() -> connect("/ws?token=" + TOKEN + "x", new Reader(), false))
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void shouldSendEachEngineEventAsAnEventFrameAndALogLine() throws Exception {
        Reader reader = new Reader();
        // the browser's way: the token in the query, since a browser's WebSocket sends no headers
        WebSocket ws = connect("/ws/logs?token=" + TOKEN, reader, false);
        BotDefinition bot = fixture.maCross("feed-1");

        engine.start(BotSpec.from(bot));
        engine.pause(BotId.of("feed-1"));

        // the pause's event frame and then its log line: wait for the last of the four
        await(
                "the pause's log line on the feed",
                () -> reader.frames().stream()
                        .anyMatch(f -> f.contains("\"feed-1\"") && f.contains("\"line\":\"paused\"")));
        List<JsonNode> frames = new ArrayList<>();
        for (String f : reader.frames()) {
            frames.add(json.readTree(f));
        }
        assertThat(frames)
                .filteredOn(f -> f.get("botId").asText().equals("feed-1"))
                .extracting(f -> f.get("channel").asText() + " "
                        + (f.has("type")
                                ? f.get("type").asText()
                                : f.get("level").asText() + " " + f.get("line").asText()))
                .containsExactly(
                        "events BotStarted", "logs INFO started (ma-cross)", "events BotPaused", "logs INFO paused");
        assertThat(frames.getFirst().get("strategy").asText()).isEqualTo("ma-cross");
        assertThat(frames.getFirst().get("at").asText()).isNotEmpty();
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void shouldDropAClientThatStopsReadingAndKeepFeedingTheOthersInOrder() throws Exception {
        // an API of its own, so that its feed has these two clients only
        try (OperatorApi own = fixture.api(fixture.db, CAPACITY)) {
            int ownPort = own.start("127.0.0.1", 0);
            EventFeed<String> feed = own.feed();
            Reader reader = new Reader();
            connect(ownPort, "/ws", reader, true);
            connect(ownPort, "/ws", new Stalled(), true);
            await("both clients connected", () -> feed.clients() == 2);
            publishUntilTheStalledClientIsDropped(feed, reader, ownPort);
            // clients are pinged from a daemon thread of the API's own: Javalin's automatic pings would start a
            // process-wide non-daemon thread that keeps an embedding JVM from exiting after close
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> !t.isDaemon() && t.getName().contains("Ping"))
                    .isEmpty();
        }
    }

    private void publishUntilTheStalledClientIsDropped(EventFeed<String> feed, Reader reader, int apiPort)
            throws Exception {
        // frames of 8 KiB, 32 at a time, each batch once the reading client has it: the reader never falls behind,
        // while the stalled client's frames pile up in the socket buffers and then in its feed buffer
        String padding = "x".repeat(8 * 1024);
        int published = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (feed.droppedClients() == 0) {
            assertThat(System.nanoTime())
                    .as("the stalled client was never dropped")
                    .isLessThan(deadline);
            for (int i = 0; i < 32; i++) {
                feed.accept("{\"seq\": " + published++ + ", \"pad\": \"" + padding + "\"}");
            }
            int expected = published;
            await("the reader's frames up to " + expected, () -> reader.frames().size() >= expected);
        }

        assertThat(feed.droppedClients()).isEqualTo(1);
        assertThat(feed.clients()).isEqualTo(1);
        // an operator sees the same on /metrics
        String scraped = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/metrics"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(scraped)
                .contains("solbot_feed_clients 1\n")
                .contains("solbot_feed_dropped_clients_total 1\n")
                .containsPattern("(?m)^solbot_feed_frames_sent_total \\d+$");
        // the reader got every frame, in order, and stays connected
        for (int i = 0; i < 32; i++) {
            feed.accept("{\"seq\": " + published++ + "}");
        }
        int total = published;
        await("the reader's last frames", () -> reader.frames().size() >= total);
        List<String> frames = reader.frames();
        assertThat(frames).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(json.readTree(frames.get(i)).get("seq").asInt()).isEqualTo(i);
        }
        assertThat(reader.closed).isNotDone();
    }

    @Test
    void shouldServeTheEnginesMetricsInPrometheusTextFormatWithTheToken() throws Exception {
        // a bot of a strategy registers that strategy's meters
        engine.start(BotSpec.from(fixture.maCross("metrics-1")));
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scraped = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(scraped.body())
                .contains("# TYPE solbot_bots gauge")
                .containsPattern("(?m)^solbot_bots\\{status=\"RUNNING\"} \\d+");

        // the Grafana dashboard in the repository charts these metrics and no others
        String dashboard = Files.readString(Path.of("grafana/solbot-dashboard.json"));
        json.readTree(dashboard);
        Set<String> charted = new TreeSet<>();
        Matcher m = Pattern.compile("solbot_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            charted.add(m.group());
        }
        assertThat(charted).hasSizeGreaterThanOrEqualTo(8);
        for (String metric : charted) {
            assertThat(scraped.body()).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }
}
