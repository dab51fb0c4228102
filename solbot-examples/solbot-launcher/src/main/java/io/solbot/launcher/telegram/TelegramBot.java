package io.solbot.launcher.telegram;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.Subscription;
import io.solbot.core.spi.StopReason;
import io.solbot.launcher.EventLine;
import io.solbot.launcher.telegram.BotApi.BotApiException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Telegram bot for all of an engine's bots: alerts for what operators need to know (fills, failed orders,
 * restarts, failures, stops, pauses) to every chat of an allow-list, and the commands {@code /status [bot]}, {@code
 * /pause <bot>}, {@code /resume <bot>} and {@code /stop <bot>} from those chats; messages from any other chat are
 * ignored.
 *
 * <p>Everything it sends goes through one queue of {@value #QUEUE} messages and one sender, at most one message per
 * {@code minInterval} (Telegram allows about one a second per chat); a 429 answer's {@code retry_after} is waited out
 * and the message sent again. When the queue is full, alerts are dropped and counted rather than piling up: the
 * engine's event thread never waits for Telegram. Commands arrive by long polling ({@code getUpdates}): one poller
 * per token, as Telegram allows.
 *
 * <p>The token is in every request's URL and nowhere else: not in a log line, an exception message or a reply.
 */
public final class TelegramBot implements AutoCloseable {
    /** The environment variable holding the bot's token. */
    public static final String TOKEN_VARIABLE = "SOLBOT_TELEGRAM_TOKEN";

    static final int QUEUE = 1_000;
    private static final int MAX_ATTEMPTS = 5;
    private static final int MAX_TEXT = 4_000; // Telegram takes 4,096 characters
    private static final Duration POLL_BACKOFF = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /** Waits, as {@link Thread#sleep}; a test's advances its clock instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Outgoing(long chatId, String text) {}

    private final SolbotEngine engine;
    private final BotApi api;
    private final Set<Long> chats;
    private final Duration minInterval;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final int pollTimeoutSeconds;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Subscription subscription;
    private Thread sender;
    private Thread poller;
    private Instant nextSend = Instant.MIN;

    /**
     * @param token the bot's token, from BotFather
     * @param chats the chats that get alerts and may send commands
     * @param apiBase the Bot API's address, {@code https://api.telegram.org}
     */
    public TelegramBot(SolbotEngine engine, String token, Set<Long> chats, String apiBase) {
        this(
                engine,
                new BotApi(HttpClient.newHttpClient(), apiBase, token),
                chats,
                Duration.ofSeconds(1),
                InstantSource.system(),
                d -> Thread.sleep(d.toMillis()),
                25);
    }

    TelegramBot(
            SolbotEngine engine,
            BotApi api,
            Set<Long> chats,
            Duration minInterval,
            InstantSource clock,
            Sleeper sleeper,
            int pollTimeoutSeconds) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.api = api;
        if (chats.isEmpty()) {
            throw new IllegalArgumentException("a Telegram bot needs at least one chat id to talk to");
        }
        this.chats = Set.copyOf(chats);
        this.minInterval = minInterval;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
    }

    /** Subscribes to the engine's events and starts the sender and the command poller. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("the Telegram bot is started already");
        }
        running = true;
        sender = Thread.ofPlatform().name("solbot-telegram-send").daemon().start(this::sendLoop);
        poller = Thread.ofPlatform().name("solbot-telegram-poll").daemon().start(this::pollLoop);
        subscription = engine.subscribe(this::alert);
    }

    /** How many messages were dropped because the queue was full. */
    public long droppedMessages() {
        return dropped.get();
    }

    private void alert(EngineEvent event) {
        boolean worthIt = switch (event) {
            case EngineEvent.OrderFilled f -> true;
            case EngineEvent.OrderFailed f -> true;
            case EngineEvent.BotFailed f -> true;
            case EngineEvent.BotRestarted r -> true;
            case EngineEvent.BotPaused p -> true;
            case EngineEvent.BotResumed r -> true;
            // a shutdown stops every bot: the operator did it
            case EngineEvent.BotStopped s -> s.reason() != StopReason.SHUTDOWN;
            // starts, submissions and refusals come with every tick of a busy fleet
            case EngineEvent.BotStarted s -> false;
            case EngineEvent.OrderSubmitted o -> false;
            case EngineEvent.OrderRefused o -> false;
        };
        if (!worthIt) {
            return;
        }
        EventLine line = EventLine.of(event);
        String text = (line.level().equals("INFO") ? "" : line.level() + " ") + event.botId() + ": " + line.text();
        for (long chat : chats) {
            enqueue(new Outgoing(chat, text));
        }
    }

    private void enqueue(Outgoing message) {
        String text =
                message.text().length() > MAX_TEXT ? message.text().substring(0, MAX_TEXT - 1) + "…" : message.text();
        if (!queue.offer(new Outgoing(message.chatId(), text)) && dropped.getAndIncrement() % 100 == 0) {
            log.warn("Telegram: {} messages behind; dropping alerts until it catches up", QUEUE);
        }
    }

    private void sendLoop() {
        try {
            while (running) {
                send(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one message, no sooner than {@code minInterval} after the last one, waiting out each 429. */
    private void send(Outgoing message) throws InterruptedException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait = Duration.between(clock.instant(), nextSend);
            if (wait.isPositive()) {
                sleeper.sleep(wait);
            }
            try {
                api.sendMessage(message.chatId(), message.text());
                nextSend = clock.instant().plus(minInterval);
                return;
            } catch (BotApiException e) {
                if (e.retryAfter().isPresent()) {
                    nextSend = clock.instant().plus(e.retryAfter().get());
                    continue;
                }
                nextSend = clock.instant().plus(minInterval);
                log.warn("Telegram did not take a message for chat {}: {}", message.chatId(), e.getMessage());
                return;
            }
        }
        log.warn("Telegram kept asking to wait; a message for chat {} was dropped", message.chatId());
    }

    private void pollLoop() {
        long offset = 0;
        try {
            while (running) {
                List<BotApi.Update> updates;
                try {
                    updates = api.getUpdates(offset, pollTimeoutSeconds);
                } catch (BotApiException e) {
                    if (!running) {
                        return;
                    }
                    // 409: another process polls with this token; Telegram serves one poller per token
                    log.warn("Telegram commands: {}", e.getMessage());
                    sleeper.sleep(e.retryAfter().orElse(POLL_BACKOFF));
                    continue;
                }
                for (BotApi.Update u : updates) {
                    offset = Math.max(offset, u.updateId() + 1);
                    if (!chats.contains(u.chatId())) {
                        log.debug("Telegram: ignored a message from chat {}, which is not allowed", u.chatId());
                        continue;
                    }
                    String reply = command(u.text());
                    if (reply != null) {
                        enqueue(new Outgoing(u.chatId(), reply));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reply to one message of an allowed chat; null for a message that is no command. */
    String command(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 0 || !words[0].startsWith("/")) {
            return null;
        }
        String name = words[0].contains("@") ? words[0].substring(0, words[0].indexOf('@')) : words[0];
        String bot = words.length > 1 ? words[1] : null;
        try {
            return switch (name) {
                case "/status" -> bot == null ? statusOfAll() : line(engine.status(BotId.of(bot)));
                case "/pause" ->
                    bot == null
                            ? usage(name)
                            : "Bot '" + bot + "' is "
                                    + engine.pause(BotId.of(bot)).status();
                case "/resume" ->
                    bot == null
                            ? usage(name)
                            : "Bot '" + bot + "' is "
                                    + engine.resume(BotId.of(bot)).status();
                case "/stop" ->
                    bot == null
                            ? usage(name)
                            : "Bot '" + bot + "' is "
                                    + engine.stop(BotId.of(bot)).status();
                case "/start", "/help" -> help();
                default -> "Unknown command " + name + ". " + help();
            };
        } catch (SolbotException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String statusOfAll() {
        List<BotStatus> all = engine.statuses();
        Map<String, Integer> byStatus = new TreeMap<>();
        all.forEach(s -> byStatus.merge(s.status().name(), 1, Integer::sum));
        List<String> lines = new ArrayList<>();
        lines.add(all.size() + (all.size() == 1 ? " bot" : " bots") + (all.isEmpty() ? "" : ": " + byStatus));
        for (BotStatus s : all) {
            lines.add(line(s));
        }
        return String.join("\n", lines);
    }

    private static String line(BotStatus s) {
        return s.botId() + " " + s.strategyId() + " " + s.status() + ", " + s.tickCount() + " ticks, " + s.trades()
                + " trades, " + s.openPositions() + " open"
                + s.lastError().map(e -> ", last error: " + e).orElse("");
    }

    private static String usage(String command) {
        return "Usage: " + command + " <bot>";
    }

    private static String help() {
        return "Commands: /status [bot], /pause <bot>, /resume <bot>, /stop <bot>";
    }

    /** Stops polling and sending; messages still queued are dropped. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        subscription.close();
        for (Thread t : List.of(sender, poller)) {
            t.interrupt();
        }
        try {
            sender.join(5_000);
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
