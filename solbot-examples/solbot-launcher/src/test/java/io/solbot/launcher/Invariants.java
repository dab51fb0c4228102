package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * What must hold after any crash, kill or fault once a clean run has followed it: the database agrees with the paper
 * executor's execution log (the chain's stand-in), and the engine agreed with the database when it stopped.
 *
 * <ul>
 *   <li>No order was executed twice (no order id on two lines of the log).
 *   <li>Every fill of the log is in the database, and the database has no other (its key makes each one once).
 *   <li>Every failure of the log is in the database with the same fee and tip; the database's other failures are the
 *       ones a recovery booked for orders that never reached the executor: in no line of the log, paying nothing.
 *   <li>The open positions in the database are what the log's fills add up to, per bot and mint.
 *   <li>Each bot's figures in the engine's last status table (open positions, trades) are the database's, and so is
 *       the trades count of its run-status row.
 *   <li>No run is left RUNNING after the clean stop.
 * </ul>
 *
 * <p>Orders of lockfiles an operator discarded ({@code run --discard-journal}) are no longer the engine's to book:
 * those the database has nothing of are left out of the comparison.
 */
final class Invariants {
    /** A bot's figures in a status table the engine printed. */
    record EngineFigures(String status, int open, int trades) {}

    private Invariants() {}

    /**
     * Checks every invariant of the class comment.
     *
     * @param executed what the execution log holds
     * @param jdbcUrl the database the launcher used
     * @param engine the figures of the bots the last clean run ran, by bot id
     * @param discarded the orders in lockfiles an operator discarded
     */
    static void check(
            ExecutionRecord executed, String jdbcUrl, Map<String, EngineFigures> engine, Set<String> discarded)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement()) {
            Map<String, String> fillOrders = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select order_id, fill_part, bot_id from fill")) {
                while (rs.next()) {
                    fillOrders.put(rs.getString(1) + "#" + rs.getInt(2), rs.getString(1));
                }
            }
            Map<String, Stored> failures = new TreeMap<>();
            try (ResultSet rs =
                    s.executeQuery("select order_id, stage, fee_lamports, tip_lamports, reason from order_failure")) {
                while (rs.next()) {
                    failures.put(
                            rs.getString(1),
                            new Stored(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
            Set<String> inDatabase = new HashSet<>(fillOrders.values());
            inDatabase.addAll(failures.keySet());
            Set<String> leftOut = new HashSet<>(discarded);
            leftOut.removeAll(inDatabase);
            ExecutionRecord log = executed.without(leftOut);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(executed.executedTwice())
                    .as("orders executed twice")
                    .isEmpty();
            soft.assertThat(fillOrders.keySet())
                    .as("fills in the database against the execution log's")
                    .containsExactlyInAnyOrderElementsOf(log.fills());

            Map<String, ExecutionRecord.Order> orders = log.orders();
            log.failures().forEach((orderId, failure) -> {
                Stored stored = failures.get(orderId);
                soft.assertThat(stored)
                        .as("the failure of order %s in the database", orderId)
                        .isNotNull();
                if (stored != null) {
                    soft.assertThat(List.of(stored.stage(), stored.fee(), stored.tip()))
                            .as("stage, fee and tip of the failure of order %s", orderId)
                            .isEqualTo(List.of(failure.stage(), failure.feeLamports(), failure.tipLamports()));
                }
            });
            failures.forEach((orderId, stored) -> {
                if (!log.failures().containsKey(orderId)) {
                    soft.assertThat(orders)
                            .as(
                                    "order %s failed in the database (%s) but the executor has an outcome for it",
                                    orderId, stored)
                            .doesNotContainKey(orderId);
                    soft.assertThat(List.of(stored.stage(), stored.fee(), stored.tip()))
                            .as("a failure booked for order %s, which never reached the executor", orderId)
                            .isEqualTo(List.of("recovery", 0L, 0L));
                }
            });

            Map<String, BigInteger> open = new TreeMap<>();
            Map<String, Integer> openPerBot = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("select bot_id, mint, sum(quantity) from trade group by bot_id, mint")) {
                while (rs.next()) {
                    open.put(
                            rs.getString(1) + "/" + rs.getString(2),
                            rs.getBigDecimal(3).toBigIntegerExact());
                    openPerBot.merge(rs.getString(1), 1, Integer::sum);
                }
            }
            soft.assertThat(open)
                    .as("open positions against the execution log's fills")
                    .isEqualTo(log.held());

            Map<String, Integer> trades = new TreeMap<>();
            try (ResultSet rs = s.executeQuery(
                    "select bot_id, count(distinct order_id) from fill where side = 'BUY' group by bot_id")) {
                while (rs.next()) {
                    trades.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, Integer> runTrades = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("select bot_id, trades from strategy_run_status")) {
                while (rs.next()) {
                    runTrades.put(rs.getString(1), rs.getInt(2));
                }
            }
            soft.assertThat(engine).as("the engine's last status table").isNotEmpty();
            engine.forEach((bot, figures) -> {
                soft.assertThat(figures.open())
                        .as("open positions of bot '%s': engine against database", bot)
                        .isEqualTo(openPerBot.getOrDefault(bot, 0));
                soft.assertThat(figures.trades())
                        .as("trades of bot '%s': engine against database", bot)
                        .isEqualTo(trades.getOrDefault(bot, 0));
                soft.assertThat(runTrades.get(bot))
                        .as("trades of bot '%s': its run-status row against the engine", bot)
                        .isEqualTo(figures.trades());
            });

            try (ResultSet rs = s.executeQuery("select bot_id from strategy_run_status where status = 'RUNNING'")) {
                Set<String> running = new HashSet<>();
                while (rs.next()) {
                    running.add(rs.getString(1));
                }
                soft.assertThat(running)
                        .as("runs left RUNNING after the clean stop")
                        .isEmpty();
            }
            soft.assertAll();
        }
    }

    /** The figures of every bot the engine ran in the last status table of {@code output} (a clean run's). */
    static Map<String, EngineFigures> lastStatusTable(String output) {
        List<String> lines = output.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("BOT +STRATEGY +STATUS +TICKS +OPEN +TRADES .*")) {
                header = i;
            }
        }
        assertThat(header).as("a status table in:\n%s", output).isNotNegative();
        Map<String, EngineFigures> figures = new TreeMap<>();
        for (int i = header + 1; i < lines.size() && !lines.get(i).startsWith("Stopped"); i++) {
            // log lines may come between the rows (standard error is read with standard output)
            Matcher row = ROW.matcher(lines.get(i));
            if (row.matches()) {
                figures.put(
                        row.group(1),
                        new EngineFigures(
                                row.group(2), Integer.parseInt(row.group(3)), Integer.parseInt(row.group(4))));
            }
        }
        return figures;
    }

    /** A row of a bot the engine runs: id, strategy, status, ticks, open positions, trades. */
    private static final Pattern ROW =
            Pattern.compile("(\\S+) +\\S+ +(RUNNING|PAUSED|STOPPED|FAILED) +[0-9]+ +([0-9]+) +([0-9]+) .*");

    private record Stored(String stage, long fee, long tip, String reason) {}
}
