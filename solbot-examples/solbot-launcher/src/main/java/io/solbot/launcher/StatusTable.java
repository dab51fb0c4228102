package io.solbot.launcher;

import io.solbot.core.domain.Lamports;
import io.solbot.core.engine.BotStatus;
import io.solbot.persistence.PostgresTradeLedger;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The live status table of a run: hot state from the engine, realised PnL from the database. */
final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PostgresTradeLedger ledger;

    StatusTable(PostgresTradeLedger ledger) {
        this.ledger = ledger;
    }

    void print(PrintWriter out, List<BotStatus> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BOT", "STRATEGY", "STATUS", "TICKS", "OPEN", "TRADES", "PNL (SOL)", "LAST ERROR"});
        for (BotStatus s : statuses) {
            String pnl;
            try {
                pnl = format(ledger.realizedPnl(s.botId()));
            } catch (RuntimeException e) {
                pnl = "n/a (database unreachable)";
            }
            rows.add(new String[] {
                s.botId().value(),
                s.strategyId(),
                s.status().name(),
                Long.toString(s.tickCount()),
                Integer.toString(s.openPositions()),
                Long.toString(s.tradesExecuted()),
                pnl,
                s.lastError().map(StatusTable::oneLine).orElse("")
            });
        }
        out.println();
        out.println(LocalTime.now(ZoneOffset.UTC).format(TIME) + " UTC");
        TextTable.print(out, rows);
        out.flush();
    }

    private static String format(Lamports pnl) {
        return (pnl.isNegative() ? "" : "+") + pnl.toSol().toPlainString();
    }

    private static String oneLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 57) + "..." : first;
    }
}
