package io.solbot.launcher;

import io.solbot.cluster.BotOwner;
import io.solbot.cluster.ClusterNode;
import io.solbot.core.config.TextTable;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.readmodel.BotReport;
import io.solbot.persistence.readmodel.BotReport.Stored;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import io.solbot.persistence.readmodel.BotReports;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The bots a database knows, whichever process runs them: status, owner and last heartbeat, trades and PnL. A bot
 * whose row says RUNNING or PAUSED but whose owner stopped marking it alive is shown as stale: that process died, hangs
 * or lost the database, and the bot trades nowhere until a launcher takes it up again.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the bots of a database (the embedded one in the runtime directory, or --jdbc-url), run by this"
                    + " machine or another, with their last heartbeat.",
            "A RUNNING or PAUSED bot whose heartbeat is older than --stale-after is shown as stale: its launcher died"
                    + " or lost the database. Reads only; a running launcher is left alone."
        })
final class StatusCommand implements Callable<Integer> {
    static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(
            names = "--stale-after",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description =
                    "How old a live bot's heartbeat may be before it is shown as stale (default: ${DEFAULT-VALUE};"
                            + " a launcher marks its bots alive every 5s).")
    String staleAfter;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration stale = Durations.parse(spec.commandLine(), "--stale-after", staleAfter);
        EmbeddedDatabase embedded = null;
        try {
            String url = database.jdbcUrl;
            if (database.embedded()) {
                embedded = EmbeddedDatabase.attachOrStart(database.dataDirectory(), database.dbPort);
                url = embedded.jdbcUrl();
            }
            try (PostgresDatabase db = PostgresDatabase.open(url, database.dbUser, DatabaseOptions.password(), 1)) {
                List<BotReport> reports = new BotReports(db, List::of).reports();
                if (reports.isEmpty()) {
                    out.println("No bots in the database.");
                } else {
                    print(reports, stale, out);
                }
                List<BotOwner> owners = ClusterNode.owners(db);
                if (!owners.isEmpty()) {
                    out.println();
                    printCluster(owners, out);
                }
                out.flush();
                return reports.stream().anyMatch(r -> r.database() instanceof Unavailable) ? 1 : 0;
            }
        } catch (IllegalStateException e) {
            err.println("status: " + e.getMessage());
            err.flush();
            return 1;
        } catch (RuntimeException e) {
            err.println("status: " + BotReports.reason(e));
            err.flush();
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void print(List<BotReport> reports, Duration staleAfter, PrintWriter out) {
        Instant now = clock.instant();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "BOT", "STRATEGY", "STATUS", "OWNER", "LAST HEARTBEAT", "TRADES", "OPEN", "NET PNL (SOL)", "REASON"
        });
        for (BotReport r : reports) {
            if (!(r.database() instanceof Stored s)) {
                continue;
            }
            Optional<RunRecord> run = s.run();
            Optional<Instant> heartbeat = s.heartbeatAt();
            boolean live = run.map(x -> x.status() == RunStatus.RUNNING || x.status() == RunStatus.PAUSED)
                    .orElse(false);
            boolean stale = live
                    && heartbeat
                            .map(at -> Duration.between(at, now).compareTo(staleAfter) > 0)
                            .orElse(true);
            rows.add(new String[] {
                r.botId().value(),
                run.map(RunRecord::strategyId).orElse("-"),
                run.map(x -> x.status().name() + (stale ? " (stale)" : "")).orElse("-"),
                s.owner().orElse("-"),
                heartbeat
                        .map(at -> at.truncatedTo(ChronoUnit.SECONDS) + " (" + ago(Duration.between(at, now)) + ")")
                        .orElse("-"),
                run.map(x -> Integer.toString(x.trades())).orElse("-"),
                Integer.toString(s.openPositions().size()),
                SolText.signed(s.netPnl()),
                run.map(RunRecord::reason).orElse("")
            });
        }
        TextTable.lines(rows).forEach(out::println);
    }

    /** Which node of many machines runs each bot, with its fence version and the last heartbeat of its execution. */
    private void printCluster(List<BotOwner> owners, PrintWriter out) {
        Instant now = clock.instant();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BOT", "NODE", "FENCE VERSION", "LAST HEARTBEAT"});
        for (BotOwner o : owners) {
            rows.add(new String[] {
                o.botId().value(),
                o.node().orElse("-"),
                Long.toString(o.fenceVersion()),
                o.lastHeartbeat()
                        .map(at -> at.truncatedTo(ChronoUnit.SECONDS) + " (" + ago(Duration.between(at, now)) + ")")
                        .orElse("-")
            });
        }
        TextTable.lines(rows).forEach(out::println);
    }

    /** {@code 4s ago}, {@code 12m ago}, {@code 3h ago}, {@code 2d ago}; {@code in 3s} for a clock ahead of this one. */
    static String ago(Duration d) {
        if (d.isNegative()) {
            return "in " + ago(d.negated()).replace(" ago", "");
        }
        long s = d.toSeconds();
        String amount = s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172_800 ? s / 3600 + "h" : s / 86_400 + "d";
        return amount + " ago";
    }
}
