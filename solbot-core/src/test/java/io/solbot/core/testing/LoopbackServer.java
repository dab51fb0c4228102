package io.solbot.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The common part of the loopback fakes of remote services: a JDK HttpServer on 127.0.0.1 and a free port that
 * records every request, and per path a queue of scripted answers (a status and a body, or a hang until {@link
 * #release()} or {@link #close()}) served before the fake's own behaviour. Thread-safe.
 */
public abstract class LoopbackServer implements AutoCloseable {
    /** A request as the fake received it. */
    public record Request(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {}

    /** A scripted answer; {@code hang} holds the request open until the server closes. */
    public record Scripted(int status, String body, Map<String, String> headers, boolean hang) {}

    /** The fake's own answer to a request. */
    protected record Answer(int status, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new LinkedHashMap<>();
    /** Counted down to answer the requests held open so far; replaced by a fresh latch for later ones. */
    private CountDownLatch held = new CountDownLatch(1);

    protected LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URI, {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next request to {@code path} with {@code status} and {@code body}, before the fake's own answer. */
    public synchronized LoopbackServer enqueue(String path, int status, String body) {
        return enqueue(path, new Scripted(status, body, Map.of(), false));
    }

    public synchronized LoopbackServer enqueue(String path, Scripted answer) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** Holds the next request to {@code path} open, unanswered, until {@link #release()} or the server closes. */
    public synchronized LoopbackServer hang(String path) {
        return enqueue(path, new Scripted(0, "", Map.of(), true));
    }

    /**
     * Ends the requests held open so far ({@link #hang}) without an answer: a test that timed them out lets them go,
     * rather than leaving them to {@link #close()}.
     */
    public synchronized void release() {
        held.countDown();
        held = new CountDownLatch(1);
    }

    /** Every request so far, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code path} so far. */
    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    protected abstract Answer answer(Request request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    headers,
                    body);
            Scripted next;
            CountDownLatch release;
            synchronized (this) {
                release = held;
                requests.add(request);
                Deque<Scripted> queue = scripted.get(request.path());
                next = queue == null ? null : queue.poll();
            }
            if (next != null && next.hang()) {
                release.await();
                return;
            }
            int status;
            String text;
            if (next != null) {
                status = next.status();
                text = next.body();
                next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            } else {
                Answer answer = answer(request);
                status = answer.status();
                text = answer.body();
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a bug in a fake must show in the test, not hang it: answer 599 with the message
            byte[] bytes = ("fake failed: " + e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(599, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
