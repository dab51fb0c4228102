package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety end to end: a launcher JVM paper-trades several bots against a real PostgreSQL and is killed with
 * SIGKILL at random moments, then started again, many times over. At the end the database is checked against the
 * paper executor's own record of what it executed (its execution log, the stand-in for the chain): every fill is in
 * the database exactly once, every open position is open, and no order was executed twice.
 *
 * <p>{@code -Dsolbot.chaos.kills=N} sets the number of kills (default 20); {@code -Dsolbot.chaos.seed=S} the seed of
 * the kill times.
 */
class ChaosIT {
    private static final String BOTS = """
            bots:
              - id: chaos-bonk
                mode: ma-cross
                config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                         takeProfitPct: 0.3, stopLossPct: 0.3, interval: 1, maxTrades: 1000}
              - id: chaos-jup
                mode: ma-cross
                config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.1,
                         takeProfitPct: 0.3, stopLossPct: 0.3, interval: 1, maxTrades: 1000}
              - id: chaos-bonk-2
                mode: ma-cross
                config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 3, amountSol: 0.02,
                         takeProfitPct: 0.2, stopLossPct: 0.2, interval: 1, maxTrades: 1000}
              - id: chaos-jup-2
                mode: ma-cross
                config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.03,
                         takeProfitPct: 0.2, stopLossPct: 0.2, interval: 1, maxTrades: 1000}
              - id: chaos-wif
                mode: ma-cross
                config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 3, amountSol: 0.07,
                         takeProfitPct: 0.4, stopLossPct: 0.4, interval: 1, maxTrades: 1000}
            """;

    @TempDir
    Path tmp;

    private Path runtime;
    private int port;
    private Path bots;

    @Test
    void shouldLoseAndDoubleNothingWhenKilledAtRandomMoments() throws Exception {
        int kills = Integer.getInteger("solbot.chaos.kills", 20);
        SplittableRandom random = new SplittableRandom(Long.getLong("solbot.chaos.seed", 7));
        bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, BOTS);
        runtime = tmp.resolve("runtime");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // the first run must get past creating the database; after that, any moment is fair game
        Launcher first = Launcher.start(this);
        first.awaitLine("Paper trading", Duration.ofSeconds(120));
        Thread.sleep(1_000 + random.nextInt(3_000));
        first.kill();
        for (int i = 1; i < kills; i++) {
            Launcher run = Launcher.start(this);
            if (random.nextInt(4) == 0) {
                Thread.sleep(random.nextInt(3_000)); // while it starts, connects, recovers
            } else {
                run.awaitLine("Paper trading", Duration.ofSeconds(120));
                Thread.sleep(1_000 + random.nextInt(5_000)); // while it trades
            }
            run.kill();
        }
        // a last run that recovers whatever the kills left, trades a little, and stops cleanly
        Launcher last = Launcher.start(this);
        last.awaitLine("Paper trading", Duration.ofSeconds(120));
        Thread.sleep(3_000);
        last.terminate();

        verify(kills, () -> EmbeddedDatabase.start(runtime.resolve("pgdata"), port));
    }

    @Test
    void shouldLoseAndDoubleNothingWhenPostgresStopsForAWhileMidRun() throws Exception {
        bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, BOTS);
        runtime = tmp.resolve("runtime");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = tmp.resolve("external-pg");
        EmbeddedDatabase db = EmbeddedDatabase.start(data, port);
        try {
            Launcher run = Launcher.start(this, "--jdbc-url", db.jdbcUrl());
            run.awaitLine("Paper trading", Duration.ofSeconds(120));
            Thread.sleep(3_000);
            db.close(); // PostgreSQL goes away while the bots trade
            Thread.sleep(6_000);
            db = EmbeddedDatabase.start(data, port);
            Thread.sleep(6_000); // fills kept in the lockfiles are written, buys resume
            run.terminate();
        } finally {
            db.close();
        }
        verify(0, () -> EmbeddedDatabase.start(data, port));
    }

    private interface DatabaseStarter {
        EmbeddedDatabase start();
    }

    private void verify(int kills, DatabaseStarter database) throws Exception {
        Record executed = Record.read(runtime.resolve("paper").resolve("executions.jsonl"));
        System.out.printf(
                "ChaosIT: %d kills, %d orders executed, %d fills, %d positions open%n",
                kills,
                executed.orders.size(),
                executed.fills.size(),
                executed.held.values().stream().filter(v -> v.signum() != 0).count());
        assertThat(executed.orders).as("orders the executor executed").hasSizeGreaterThan(kills);
        assertThat(executed.duplicateOrders).as("orders executed twice").isEmpty();

        try (EmbeddedDatabase db = database.start();
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement()) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = s.executeQuery("select order_id, fill_part from fill")) {
                while (rs.next()) {
                    stored.add(rs.getString(1) + "#" + rs.getInt(2));
                }
            }
            assertThat(stored).as("fills in the database").containsExactlyInAnyOrderElementsOf(executed.fills);

            Map<String, BigInteger> open = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select bot_id, mint, sum(quantity) from trade group by bot_id, mint")) {
                while (rs.next()) {
                    open.put(
                            rs.getString(1) + "/" + rs.getString(2),
                            rs.getBigDecimal(3).toBigIntegerExact());
                }
            }
            Map<String, BigInteger> expected = new HashMap<>(executed.held);
            expected.values().removeIf(v -> v.signum() == 0);
            assertThat(open).as("open positions").isEqualTo(expected);

            try (ResultSet rs = s.executeQuery("select count(*) from strategy_run_status where status = 'RUNNING'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("runs left RUNNING after the clean stop")
                        .isZero();
            }
        }
    }

    /** What the paper executor's log says was executed. */
    private record Record(
            Set<String> orders, Set<String> duplicateOrders, Set<String> fills, Map<String, BigInteger> held) {
        static Record read(Path log) throws IOException {
            ObjectMapper json = new ObjectMapper();
            Set<String> orders = new HashSet<>();
            Set<String> duplicates = new HashSet<>();
            Set<String> fills = new HashSet<>();
            Map<String, BigInteger> held = new HashMap<>();
            // the executor rotates its log after 20,000 orders into numbered segments, the higher the newer (the
            // oldest may have been dropped): read them first, oldest first, if there are any
            String segment = Pattern.quote(log.getFileName().toString()) + "\\.[0-9]+";
            List<Path> segments;
            try (Stream<Path> files = Files.list(log.getParent())) {
                segments = files.filter(f -> f.getFileName().toString().matches(segment))
                        .sorted(Comparator.comparingLong(f -> {
                            String name = f.getFileName().toString();
                            return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
                        }))
                        .toList();
            }
            List<String> lines = new ArrayList<>();
            for (Path f : segments) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
            lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
            for (String line : lines) {
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    continue; // a line cut short by a kill: its order never returned an outcome
                }
                if (node == null || !node.has("orderId")) {
                    continue;
                }
                String orderId = node.get("orderId").asText();
                if (!orders.add(orderId)) {
                    duplicates.add(orderId);
                }
                String bot = node.get("botId").asText();
                for (JsonNode fill : node.get("fills")) {
                    fills.add(orderId + "#" + fill.get("part").asInt());
                    String key = bot + "/" + fill.get("mint").asText();
                    boolean buy = fill.get("side").asText().equals("BUY");
                    BigInteger tokens = new BigInteger(
                            fill.get(buy ? "amountOut" : "amountIn").asText());
                    held.merge(key, buy ? tokens : tokens.negate(), BigInteger::add);
                }
            }
            return new Record(orders, duplicates, fills, held);
        }
    }

    /** One launcher JVM. */
    private static final class Launcher {
        private final Process process;
        private final List<String> lines = new ArrayList<>();

        private Launcher(Process process) {
            this.process = process;
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the launcher is gone
                }
            });
        }

        static Launcher start(ChaosIT test, String... extra) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run",
                    "--config",
                    test.bots.toString(),
                    "--plugins-dir",
                    System.getProperty("solbot.test.pluginsDir"),
                    "--runtime",
                    test.runtime.toString(),
                    "--db-port",
                    Integer.toString(test.port),
                    "--status-every",
                    "1h"));
            command.addAll(List.of(extra));
            return new Launcher(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        void awaitLine(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(l -> l.contains(text))) {
                        return;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            synchronized (lines) {
                throw new AssertionError(
                        "no line with '" + text + "' within " + timeout + ":\n" + String.join("\n", lines));
            }
        }

        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        void terminate() throws InterruptedException {
            process.toHandle().destroy(); // SIGTERM
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            synchronized (lines) {
                assertThat(exited).as(String.join("\n", lines)).isTrue();
                assertThat(String.join("\n", lines)).contains("Stopped");
            }
        }
    }
}
