package io.solbot.examples;

import com.example.hold.HoldConfig;
import com.example.hold.HoldProvider;
import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.persistence.ClosedTrade;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.readmodel.BotReport;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.Page;
import io.solbot.persistence.readmodel.TradeHistory;
import io.solbot.persistence.readmodel.TradeQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a bot for an hour of simulated time with its run and trades kept in PostgreSQL, then reads them back.
 * Arguments: the JDBC URL and the user (default jdbc:postgresql://localhost:5432/solbot and solbot); the password
 * comes from the environment variable SOLBOT_DB_PASSWORD.
 */
public class KeepTradesInPostgres {
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:5432/solbot";
        String user = args.length > 1 ? args[1] : "solbot";
        String password = System.getenv("SOLBOT_DB_PASSWORD");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Mint bonk = Listing.BONK.mint();
        BotId botId = BotId.of("bonk-hold");
        HoldConfig config =
                new HoldConfig(bonk, new BigDecimal("0.05"), new BigDecimal("2"), new BigDecimal("2"), 120, 5, 20);

        try (PostgresDatabase db = PostgresDatabase.open(url, user, password, 4); // migrates the schema first
                PostgresFillStore fills = new PostgresFillStore(db);
                SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(42, start), Listing.WELL_KNOWN)) {
            Backtest backtest = Backtest.builder(market)
                    .engine(engine -> engine.strategyProvider(new HoldProvider())
                            // owner: the process that runs the bots; then the JSON of a bot's config, or null
                            .runStatusStore(new PostgresRunStatusStore(db, "example@localhost", id -> null))
                            .fillStore(fills))
                    .build();
            try (backtest) { // closing it stops the bots: their runs are marked STOPPED, their fills stored
                backtest.engine().start(BotSpec.builder(botId, "hold", config).build());
                backtest.runUntil(start.plus(Duration.ofHours(1)));
            }

            BotReports reports = new BotReports(db, backtest.engine()); // hot state + database
            for (BotReport r : reports.reports()) { // every bot in the engine or the database, in 5 queries
                switch (r.database()) {
                    case BotReport.Stored s ->
                        System.out.println(r.botId() + " " + r.status().orElseThrow() + ": " + s.fills() + " fills, "
                                + s.closedTrades() + " closed trades, "
                                + s.openPositions().size()
                                + " open positions, " + s.netPnl().toSol().toPlainString() + " SOL net");
                    case BotReport.Unavailable u -> System.out.println(r.botId() + ": " + u.reason());
                }
            }

            TradeHistory history = new TradeHistory(db); // newest first, keyset pages of 1 to 1,000
            TradeQuery query =
                    TradeQuery.all().forBot(botId).forMint(bonk).since(start).limit(3);
            Page<ClosedTrade> page = history.closedTrades(query); // also history.fills(query)
            page.items()
                    .forEach(t -> System.out.println(t.closedAt() + " sold at " + t.exitPrice() + " SOL (bought at "
                            + t.entryPrice() + "): " + t.pnl().toSol().toPlainString() + " SOL"));
            Optional<String> next = page.next(); // an opaque cursor, safe in a URL
            next.ifPresent(cursor -> System.out.println("next page: "
                    + history.closedTrades(query.after(cursor)).items().size() + " more"));
        }
    }
}
