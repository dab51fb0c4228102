package io.solbot.launcher.api;

import static io.solbot.launcher.api.Requests.body;
import static io.solbot.launcher.api.Requests.bodyBotId;
import static io.solbot.launcher.api.Requests.botId;
import static io.solbot.launcher.api.Requests.limit;
import static io.solbot.launcher.api.Requests.originalStart;
import static io.solbot.launcher.api.Requests.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.solbot.cluster.BotOwner;
import io.solbot.core.SolbotException;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.IllegalBotStateException;
import io.solbot.core.engine.InvalidBotSpecException;
import io.solbot.core.engine.NoSuchBotException;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.plugin.UnknownStrategyException;
import io.solbot.launcher.api.Requests.BadRequest;
import io.solbot.launcher.api.Requests.NotFound;
import io.solbot.launcher.api.Requests.Refused;
import io.solbot.persistence.readmodel.BotReport;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.Page;
import io.solbot.persistence.readmodel.TradeHistory;
import io.solbot.persistence.readmodel.TradeQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's operator API over HTTP: the bots with their live status and what the database holds, start (from a
 * config, validated), pause, resume, stop and restart, open positions, closed trades and fills a page at a time, the
 * plan of a bots file, and the original platform's {@code /api/mode/...} routes as aliases.
 *
 * <p>{@code /ws} (and {@code /ws/logs}) is a WebSocket feed of the engine's events and the bots' log lines ({@link
 * FeedFrames}); a client that falls {@value FeedSocket#CAPACITY} frames behind is disconnected. {@code /metrics} is
 * the engine's Micrometer metrics in Prometheus's text format, and the feed's: clients, clients dropped, frames sent.
 *
 * <p>{@code GET /} is the status page (plain HTML and JavaScript over these routes and the feed).
 *
 * <p>Every route but {@code GET /health} and the status page's two files needs {@code Authorization: Bearer <token>}; a request without it is refused
 * with 401 before any route runs, so an unknown path reveals nothing either. No CORS header is ever sent, so a page of
 * another origin cannot call it from a browser. Answers are JSON; an error is {@code {"error": "..."}}, with every
 * field error of a refused config in {@code violations}. While the database is unreachable the status routes still
 * answer (from the engine, the database part saying why it is missing) and the history routes answer 503.
 *
 * <p>Thread-safe; requests run on the server's threads. {@link #close} stops the server.
 */
public final class OperatorApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OperatorApi.class);
    private static final Set<String> ACTIONS = Set.of("pause", "resume", "stop", "restart");
    private static final Set<String> PUBLIC = Set.of("/health", StatusPage.INDEX_PATH, StatusPage.SCRIPT_PATH);

    private final SolbotEngine engine;
    private final Function<BotDefinition, BotStatus> starter;
    private final BotReports reports;
    private final TradeHistory history;
    private final StrategyRegistry registry;
    private final ApiToken token;
    private final Supplier<String> metrics;
    private final int feedCapacity;
    private final ObjectMapper json = new ObjectMapper();
    private final long startedAtMs = System.currentTimeMillis();
    private Javalin server;
    private FeedSocket feed;
    private final ClusterView cluster = new ClusterView();

    /**
     * @param engine the engine whose bots it drives
     * @param starter starts one bot of a validated config, as the host does (it records the config for the run-status
     *     row, then calls {@link SolbotEngine#start}); called on a request thread
     * @param reports the bots' detailed status, engine and database
     * @param history closed trades and fills
     * @param registry the strategies a config may name
     * @param token the bearer token requests must carry
     * @param metrics the engine's metrics in Prometheus's text format, such as {@code prometheusRegistry::scrape}
     */
    public OperatorApi(
            SolbotEngine engine,
            Function<BotDefinition, BotStatus> starter,
            BotReports reports,
            TradeHistory history,
            StrategyRegistry registry,
            ApiToken token,
            Supplier<String> metrics) {
        this(engine, starter, reports, history, registry, token, metrics, FeedSocket.CAPACITY);
    }

    OperatorApi(
            SolbotEngine engine,
            Function<BotDefinition, BotStatus> starter,
            BotReports reports,
            TradeHistory history,
            StrategyRegistry registry,
            ApiToken token,
            Supplier<String> metrics,
            int feedCapacity) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.history = Objects.requireNonNull(history, "history");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.token = Objects.requireNonNull(token, "token");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.feedCapacity = feedCapacity;
    }

    /**
     * Starts serving on {@code host}:{@code port} ({@code 0} for a free port).
     *
     * @return the port it listens on
     * @throws IllegalStateException if it was started before
     * @throws RuntimeException if the port cannot be bound (Jetty's exception, which names the address)
     */
    public synchronized int start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("the operator API is started already");
        }
        feed = new FeedSocket(engine, feedCapacity);
        server = Javalin.create(this::configure);
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return server.port();
    }

    /**
     * Makes this the API of a node of a cluster, before {@link #start}: each bot of {@code /api/bots} then says which
     * node runs it ({@code cluster}: node, fence version, last heartbeat), and {@code GET /api/cluster} lists them all.
     *
     * @param owners who runs each bot of the cluster, read from its database on each request
     */
    public OperatorApi cluster(String nodeId, Supplier<List<BotOwner>> owners) {
        cluster.node(nodeId, owners);
        return this;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.defaultContentType = "application/json";
        var routes = config.routes;
        routes.before(this::authorize);
        routes.wsBeforeUpgrade(this::authorize);
        routes.get("/health", ctx -> send(ctx, 200, Map.of("status", "UP")));
        // the status page: static, holding no secret; its script asks for the token and sends it with each call
        routes.get(StatusPage.INDEX_PATH, StatusPage::index);
        routes.get(StatusPage.SCRIPT_PATH, StatusPage::script);
        routes.get(
                "/metrics",
                ctx -> ctx.status(200)
                        .contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.get() + feed.prometheus()));
        // the feed of events and log lines; /ws/logs is the original platform's path
        routes.ws("/ws", feed::configure);
        routes.ws("/ws/logs", feed::configure);

        routes.get("/api/bots", this::bots);
        routes.post("/api/bots", ctx -> start(ctx, body(ctx)));
        routes.get(
                "/api/bots/{botId}",
                ctx -> send(
                        ctx,
                        200,
                        cluster.withOwners(List.of(ApiJson.report(report(ctx)))).getFirst()));
        routes.post("/api/bots/{botId}/{action}", ctx -> act(ctx, ctx.pathParam("action"), botId(ctx)));
        routes.get("/api/bots/{botId}/positions", ctx -> positions(ctx, botId(ctx)));
        routes.get("/api/bots/{botId}/trades", ctx -> closedTrades(ctx, Optional.of(botId(ctx))));
        routes.get("/api/bots/{botId}/fills", ctx -> fills(ctx, Optional.of(botId(ctx))));
        routes.get("/api/trades", ctx -> closedTrades(ctx, Optional.empty()));
        routes.get("/api/fills", ctx -> fills(ctx, Optional.empty()));
        routes.get("/api/status/detailed", this::detailed);
        routes.post("/api/plan", this::plan);
        routes.get("/api/cluster", ctx -> send(ctx, 200, cluster.body()));

        // the original platform's routes: {mode, config, botId} to start, {botId} for the others, and no /stop
        // (its /delete stopped a bot; here it stops it and keeps its rows)
        routes.post("/api/mode/start", ctx -> start(ctx, originalStart(body(ctx))));
        routes.post("/api/mode/pause", ctx -> act(ctx, "pause", bodyBotId(ctx)));
        routes.post("/api/mode/resume", ctx -> act(ctx, "resume", bodyBotId(ctx)));
        routes.post("/api/mode/stop", ctx -> act(ctx, "stop", bodyBotId(ctx)));
        routes.post("/api/mode/delete", ctx -> act(ctx, "stop", bodyBotId(ctx)));
        routes.post("/api/mode/restart", ctx -> act(ctx, "restart", bodyBotId(ctx)));
        routes.get(
                "/api/mode/status",
                ctx -> send(
                        ctx,
                        200,
                        engine.statuses().stream()
                                .map(s -> Map.of(
                                        "botId",
                                        s.botId().value(),
                                        "mode",
                                        s.strategyId(),
                                        "status",
                                        s.status().name()))
                                .toList()));
        routes.get("/api/mode/status/detailed", this::detailed);

        routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(Refused.class, (e, ctx) -> send(ctx, 400, e.body));
        routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(NoSuchBotException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        routes.exception(IllegalBotStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(UnknownStrategyException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(InvalidBotSpecException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(DataAccessException.class, (e, ctx) -> error(ctx, 503, BotReports.reason(e)));
        routes.exception(SolbotException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            log.warn("Operator API: {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; the launcher's log has the details");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /**
     * Refuses every request without the token, except the health check. A WebSocket upgrade may carry it as {@code
     * ?token=} instead, since a browser's WebSocket cannot send headers.
     */
    private void authorize(Context ctx) {
        if (PUBLIC.contains(ctx.path())
                || token.authorizes(ctx.header("Authorization"))
                || (ctx.path().startsWith("/ws") && token.matches(ctx.queryParam("token")))) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        error(
                ctx,
                401,
                ctx.header("Authorization") == null
                        ? "missing Authorization: Bearer <token> (the launcher printed the token at start, or set "
                                + ApiToken.VARIABLE + ")"
                        : "wrong token");
        ctx.skipRemainingHandlers();
    }

    private void start(Context ctx, JsonNode bot) {
        if (!bot.isObject()) {
            throw new BadRequest("the body must be a JSON object such as {\"id\": \"b1\", \"mode\": \"sniper\","
                    + " \"config\": {...}}");
        }
        ObjectNode file = json.createObjectNode();
        file.putArray("bots").add(bot);
        ConfigReport report = BotsFileLoader.using(registry).parse(file.toString(), BotsFileLoader.Format.JSON, "body");
        if (!report.isValid()) {
            int n = report.violations().size();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "the bot's config has " + n + (n == 1 ? " error" : " errors") + "; nothing was started");
            body.put(
                    "violations",
                    report.violations().stream().map(ApiJson::violation).toList());
            throw new Refused(body);
        }
        BotStatus status = starter.apply(report.bots().getFirst());
        send(ctx, 201, ApiJson.live(status));
    }

    private void act(Context ctx, String action, BotId bot) {
        BotStatus status = switch (action) {
            case "pause" -> engine.pause(bot);
            case "resume" -> engine.resume(bot);
            case "stop" -> engine.stop(bot);
            case "restart" -> engine.restart(bot);
            default -> throw new BadRequest("'" + action + "' is not an action; use one of " + ACTIONS);
        };
        send(ctx, 200, ApiJson.live(status));
    }

    private void positions(Context ctx, BotId bot) {
        BotReport report = reports.report(bot).orElseThrow(() -> unknown(bot));
        switch (report.database()) {
            case BotReport.Stored s ->
                send(ctx, 200, s.openPositions().stream().map(ApiJson::position).toList());
            case Unavailable u -> error(ctx, 503, u.reason());
        }
    }

    /** A page of bots by id: {@code limit} (1 to 1000, default 100) and {@code after}, as the history routes. */
    private void bots(Context ctx) {
        Page<BotReport> page = reports.reports(Optional.ofNullable(ctx.queryParam("after")), limit(ctx));
        send(
                ctx,
                200,
                page(
                        cluster.withOwners(
                                page.items().stream().map(ApiJson::report).toList()),
                        page));
    }

    private void closedTrades(Context ctx, Optional<BotId> bot) {
        Page<io.solbot.persistence.ClosedTrade> page = history.closedTrades(query(ctx, bot));
        send(ctx, 200, page(page.items().stream().map(ApiJson::closedTrade).toList(), page));
    }

    private void fills(Context ctx, Optional<BotId> bot) {
        Page<io.solbot.core.domain.Fill> page = history.fills(query(ctx, bot));
        send(ctx, 200, page(page.items().stream().map(ApiJson::fill).toList(), page));
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, Page<?> page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("next", page.next().orElse(null));
        return m;
    }

    /** The original's {@code /status/detailed}: this process, the database, and every bot's report. */
    private void detailed(Context ctx) {
        List<BotReport> all = reports.reports();
        Map<String, Object> database = new LinkedHashMap<>();
        Optional<String> down = all.stream()
                .map(BotReport::database)
                .filter(d -> d instanceof Unavailable)
                .map(d -> ((Unavailable) d).reason())
                .findFirst();
        if (down.isEmpty() && all.isEmpty()) {
            try {
                history.fills(TradeQuery.all().limit(1));
            } catch (DataAccessException e) {
                down = Optional.of(BotReports.reason(e));
            }
        }
        database.put("available", down.isEmpty());
        database.put("reason", down.orElse(null));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("pid", ProcessHandle.current().pid());
        process.put("uptimeMs", System.currentTimeMillis() - startedAtMs);
        process.put("heapUsedBytes", heap.getUsed());
        process.put("heapMaxBytes", heap.getMax());
        process.put("threads", Thread.activeCount());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("process", process);
        body.put("database", database);
        body.put("bots", all.stream().map(ApiJson::report).toList());
        send(ctx, 200, body);
    }

    /** Validates a bots file (YAML or JSON, the body) and answers its plan, or 400 with every error. */
    private void plan(Context ctx) {
        ConfigReport report = BotsFileLoader.using(registry).parse(ctx.body(), "body");
        if (!report.isValid()) {
            int n = report.violations().size();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("valid", false);
            body.put("error", "the bots file has " + n + (n == 1 ? " error" : " errors"));
            body.put(
                    "violations",
                    report.violations().stream()
                            .map(v -> {
                                Map<String, Object> m = ApiJson.violation(v);
                                m.put("line", v.line());
                                m.put("column", v.column());
                                m.put("message", v.message());
                                return m;
                            })
                            .toList());
            throw new Refused(body);
        }
        send(ctx, 200, ApiJson.plan(Plan.of(report.bots())));
    }

    private BotReport report(Context ctx) {
        BotId bot = botId(ctx);
        return reports.report(bot).orElseThrow(() -> unknown(bot));
    }

    private static NotFound unknown(BotId bot) {
        return new NotFound("Bot '" + bot + "' is unknown: neither the engine nor the database knows it");
    }

    private void error(Context ctx, int status, String message) {
        send(ctx, status, Map.of("error", message == null ? "error" : message));
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's own JSON could not be written", e);
        }
    }

    /** The WebSocket feed's fan-out, for tests that publish to it directly. */
    synchronized io.solbot.core.event.EventFeed<String> feed() {
        return feed.feed();
    }

    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
