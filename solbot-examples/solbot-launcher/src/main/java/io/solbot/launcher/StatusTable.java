package io.solbot.launcher;

import io.solbot.core.config.TextTable;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.readmodel.BotReport;
import io.solbot.persistence.readmodel.BotReport.Stored;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import io.solbot.persistence.readmodel.BotReports;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live status table of a run: every bot the engine runs or the database knows, hot state from the engine and
 * realised PnL from the database, read with the same few queries however many bots there are. The PnL is net of what
 * failed orders paid ({@link Stored#netPnl()}): a honeypot's reverted sells cost fees the closed trades do not show.
 */
final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String UNKNOWN = "-";
    private final BotReports reports;

    StatusTable(BotReports reports) {
        this.reports = reports;
    }

    void print(PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BOT", "STRATEGY", "STATUS", "TICKS", "OPEN", "TRADES", "NET PNL (SOL)", "LAST ERROR"});
        for (BotReport r : reports.reports()) {
            Optional<BotStatus> live = r.live();
            Optional<Stored> stored = r.database() instanceof Stored s ? Optional.of(s) : Optional.empty();
            Optional<RunRecord> run = stored.flatMap(Stored::run);
            rows.add(new String[] {
                r.botId().value(),
                r.strategyId().orElse(UNKNOWN),
                r.status().map(Enum::name).orElse(UNKNOWN),
                live.map(s -> Long.toString(s.tickCount())).orElse(UNKNOWN),
                // the engine's count is ahead of the database's while fills wait in a lockfile
                live.map(s -> Integer.toString(s.openPositions()))
                        .or(() -> stored.map(
                                s -> Integer.toString(s.openPositions().size())))
                        .orElse(UNKNOWN),
                live.map(s -> Integer.toString(s.trades()))
                        .or(() -> run.map(x -> Integer.toString(x.trades())))
                        .orElse(UNKNOWN),
                switch (r.database()) {
                    case Stored s -> SolText.signed(s.netPnl());
                    case Unavailable u -> "n/a (database unreachable)";
                },
                // a stopped run's reason (REQUESTED, COMPLETED, ...) is no error
                live.flatMap(BotStatus::lastError)
                        .or(() -> run.filter(x -> x.status() == RunStatus.FAILED)
                                .map(RunRecord::reason)
                                .filter(reason -> !reason.isEmpty()))
                        .map(StatusTable::oneLine)
                        .orElse("")
            });
        }
        out.println();
        out.println(LocalTime.now(ZoneOffset.UTC).format(TIME) + " UTC");
        TextTable.lines(rows).forEach(out::println);
        out.flush();
    }

    private static String oneLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 57) + "..." : first;
    }
}
