package io.solbot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.solana.Address;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Solana node's websocket (PubSub) on 127.0.0.1: a small RFC 6455 server that answers {@code logsSubscribe},
 * {@code accountSubscribe} and their unsubscribes as the node does, pongs pings, and sends the notifications a test
 * asks for in the node's JSON. It can drop every connection at once ({@link #drop()}) or go silent ({@link
 * #silence()}: no pongs, no notifications) to test reconnection and the client's watchdog. Thread-safe.
 */
public final class FakePubSub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** A subscription the fake confirmed. */
    public record Subscribed(String method, JsonNode params, long id, Connection on) {}

    /** One client connection. */
    public final class Connection {
        private final Socket socket;
        private final OutputStream out;
        volatile boolean open = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void send(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65_536) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int i = 7; i >= 0; i--) {
                    frame.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        void sendText(String text) {
            if (!open || silent) {
                return;
            }
            try {
                send(1, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                open = false;
            }
        }

        void kill() {
            open = false;
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Subscribed> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(24_040);
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean silent;

    public FakePubSub() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** How many connections opened so far. */
    public int connectionsOpened() {
        return connections.size();
    }

    /** How many pings the fake received. */
    public int pings() {
        return pings.get();
    }

    /** Confirmed subscriptions of {@code method} on connections still open. */
    public List<Subscribed> live(String method) {
        return subscriptions.stream()
                .filter(s -> s.method().equals(method) && s.on().open)
                .toList();
    }

    /** Every subscription request confirmed, on any connection. */
    public List<Subscribed> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Closes every connection without a close frame, as a lost network does. */
    public void drop() {
        connections.forEach(Connection::kill);
    }

    /** Stops answering: no pongs, no replies, no notifications, connections left open. */
    public void silence() {
        silent = true;
    }

    /** Answers again. */
    public void speak() {
        silent = false;
    }

    /** A {@code logsNotification} to every open subscription that mentions {@code program}. */
    public void notifyLogs(Address program, String signature, long slot, String errJson, List<String> logs) {
        for (Subscribed s : live("logsSubscribe")) {
            if (!s.params().path(0).path("mentions").path(0).asText().equals(program.toString())) {
                continue;
            }
            ObjectNode result = JSON.createObjectNode();
            result.putObject("context").put("slot", slot);
            ObjectNode value = result.putObject("value");
            value.put("signature", signature);
            value.set("err", errJson == null ? JSON.nullNode() : parse(errJson));
            ArrayNode lines = value.putArray("logs");
            logs.forEach(lines::add);
            s.on().sendText(notification("logsNotification", result, s.id()));
        }
    }

    /** An {@code accountNotification} to every open subscription of {@code account}. */
    public void notifyAccount(Address account, byte[] data, long lamports, long slot) {
        for (Subscribed s : live("accountSubscribe")) {
            if (!s.params().path(0).asText().equals(account.toString())) {
                continue;
            }
            ObjectNode result = JSON.createObjectNode();
            result.putObject("context").put("slot", slot);
            ObjectNode value = result.putObject("value");
            value.putArray("data").add(Base64.getEncoder().encodeToString(data)).add("base64");
            value.put("executable", false);
            value.put("lamports", lamports);
            value.put("owner", Address.TOKEN_PROGRAM.toString());
            value.put("rentEpoch", new java.math.BigInteger("18446744073709551615"));
            value.put("space", data.length);
            s.on().sendText(notification("accountNotification", result, s.id()));
        }
    }

    /** Sends {@code text} as is to every open connection (for malformed notifications). */
    public void sendRaw(String text) {
        connections.stream().filter(c -> c.open).forEach(c -> c.sendText(text));
    }

    private static String notification(String method, JsonNode result, long subscription) {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        ObjectNode params = message.putObject("params");
        params.set("result", result);
        params.put("subscription", subscription);
        return message.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String key = handshake(in);
            OutputStream out = socket.getOutputStream();
            String accept = Base64.getEncoder().encodeToString(sha1(key + GUID));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection connection = new Connection(socket);
            connections.add(connection);
            DataInputStream frames = new DataInputStream(in);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (connection.open) {
                int first = frames.readUnsignedByte();
                int second = frames.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = frames.readUnsignedShort();
                } else if (length == 127) {
                    length = frames.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    frames.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                frames.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = first & 0x0F;
                switch (opcode) {
                    case 0, 1 -> {
                        message.write(payload);
                        if ((first & 0x80) != 0) {
                            handle(connection, message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 8 -> {
                        if (!silent) {
                            connection.send(8, payload);
                        }
                        connection.kill();
                    }
                    case 9 -> {
                        pings.incrementAndGet();
                        if (!silent) {
                            connection.send(10, payload);
                        }
                    }
                    default -> {
                        // pongs and others: nothing to do
                    }
                }
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            connections.stream().filter(c -> c.socket == socket).forEach(c -> c.open = false);
        }
    }

    private void handle(Connection connection, String text) throws IOException {
        if (silent) {
            return;
        }
        JsonNode request = parse(text);
        String method = request.path("method").asText();
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        Subscribed confirmed = null;
        if (method.endsWith("Unsubscribe")) {
            long id = request.path("params").path(0).asLong();
            subscriptions.removeIf(s -> s.id() == id);
            reply.put("result", true);
        } else if (method.equals("logsSubscribe") || method.equals("accountSubscribe")) {
            JsonNode mentions = request.path("params").path(0).path("mentions");
            if (method.equals("logsSubscribe") && mentions.isArray() && mentions.size() != 1) {
                reply.putObject("error")
                        .put("code", -32602)
                        .put("message", "Invalid Request: Only 1 address supported");
            } else {
                long id = ids.incrementAndGet();
                confirmed = new Subscribed(method, request.path("params"), id, connection);
                reply.put("result", id);
            }
        } else {
            reply.putObject("error").put("code", -32601).put("message", "Method not found");
        }
        reply.set("id", request.get("id"));
        connection.sendText(reply.toString());
        // live (and so notified) only once its confirmation is on the wire, as a node orders them: a notification
        // sent by a test thread must never overtake the reply that tells the client its subscription id
        if (confirmed != null) {
            subscriptions.add(confirmed);
        }
    }

    private static String handshake(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client left during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new IOException("no Sec-WebSocket-Key in the handshake");
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        drop();
    }
}
