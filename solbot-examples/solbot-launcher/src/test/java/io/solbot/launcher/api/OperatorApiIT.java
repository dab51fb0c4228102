package io.solbot.launcher.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.cluster.BotOwner;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.store.RunRecord;
import io.solbot.core.testing.Fills;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.PostgresTradeLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator API on a real engine and a real PostgreSQL, called over HTTP on 127.0.0.1: every route with the token
 * missing and wrong, bad input, and a database outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiIT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final String TOKEN = ApiFixture.TOKEN;
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String MA_CROSS = """
            {"id": "%s", "mode": "ma-cross", "config": {"mint": "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263",
             "window": 2, "amountSol": 0.05, "takeProfitPct": 0.5, "stopLossPct": 0.5, "interval": 60}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ApiFixture fixture;
    private SolbotEngine engine;
    private PostgresDatabase db;
    private String base;

    @BeforeAll
    void start(@TempDir Path tmp) {
        fixture = new ApiFixture(tmp.resolve("pgdata"), FeedSocket.CAPACITY);
        engine = fixture.engine;
        db = fixture.db;
        base = "http://127.0.0.1:" + fixture.port;
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> response) {}

    private Answer call(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
        return new Answer(response.statusCode(), parsed, response);
    }

    private Answer get(String path) throws Exception {
        return call("GET", path, null, "Bearer " + TOKEN);
    }

    private Answer post(String path, String body) throws Exception {
        return call("POST", path, body, "Bearer " + TOKEN);
    }

    @Test
    void shouldAnswerTheHealthCheckAloneWithoutTheToken() throws Exception {
        Answer health = call("GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");

        List<String[]> routes = List.of(
                new String[] {"GET", "/api/bots"},
                new String[] {"POST", "/api/bots"},
                new String[] {"GET", "/api/bots/x"},
                new String[] {"POST", "/api/bots/x/pause"},
                new String[] {"GET", "/api/bots/x/positions"},
                new String[] {"GET", "/api/bots/x/trades"},
                new String[] {"GET", "/api/bots/x/fills"},
                new String[] {"GET", "/api/trades"},
                new String[] {"GET", "/api/fills"},
                new String[] {"GET", "/api/status/detailed"},
                new String[] {"POST", "/api/plan"},
                new String[] {"POST", "/api/mode/start"},
                new String[] {"POST", "/api/mode/pause"},
                new String[] {"GET", "/api/mode/status"},
                new String[] {"GET", "/api/mode/status/detailed"},
                new String[] {"GET", "/metrics"},
                new String[] {"GET", "/no/such/route"});
        for (String[] route : routes) {
            String what = route[0] + " " + route[1];
            Answer missing = call(route[0], route[1], "{}", null);
            assertThat(missing.status()).as(what).isEqualTo(401);
            assertThat(missing.response().headers().firstValue("WWW-Authenticate"))
                    .as(what)
                    .hasValue("Bearer");
            assertThat(missing.body().get("error").asText()).as(what).startsWith("missing Authorization: Bearer");
            Answer wrong = call(route[0], route[1], "{}", "Bearer " + TOKEN + "x");
            assertThat(wrong.status()).as(what).isEqualTo(401);
            assertThat(wrong.body().get("error").asText()).as(what).isEqualTo("wrong token");
            Answer basic = call(route[0], route[1], "{}", "Basic " + TOKEN);
            assertThat(basic.status()).as(what).isEqualTo(401);
        }
        assertThat(get("/no/such/route").status()).isEqualTo(404);
    }

    @Test
    void shouldSendNoCorsHeaderToAPageOfAnotherOrigin() throws Exception {
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/bots"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/bots"))
                        .header("Origin", "http://evil.example")
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(401);
        for (HttpResponse<String> r : List.of(preflight, read)) {
            assertThat(r.headers().map().keySet())
                    .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void shouldStartABotFromAConfigOrRefuseItWithEveryFieldError() throws Exception {
        Answer refused = post("/api/bots", """
                {"id": "bad-1", "mode": "ma-cross", "config": {"window": 0, "amountSol": -1, "intervall": 5}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText())
                .isEqualTo("the bot's config has 6 errors; nothing was started");
        assertThat(refused.body().get("violations"))
                .extracting(v -> v.get("bot").asText() + " " + v.get("field").asText() + ": "
                        + v.get("reason").asText())
                .contains(
                        "bad-1 window: must be between 2 and 1000",
                        "bad-1 mint: is required",
                        "bad-1 takeProfitPct: is required",
                        "bad-1 stopLossPct: is required")
                .anyMatch(v -> v.startsWith("bad-1 amountSol: "))
                .anyMatch(v -> v.startsWith("bad-1 intervall: ") && v.contains("'interval'"));
        Answer unknownMode = post("/api/bots", "{\"id\": \"bad-2\", \"mode\": \"snipr\", \"config\": {}}");
        assertThat(unknownMode.status()).isEqualTo(400);
        assertThat(unknownMode.body().toString()).contains("did you mean 'sniper'?");
        assertThat(post("/api/bots", "{\"id\": ").body().get("error").asText()).startsWith("the body is not JSON: ");
        assertThat(post("/api/bots", "[1]").status()).isEqualTo(400);
        assertThat(post("/api/bots", "").body().get("error").asText()).isEqualTo("the body is empty; it must be JSON");
        assertThat(engine.statuses()).noneMatch(s -> s.botId().value().startsWith("bad-"));

        Answer started = post("/api/bots", MA_CROSS.formatted("api-1"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.body().get("status").asText()).isEqualTo("RUNNING");
        assertThat(engine.status(BotId.of("api-1")).status()).isEqualTo(RunStatus.RUNNING);
        Answer twice = post("/api/bots", MA_CROSS.formatted("api-1"));
        assertThat(twice.status()).isEqualTo(409);

        // the original platform's start: {mode, config, botId}
        Answer original = post("/api/mode/start", """
                {"botId": "api-2", "mode": "maCross", "autoRestart": true, "config": {"mint":
                 "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "window": 3, "amountSol": 0.05, "takeProfitPct": 1,
                 "stopLossPct": 1, "interval": 60}}""");
        assertThat(original.status()).as(original.body().toString()).isEqualTo(201);
        assertThat(engine.status(BotId.of("api-2")).status()).isEqualTo(RunStatus.RUNNING);
        Answer extra = post("/api/mode/start", "{\"botId\": \"api-3\", \"mode\": \"ma-cross\", \"userId\": 7}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body().get("error").asText()).startsWith("userId is not a field of a start request");
    }

    @Test
    void shouldPauseResumeStopAndRestartABotThroughBothRouteStyles() throws Exception {
        engine.start(BotSpec.from(fixture.maCross("life-1")));

        assertThat(post("/api/bots/life-1/pause", null).body().get("status").asText())
                .isEqualTo("PAUSED");
        Answer pausedTwice = post("/api/bots/life-1/pause", null);
        assertThat(pausedTwice.status()).isEqualTo(409);
        assertThat(pausedTwice.body().get("error").asText()).contains("life-1").contains("PAUSED");
        assertThat(post("/api/mode/resume", "{\"botId\": \"life-1\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RUNNING");
        assertThat(post("/api/mode/pause", "{\"botId\": \"life-1\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("PAUSED");
        assertThat(post("/api/bots/life-1/resume", null).body().get("status").asText())
                .isEqualTo("RUNNING");
        assertThat(post("/api/bots/life-1/stop", null).body().get("status").asText())
                .isEqualTo("STOPPED");
        assertThat(post("/api/bots/life-1/restart", null).body().get("status").asText())
                .isEqualTo("RUNNING");
        assertThat(post("/api/mode/delete", "{\"botId\": \"life-1\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("STOPPED");
        assertThat(post("/api/mode/restart", "{\"botId\": \"life-1\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RUNNING");
        assertThat(post("/api/mode/stop", "{\"botId\": \"life-1\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("STOPPED");

        assertThat(post("/api/bots/no-such-bot/pause", null).status()).isEqualTo(404);
        assertThat(post("/api/bots/life-1/explode", null).body().get("error").asText())
                .startsWith("'explode' is not an action");
        Answer badId = post("/api/bots/-bad-/pause", null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("error").asText()).contains("is not a valid bot id");
        assertThat(post("/api/mode/pause", "{}").body().get("error").asText())
                .isEqualTo("the body must name the bot: {\"botId\": \"...\"}");
    }

    @Test
    void shouldPageThroughTheBotsByIdWhenTheEngineAndTheDatabaseEachKnowSome() throws Exception {
        for (String id : List.of("page-3", "page-1", "page-5")) {
            engine.start(BotSpec.from(fixture.maCross(id)));
        }
        PostgresRunStatusStore elsewhere = new PostgresRunStatusStore(db, "99@elsewhere", id -> null);
        for (String id : List.of("page-2", "page-4")) {
            elsewhere.save(new RunRecord(BotId.of(id), "sniper", "h", RunStatus.STOPPED, "COMPLETED", T0, T0, 0, 4));
        }

        List<String> seen = new ArrayList<>();
        String path = "/api/bots?limit=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = get(path).body();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(b -> seen.add(b.get("botId").asText()));
            JsonNode next = page.get("next");
            path = next.isNull() ? null : "/api/bots?limit=2&after=" + next.asText();
            pages++;
        }
        List<String> ours = seen.stream().filter(id -> id.startsWith("page-")).toList();
        assertThat(ours).containsExactly("page-1", "page-2", "page-3", "page-4", "page-5");
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
        JsonNode second = find(
                get("/api/bots?limit=1&after=" + cursorAfter("page-1")).body().get("items"), "page-2");
        assertThat(second.get("database").get("owner").asText()).isEqualTo("99@elsewhere");

        assertThat(get("/api/bots?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/bots?limit=1001").body().get("error").asText())
                .isEqualTo("limit must be between 1 and 1000, but was 1001");
        assertThat(get("/api/bots?limit=many").body().get("error").asText())
                .isEqualTo("limit must be a whole number between 1 and 1000, but was 'many'");
        assertThat(get("/api/bots?after=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }

    /** The cursor of the page ending at {@code botId}: walked to, as a client would. */
    private String cursorAfter(String botId) throws Exception {
        String path = "/api/bots?limit=1";
        while (true) {
            JsonNode page = get(path).body();
            JsonNode next = page.get("next");
            if (page.get("items").get(0).get("botId").asText().equals(botId)) {
                return next.asText();
            }
            path = "/api/bots?limit=1&after=" + next.asText();
        }
    }

    @Test
    void shouldListTheEnginesBotsAndTheDatabasesWithDetailedStatus() throws Exception {
        engine.start(BotSpec.from(fixture.maCross("list-1")));
        // a bot another process ran: the database alone knows it
        new PostgresRunStatusStore(db, "99@elsewhere", id -> null)
                .save(new RunRecord(
                        BotId.of("elsewhere-1"), "sniper", "h", RunStatus.STOPPED, "COMPLETED", T0, T0, 0, 4));

        JsonNode bots = get("/api/bots").body().get("items");
        JsonNode live = find(bots, "list-1");
        assertThat(live.get("status").asText()).isEqualTo("RUNNING");
        assertThat(live.get("live").get("strategy").asText()).isEqualTo("ma-cross");
        assertThat(live.get("database").get("available").asBoolean()).isTrue();
        assertThat(live.get("database").get("run").get("status").asText()).isEqualTo("RUNNING");
        JsonNode elsewhere = find(bots, "elsewhere-1");
        assertThat(elsewhere.get("live").isNull()).isTrue();
        assertThat(elsewhere.get("database").get("owner").asText()).isEqualTo("99@elsewhere");
        assertThat(elsewhere.get("database").get("run").get("reason").asText()).isEqualTo("COMPLETED");

        assertThat(get("/api/bots/elsewhere-1").body().get("status").asText()).isEqualTo("STOPPED");
        Answer unknown = get("/api/bots/nobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asText())
                .isEqualTo("Bot 'nobody' is unknown: neither the engine nor the database knows it");

        JsonNode detailed = get("/api/status/detailed").body();
        assertThat(detailed.get("database").get("available").asBoolean()).isTrue();
        assertThat(detailed.get("process").get("pid").asLong())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(detailed.get("process").get("heapUsedBytes").asLong()).isPositive();
        assertThat(find(detailed.get("bots"), "list-1")
                        .get("live")
                        .get("tickCount")
                        .isNumber())
                .isTrue();
        assertThat(get("/api/mode/status/detailed").body().get("bots").size())
                .isEqualTo(detailed.get("bots").size());
        assertThat(get("/api/mode/status").body())
                .anyMatch(b -> b.get("botId").asText().equals("list-1")
                        && b.get("mode").asText().equals("ma-cross"));
    }

    @Test
    void shouldPageClosedTradesAndFillsWithTheKeysetCursorAndShowOpenPositions() throws Exception {
        PostgresTradeLedger ledger = new PostgresTradeLedger(db);
        BotId bot = BotId.of("paged-1");
        TokenAmount tokens = TokenAmount.of(1_000_000, 5);
        ledger.record(new FillRecord(
                "ma-cross",
                Fills.buy(BONK, Lamports.of(100_000_000), tokens)
                        .bot(bot)
                        .order("o-1")
                        .at(T0)
                        .build(),
                "entry"));
        ledger.record(new FillRecord(
                "ma-cross",
                Fills.sell(BONK, tokens, Lamports.of(110_000_000))
                        .bot(bot)
                        .order("o-2")
                        .fee(5_000)
                        .at(T0.plusSeconds(60))
                        .build(),
                "take-profit"));
        ledger.record(new FillRecord(
                "ma-cross",
                Fills.buy(BONK, Lamports.of(50_000_000), TokenAmount.of(400_000, 5))
                        .bot(bot)
                        .order("o-3")
                        .at(T0.plusSeconds(120))
                        .build(),
                "entry"));

        JsonNode first = get("/api/bots/paged-1/fills?limit=2").body();
        assertThat(first.get("items"))
                .extracting(f -> f.get("orderId").asText())
                .containsExactly("o-3", "o-2");
        assertThat(first.get("items").get(1).get("feeLamports").asText()).isEqualTo("5000");
        assertThat(first.get("items").get(1).get("amountInRaw").asText()).isEqualTo("1000000");
        assertThat(first.get("items").get(1).get("amountIn").asText()).isEqualTo("10.00000");
        String next = first.get("next").asText();
        JsonNode second = get("/api/bots/paged-1/fills?limit=2&after=" + next).body();
        assertThat(second.get("items"))
                .extracting(f -> f.get("orderId").asText())
                .containsExactly("o-1");
        assertThat(second.get("next").isNull()).isTrue();

        JsonNode trades = get("/api/bots/paged-1/trades").body();
        assertThat(trades.get("items")).hasSize(1);
        JsonNode trade = trades.get("items").get(0);
        assertThat(trade.get("entryOrderId").asText()).isEqualTo("o-1");
        assertThat(trade.get("exitOrderId").asText()).isEqualTo("o-2");
        // 110,000,000 back for 100,000,000, less the sell's 5,000 fee
        assertThat(trade.get("pnlLamports").asText()).isEqualTo("9995000");
        assertThat(trade.get("pnlSol").asText()).isEqualTo("0.009995000");
        assertThat(get("/api/trades?mint=" + BONK.address()).body().get("items"))
                .anyMatch(t -> t.get("botId").asText().equals("paged-1"));
        assertThat(get("/api/fills?limit=1").body().get("items")).hasSize(1);

        JsonNode positions = get("/api/bots/paged-1/positions").body();
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).get("mint").asText()).isEqualTo(BONK.address());
        assertThat(positions.get(0).get("quantityRaw").asText()).isEqualTo("400000");
        assertThat(positions.get(0).get("costBasisLamports").asText()).isEqualTo("50000000");

        assertThat(get("/api/bots/paged-1/fills?after=not-a-cursor").status()).isEqualTo(400);
        assertThat(get("/api/bots/paged-1/fills?limit=0").body().get("error").asText())
                .isEqualTo("limit must be between 1 and 1000, but was 0");
        assertThat(get("/api/bots/paged-1/trades?limit=many")
                        .body()
                        .get("error")
                        .asText())
                .isEqualTo("limit must be a whole number between 1 and 1000, but was 'many'");
        assertThat(get("/api/trades?mint=nope").status()).isEqualTo(400);
        assertThat(get("/api/bots/nobody/positions").status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerThePlanOfABotsFileOrEveryErrorWithItsLine() throws Exception {
        Answer plan = post("/api/plan", """
                bots:
                  - id: plan-1
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                """);
        assertThat(plan.status()).as(plan.body().toString()).isEqualTo(200);
        assertThat(plan.body().get("valid").asBoolean()).isTrue();
        assertThat(plan.body().get("bots").get(0).get("id").asText()).isEqualTo("plan-1");
        assertThat(plan.body().get("text").asText()).startsWith("Plan: 1 bot");

        Answer bad = post("/api/plan", """
                bots:
                  - id: plan-2
                    mode: ma-cross
                    config: {window: 1}
                """);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("valid").asBoolean()).isFalse();
        assertThat(bad.body().get("violations"))
                .anyMatch(v -> v.get("field").asText().equals("window")
                        && v.get("line").asInt() == 4
                        && v.get("message").asText().startsWith("line 4, column "));
        assertThat(engine.statuses()).noneMatch(s -> s.botId().value().startsWith("plan-"));
    }

    @Test
    void shouldKeepAnsweringTheStatusRoutesDuringADatabaseOutage() throws Exception {
        engine.start(BotSpec.from(fixture.maCross("outage-1")));
        // an API over a pool of its own, closed: as if the database went away under it
        PostgresDatabase lost = PostgresDatabase.open(fixture.jdbcUrl, null, null, 1);
        lost.close();
        try (OperatorApi cut = fixture.api(lost, FeedSocket.CAPACITY)) {
            String saved = base;
            base = "http://127.0.0.1:" + cut.start("127.0.0.1", 0);
            try {
                Answer bots = get("/api/bots");
                assertThat(bots.status()).isEqualTo(200);
                JsonNode bot = find(bots.body().get("items"), "outage-1");
                assertThat(bot.get("live").get("status").asText()).isEqualTo("RUNNING");
                assertThat(bot.get("database").get("available").asBoolean()).isFalse();
                assertThat(bot.get("database").get("reason").asText()).startsWith("database unreachable: ");
                JsonNode detailed = get("/api/status/detailed").body();
                assertThat(detailed.get("database").get("available").asBoolean())
                        .isFalse();
                assertThat(find(detailed.get("bots"), "outage-1").get("status").asText())
                        .isEqualTo("RUNNING");
                assertThat(get("/api/bots/outage-1").status()).isEqualTo(200);
                assertThat(post("/api/bots/outage-1/pause", null)
                                .body()
                                .get("status")
                                .asText())
                        .isEqualTo("PAUSED");

                Answer fills = get("/api/bots/outage-1/fills");
                assertThat(fills.status()).isEqualTo(503);
                assertThat(fills.body().get("error").asText()).startsWith("database unreachable: ");
                assertThat(get("/api/trades").status()).isEqualTo(503);
                assertThat(get("/api/bots/outage-1/positions").status()).isEqualTo(503);
                assertThat(fills.body().toString()).doesNotContain("jdbc:").doesNotContain(TOKEN);
            } finally {
                base = saved;
            }
        }
    }

    @Test
    void shouldSayWhichNodeRunsEachBotOnlyWhenTheLauncherRunsANodeOfACluster() throws Exception {
        engine.start(BotSpec.from(fixture.maCross("node-1")));
        Answer single = get("/api/cluster");
        assertThat(single.status()).isEqualTo(404);
        assertThat(single.body().get("error").asText())
                .isEqualTo("this launcher runs no node of a cluster (solbot run --cluster)");
        assertThat(get("/api/bots/node-1").body().has("cluster")).isFalse();

        Instant beat = Instant.parse("2026-03-01T12:00:01.250Z");
        List<BotOwner> owners = List.of(
                new BotOwner(BotId.of("node-1"), Optional.of("node-b"), 7, Optional.of(beat)),
                new BotOwner(BotId.of("node-2"), Optional.empty(), 3, Optional.empty()));
        try (OperatorApi api = fixture.api(db, FeedSocket.CAPACITY).cluster("node-a", () -> owners)) {
            String node = "http://127.0.0.1:" + api.start("127.0.0.1", 0);
            JsonNode cluster = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(node + "/api/cluster"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(cluster.toString())
                    .isEqualTo("{\"node\":\"node-a\",\"bots\":[{\"botId\":\"node-1\",\"node\":\"node-b\","
                            + "\"fenceVersion\":7,\"lastHeartbeat\":\"2026-03-01T12:00:01.250Z\"},{\"botId\":"
                            + "\"node-2\",\"node\":null,\"fenceVersion\":3,\"lastHeartbeat\":null}]}");
            JsonNode bot = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(node + "/api/bots/node-1"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(bot.get("cluster").get("node").asText()).isEqualTo("node-b");
            assertThat(bot.get("cluster").get("fenceVersion").asLong()).isEqualTo(7);
        } finally {
            engine.stop(BotId.of("node-1"));
        }
    }

    private static JsonNode find(JsonNode bots, String id) {
        for (JsonNode b : bots) {
            if (b.get("botId").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no bot " + id + " in " + bots);
    }
}
