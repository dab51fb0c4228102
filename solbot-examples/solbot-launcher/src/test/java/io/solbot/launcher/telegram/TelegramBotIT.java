package io.solbot.launcher.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.testing.FillAtPriceExecutor;
import io.solbot.launcher.telegram.BotApi.BotApiException;
import io.solbot.launcher.telegram.FakeBotApi.Sent;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Telegram bot against a fake Bot API on 127.0.0.1: alerts, rate limits, {@code retry_after}, commands. */
class TelegramBotIT {
    private static final String TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijk";
    private static final long OPERATOR = 4242L;
    private static final long GROUP = -1001276785818L; // a supergroup: 64 bits
    private static final long STRANGER = 777L;

    private FakeBotApi telegram;
    private SimulatedMarket market;
    private StrategyRegistry registry;
    private SolbotEngine engine;
    private TelegramBot bot;
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-01T12:00:00Z");

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeBotApi(TOKEN);
        market = SimulatedMarket.random(
                RandomMarketSettings.defaults(7, Instant.now().truncatedTo(ChronoUnit.MILLIS)), Listing.WELL_KNOWN);
        registry = StrategyRegistry.builder()
                .discoverClassPath()
                .discoverPluginsDir(Path.of(System.getProperty("solbot.test.pluginsDir")))
                .build();
        engine = SolbotEngine.builder()
                .strategies(registry)
                .marketData(market)
                .swapExecutor(new FillAtPriceExecutor(market))
                .build();
        // time moves only when the bot waits: each wait is recorded and advances the clock by as much
        InstantSource clock = () -> {
            synchronized (sleeps) {
                return now;
            }
        };
        TelegramBot.Sleeper sleeper = d -> {
            synchronized (sleeps) {
                sleeps.add(d);
                now = now.plus(d);
            }
        };
        bot = new TelegramBot(
                engine,
                new BotApi(HttpClient.newHttpClient(), telegram.base(), TOKEN),
                Set.of(OPERATOR, GROUP),
                Duration.ofSeconds(1),
                clock,
                sleeper,
                1);
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        engine.shutdown(Duration.ofSeconds(10));
        market.close();
        registry.close();
        telegram.close();
    }

    private BotDefinition maCross(String id) {
        return BotsFileLoader.using(registry)
                .parse("""
                        {"bots": [{"id": "%s", "mode": "ma-cross", "config": {"mint":
                         "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "window": 2, "amountSol": 0.05,
                         "takeProfitPct": 0.5, "stopLossPct": 0.5, "interval": 60}}]}""".formatted(id), "test")
                .requireValid()
                .getFirst();
    }

    private List<Sent> await(String what, Predicate<List<Sent>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Sent> sent = telegram.sent();
            if (done.test(sent)) {
                return sent;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not within 30 s: " + what + "; sent: " + telegram.sent());
    }

    private static Predicate<List<Sent>> has(long chat, String text) {
        return sent ->
                sent.stream().anyMatch(s -> s.chatId() == chat && s.text().contains(text));
    }

    @Test
    void shouldAlertEveryAllowedChatOfPausesResumesAndStopsButNotOfStarts() throws Exception {
        engine.start(BotSpec.from(maCross("alert-1")));
        engine.pause(BotId.of("alert-1"));
        engine.resume(BotId.of("alert-1"));
        engine.stop(BotId.of("alert-1"));

        List<Sent> sent =
                await("the stop alert in both chats", has(OPERATOR, "stopped").and(has(GROUP, "stopped")));

        assertThat(sent)
                .filteredOn(s -> s.chatId() == OPERATOR)
                .extracting(Sent::text)
                .containsExactly("alert-1: paused", "alert-1: resumed", "alert-1: stopped (REQUESTED)");
        assertThat(sent)
                .filteredOn(s -> s.chatId() == GROUP)
                .extracting(Sent::text)
                .containsExactly("alert-1: paused", "alert-1: resumed", "alert-1: stopped (REQUESTED)");
        // one message a second: the clock moved a second before each message but the first
        synchronized (sleeps) {
            assertThat(sleeps).hasSize(5).allMatch(d -> d.equals(Duration.ofSeconds(1)));
        }
    }

    @Test
    void shouldWaitOutRetryAfterAndSendTheMessageAgain() throws Exception {
        engine.start(BotSpec.from(maCross("busy-1")));
        telegram.tooManyRequests(2, 7);

        engine.pause(BotId.of("busy-1"));

        List<Sent> sent =
                await("the pause alert in both chats", has(OPERATOR, "paused").and(has(GROUP, "paused")));
        assertThat(sent).extracting(Sent::text).containsExactly("busy-1: paused", "busy-1: paused");
        synchronized (sleeps) {
            // two 429s with retry_after 7, then the second chat's message a second after the first
            assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldAnswerTheCommandsOfAllowedChatsAndIgnoreOtherChats() throws Exception {
        engine.start(BotSpec.from(maCross("cmd-1")));
        engine.start(BotSpec.from(maCross("cmd-2")));

        telegram.message(STRANGER, "/stop cmd-1");
        telegram.message(OPERATOR, "/status");
        telegram.message(GROUP, "/pause@solbot_test_bot cmd-2");
        telegram.message(OPERATOR, "/status cmd-2");
        telegram.message(OPERATOR, "/pause");
        telegram.message(OPERATOR, "/resume nobody");
        telegram.message(OPERATOR, "/frobnicate");
        telegram.message(OPERATOR, "just chatting");
        telegram.message(OPERATOR, "/resume cmd-2");
        telegram.message(OPERATOR, "/stop cmd-2");

        List<Sent> sent = await("the reply to /stop", has(OPERATOR, "Bot 'cmd-2' is STOPPED"));
        List<String> toOperator = sent.stream()
                .filter(s -> s.chatId() == OPERATOR)
                .map(Sent::text)
                .toList();
        assertThat(toOperator)
                .contains(
                        "Bot 'cmd-2' is RUNNING",
                        "Usage: /pause <bot>",
                        "Unknown command /frobnicate. Commands: /status [bot], /pause <bot>, /resume <bot>,"
                                + " /stop <bot>")
                .anyMatch(t -> t.startsWith("2 bots: {RUNNING=2}\ncmd-1 ma-cross RUNNING, "))
                .anyMatch(t -> t.startsWith("cmd-2 ma-cross PAUSED, "))
                .anyMatch(t -> t.contains("nobody"));
        assertThat(sent).anyMatch(s -> s.chatId() == GROUP && s.text().equals("Bot 'cmd-2' is PAUSED"));
        assertThat(sent).noneMatch(s -> s.chatId() == STRANGER);
        assertThat(engine.status(BotId.of("cmd-1")).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(engine.status(BotId.of("cmd-2")).status()).isEqualTo(RunStatus.STOPPED);
    }

    @Test
    void shouldNeverPutTheTokenInAnErrorMessage() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        BotApi unreachable = new BotApi(HttpClient.newHttpClient(), "http://127.0.0.1:" + closed, TOKEN);
        BotApi wrongToken = new BotApi(HttpClient.newHttpClient(), telegram.base(), TOKEN + "x");

        assertThatThrownBy(() -> unreachable.sendMessage(OPERATOR, "hello"))
                .isInstanceOf(BotApiException.class)
                .hasMessageStartingWith("sendMessage: Telegram could not be reached")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> wrongToken.getUpdates(0, 0))
                .isInstanceOf(BotApiException.class)
                .hasMessage("getUpdates: 401 Unauthorized")
                .satisfies(e -> assertThat(((BotApiException) e).errorCode()).isEqualTo(401));
    }

    @Test
    void shouldRunWithTheLauncherTakingItsTokenFromTheEnvironmentOnly(@TempDir Path tmp) throws Exception {
        // the launcher's bot is the only poller of the token, as Telegram requires
        bot.close();
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), """
                bots:
                  - id: tg-1
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 60}
                """);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "io.solbot.launcher.Main",
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                tmp.resolve("runtime").toString(),
                "--db-port",
                Integer.toString(port),
                "--no-api",
                "--telegram-api",
                telegram.base(),
                "--telegram-chat",
                Long.toString(OPERATOR),
                "--duration",
                "60s");
        Path output = tmp.resolve("launcher.txt");

        ProcessBuilder withoutToken = new ProcessBuilder(command).redirectErrorStream(true);
        withoutToken.environment().remove(TelegramBot.TOKEN_VARIABLE);
        Process refused = withoutToken.start();
        String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor()).isEqualTo(2);
        assertThat(refusal)
                .contains("--telegram-chat needs the bot's token in the environment variable "
                        + TelegramBot.TOKEN_VARIABLE);

        ProcessBuilder withToken =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        withToken.environment().put(TelegramBot.TOKEN_VARIABLE, TOKEN);
        Process launcher = withToken.start();
        try {
            // its start (a fresh embedded PostgreSQL first) may take long on a busy machine: wait for the line it
            // prints once its bots run and it polls Telegram, then give the command the usual time
            long started = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(output).contains("Telegram: alerts to 1 chat(s)")) {
                assertThat(launcher.isAlive())
                        .as("the launcher exited early: %s", Files.readString(output))
                        .isTrue();
                assertThat(System.nanoTime())
                        .as("the launcher did not start within 3 minutes: %s", Files.readString(output))
                        .isLessThan(started);
                Thread.sleep(50);
            }
            telegram.message(OPERATOR, "/pause tg-1");
            await("the launcher's reply to /pause", has(OPERATOR, "Bot 'tg-1' is PAUSED"));
            launcher.toHandle().destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            launcher.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(printed)
                .contains("Telegram: alerts to 1 chat(s)")
                .contains("Stopped.")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldRefuseABotWithoutChats() {
        assertThatThrownBy(() -> new TelegramBot(engine, TOKEN, Set.of(), telegram.base()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Telegram bot needs at least one chat id to talk to");
    }
}
