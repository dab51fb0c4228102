package io.solbot.bench.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.solbot.bench.engine.EmaProvider;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.engine.TickStats;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.launcher.api.ApiToken;
import io.solbot.launcher.api.OperatorApi;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.TradeHistory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator API under load, beside the engine it serves: N bots ticking every second (the EMA tick of {@link
 * io.solbot.bench.engine.EngineLoad}) with their run-status rows in an embedded PostgreSQL, and the launcher's API on
 * 127.0.0.1. Three measured windows, each with the engine's tick lateness p99 over the same window:
 *
 * <ol>
 *   <li>REST reads: C clients each asking {@code GET /api/bots/{random bot}} (hot state plus five queries) in a loop;
 *   <li>the list: {@code GET /api/bots?limit=1000}, the largest page of bots, by the same clients;
 *   <li>the feed: 100 WebSocket clients reading {@code /ws} while driver threads pause and resume bots (each a
 *       run-status write and an event, two frames per event), frames delivered per second summed over the clients;
 *       beside them, from the server's {@code /metrics}, the frames it handed to the clients' connections and how
 *       many clients it dropped for falling behind.
 * </ol>
 *
 * <pre>
 * java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.api.OperatorLoad [seconds] [bots] [clients]
 * </pre>
 *
 * Defaults: 20 s per window, 10,000 bots, 8 REST clients.
 */
public final class OperatorLoad {
    private static final String TOKEN = "operator-load-benchmark-token";
    private static final int WS_CLIENTS = 100;

    private OperatorLoad() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int bots = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path data = Files.createTempDirectory("solbot-operator-load");
        try (EmbeddedPostgres postgres =
                        EmbeddedPostgres.builder().setDataDirectory(data).start();
                PostgresDatabase db =
                        PostgresDatabase.open(postgres.getJdbcUrl("postgres", "postgres"), null, null, 8);
                StrategyRegistry registry =
                        StrategyRegistry.builder().register(new EmaProvider()).build()) {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SolbotEngine engine = SolbotEngine.builder()
                    .strategies(registry)
                    .runStatusStore(new PostgresRunStatusStore(db, "1@bench", id -> null))
                    .meterRegistry(metrics)
                    .build();
            for (int i = 0; i < bots; i++) {
                engine.start(BotSpec.builder(BotId.of("bot-" + i), "ema-bench", i)
                        .interval(Duration.ofSeconds(1))
                        .build());
            }
            try (OperatorApi api = new OperatorApi(
                    engine,
                    bot -> engine.start(BotSpec.from(bot)),
                    new BotReports(db, engine),
                    new TradeHistory(db),
                    registry,
                    ApiToken.of(TOKEN),
                    metrics::scrape)) {
                String base = "http://127.0.0.1:" + api.start("127.0.0.1", 0);
                System.out.printf(
                        Locale.ROOT,
                        "JVM %s, %d cores, %,d bots at 1 s, %d s per window after 5 s of warm-up%n",
                        Runtime.version(),
                        Runtime.getRuntime().availableProcessors(),
                        bots,
                        seconds);
                System.out.println("| window | clients | requests or frames per second | per client | errors |"
                        + " tick lateness p99 (same window) |");
                System.out.println("|---|---|---|---|---|---|");
                TimeUnit.SECONDS.sleep(5);
                rest(
                        engine,
                        base,
                        "GET /api/bots/{id}",
                        clients,
                        seconds,
                        () -> "/api/bots/bot-" + ThreadLocalRandom.current().nextInt(bots));
                rest(engine, base, "GET /api/bots?limit=1000 (a page)", clients, seconds, () -> "/api/bots?limit=1000");
                feed(engine, base, bots, seconds);
            }
            engine.shutdown(Duration.ofSeconds(10));
        }
    }

    private static void rest(
            SolbotEngine engine,
            String base,
            String name,
            int clients,
            int seconds,
            java.util.function.Supplier<String> path)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.get()))
                            .header("Authorization", "Bearer " + TOKEN)
                            .build();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (measuring.get()) {
                            (r.statusCode() == 200 ? done : errors).incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        TimeUnit.SECONDS.sleep(3);
        TickStats before = engine.tickStats().getFirst();
        measuring.set(true);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        measuring.set(false);
        long wall = System.nanoTime() - start;
        TickStats window = engine.tickStats().getFirst().since(before);
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        double perSecond = done.get() * 1e9 / wall;
        row(name, clients, perSecond, perSecond / clients, errors.get(), window);
    }

    private static void feed(SolbotEngine engine, String base, int bots, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong frames = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        for (int c = 0; c < WS_CLIENTS; c++) {
            sockets.add(http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + TOKEN)
                    .buildAsync(URI.create(base.replace("http:", "ws:") + "/ws"), new WebSocket.Listener() {
                        @Override
                        public void onOpen(WebSocket ws) {
                            ws.request(Long.MAX_VALUE);
                        }

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            if (last) {
                                frames.incrementAndGet();
                            }
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            closed.incrementAndGet();
                            return null;
                        }
                    })
                    .join());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong events = new AtomicLong();
        List<Thread> drivers = new ArrayList<>();
        int driverCount = 4;
        for (int d = 0; d < driverCount; d++) {
            int first = d;
            drivers.add(Thread.ofPlatform().daemon().start(() -> {
                // each driver pauses and resumes its own bots, so two drivers never race on one bot
                for (int i = first; running.get(); i = (i + driverCount) % bots) {
                    BotId bot = BotId.of("bot-" + i);
                    engine.pause(bot);
                    engine.resume(bot);
                    events.addAndGet(2);
                }
            }));
        }
        TimeUnit.SECONDS.sleep(3);
        TickStats before = engine.tickStats().getFirst();
        long framesBefore = frames.get();
        long eventsBefore = events.get();
        long sentBefore = scraped(http, base, "solbot_feed_frames_sent_total");
        long droppedBefore = scraped(http, base, "solbot_feed_dropped_clients_total");
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long wall = System.nanoTime() - start;
        long delivered = frames.get() - framesBefore;
        long published = events.get() - eventsBefore;
        long sent = scraped(http, base, "solbot_feed_frames_sent_total") - sentBefore;
        long dropped = scraped(http, base, "solbot_feed_dropped_clients_total") - droppedBefore;
        long connected = scraped(http, base, "solbot_feed_clients");
        TickStats window = engine.tickStats().getFirst().since(before);
        running.set(false);
        for (Thread t : drivers) {
            t.join(30_000);
        }
        double framesPerSecond = delivered * 1e9 / wall;
        row(
                String.format(
                        Locale.ROOT, "/ws feed (%,.0f events/s published, 2 frames each)", published * 1e9 / wall),
                WS_CLIENTS,
                framesPerSecond,
                framesPerSecond / WS_CLIENTS,
                closed.get(),
                window);
        System.out.printf(
                Locale.ROOT,
                "feed: %,.0f frames/s owed to the clients connected at the start, %,.0f/s handed to their connections"
                        + " by the server, %,.0f/s read by the clients; %d clients dropped in the window, %d of %d still"
                        + " connected at its end, %d close frames read%n",
                published * 2e9 / wall * WS_CLIENTS,
                sent * 1e9 / wall,
                framesPerSecond,
                dropped,
                connected,
                WS_CLIENTS,
                closed.get());
        for (WebSocket ws : sockets) {
            ws.abort();
        }
    }

    /** A counter or gauge of the API's {@code /metrics}, as a whole number. */
    private static long scraped(HttpClient http, String base, String name) throws Exception {
        String text = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return text.lines()
                .filter(l -> l.startsWith(name + " "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not in /metrics"));
    }

    private static void row(String name, int clients, double total, double perClient, long errors, TickStats window) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %,.0f | %,.1f | %,d | %.3f ms |%n",
                name,
                clients,
                total,
                perClient,
                errors,
                window.lateness().percentile(0.99).toNanos() / 1e6);
    }
}
