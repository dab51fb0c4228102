package io.solbot.launcher.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.testing.FillAtPriceExecutor;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.TradeHistory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A real engine on a simulated market, its stores on an embedded PostgreSQL, and the operator API over them on a free
 * port of 127.0.0.1: what the API tests drive.
 */
final class ApiFixture implements AutoCloseable {
    static final String TOKEN = "a-test-token-of-some-length";

    final EmbeddedPostgres server;
    final String jdbcUrl;
    final PostgresDatabase db;
    final SimulatedMarket market;
    final StrategyRegistry registry;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final SolbotEngine engine;
    final OperatorApi api;
    final int port;

    ApiFixture(Path dataDirectory, int feedCapacity) {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbcUrl = server.getJdbcUrl("postgres", "postgres");
        db = PostgresDatabase.open(jdbcUrl, null, null, 4);
        market = SimulatedMarket.random(
                RandomMarketSettings.defaults(7, Instant.now().truncatedTo(ChronoUnit.MILLIS)), Listing.WELL_KNOWN);
        registry = StrategyRegistry.builder()
                .discoverClassPath()
                .discoverPluginsDir(Path.of(System.getProperty("solbot.test.pluginsDir")))
                .build();
        engine = SolbotEngine.builder()
                .strategies(registry)
                .runStatusStore(new PostgresRunStatusStore(db, "1@here", id -> null))
                .fillStore(new PostgresFillStore(db))
                .marketData(market)
                .swapExecutor(new FillAtPriceExecutor(market))
                .meterRegistry(metrics)
                .build();
        api = api(db, feedCapacity);
        port = api.start("127.0.0.1", 0);
    }

    /** Another API over the same engine, reading through {@code database}; not started. */
    OperatorApi api(PostgresDatabase database, int feedCapacity) {
        return new OperatorApi(
                engine,
                bot -> engine.start(BotSpec.from(bot)),
                new BotReports(database, engine),
                new TradeHistory(database),
                registry,
                ApiToken.of(TOKEN),
                metrics::scrape,
                feedCapacity);
    }

    /** A moving-average-cross bot of the example plugin on BONK, ticking every minute. */
    BotDefinition maCross(String id) {
        return BotsFileLoader.using(registry)
                .parse("""
                        {"bots": [{"id": "%s", "mode": "ma-cross", "config": {"mint":
                         "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "window": 2, "amountSol": 0.05,
                         "takeProfitPct": 0.5, "stopLossPct": 0.5, "interval": 60}}]}""".formatted(id), "test")
                .requireValid()
                .getFirst();
    }

    @Override
    public void close() throws IOException {
        api.close();
        engine.shutdown(Duration.ofSeconds(10));
        market.close();
        registry.close();
        db.close();
        server.close();
    }
}
