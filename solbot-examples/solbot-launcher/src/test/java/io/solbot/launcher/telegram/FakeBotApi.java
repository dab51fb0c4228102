package io.solbot.launcher.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Telegram Bot API on 127.0.0.1 speaking its JSON: {@code sendMessage} (recorded, or answered 429 with {@code
 * retry_after} when told) and {@code getUpdates} with long polling over the messages a test queues; a wrong token gets
 * 401 as from Telegram.
 */
final class FakeBotApi implements AutoCloseable {
    record Sent(long chatId, String text) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String token;
    private final List<Sent> sent = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private int tooManyRequests;
    private int retryAfterSeconds;
    private int nextUpdateId = 100;

    FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} sendMessage calls are answered 429 with {@code retry_after}. */
    synchronized void tooManyRequests(int count, int retryAfter) {
        tooManyRequests = count;
        retryAfterSeconds = retryAfter;
    }

    /** A message from {@code chatId} to the bot, delivered to the next getUpdates. */
    synchronized void message(long chatId, String text) {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", nextUpdateId++);
        ObjectNode message = update.putObject("message");
        message.put("message_id", nextUpdateId);
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Operator");
        message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", text);
        updates.add(update);
        notifyAll();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String prefix = "/bot" + token + "/";
        if (!path.startsWith(prefix)) {
            answer(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        switch (path.substring(prefix.length())) {
            case "sendMessage" -> sendMessage(exchange, body);
            case "getUpdates" -> getUpdates(exchange, body);
            default -> answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException {
        String reply;
        int status;
        synchronized (this) {
            if (tooManyRequests > 0) {
                tooManyRequests--;
                status = 429;
                reply = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                        + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}";
            } else {
                sent.add(new Sent(
                        body.path("chat_id").asLong(), body.path("text").asText()));
                ObjectNode result = json.createObjectNode();
                result.put("ok", true);
                ObjectNode message = result.putObject("result");
                message.put("message_id", sent.size());
                message.putObject("chat").put("id", body.path("chat_id").asLong());
                message.put("date", System.currentTimeMillis() / 1000);
                message.put("text", body.path("text").asText());
                status = 200;
                reply = result.toString();
            }
        }
        answer(exchange, status, reply);
    }

    /** Long polling: answers at once if an update at or after the offset waits, else when one comes or time is up. */
    private void getUpdates(HttpExchange exchange, JsonNode body) throws IOException {
        long offset = body.path("offset").asLong();
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(body.path("timeout").asLong());
        ArrayNode result = json.createArrayNode();
        synchronized (this) {
            updates.removeIf(u -> u.path("update_id").asLong() < offset);
            while (updates.isEmpty() && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            updates.forEach(result::add);
        }
        answer(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
