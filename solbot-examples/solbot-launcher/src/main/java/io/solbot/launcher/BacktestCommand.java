package io.solbot.launcher;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.TextTable;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.StartedBots;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.store.InMemoryFillStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Backtests the bots of a bots file: the engine, a simulated market and the paper executor in lockstep on simulated
 * time ({@link Backtest}), with in-memory stores, then a table of what each bot did ({@link BotLedger} defines each
 * figure) and the run's fingerprint. The same file, market and options give the same output, byte for byte.
 */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the bots of FILE on simulated time: on a random market from --seed (listing BONK, JUP and WIF under"
                    + " their real mints, from 2026-01-01T00:00:00Z), a price series (--series) or a market recording"
                    + " (--recording); in-memory stores, no database.",
            "Prints per bot: buys, sells and failed orders, closed trades (closed slices of lots, first in first"
                    + " out), win rate, realised PnL, fees paid and maximum drawdown, in SOL; then the run's"
                    + " fingerprint. A bad file or series: every error, exit code 2."
        })
final class BacktestCommand implements Callable<Integer> {
    /** Where a random market starts: fixed, so that a seed names one run. */
    static final Instant RANDOM_START = Instant.parse("2026-01-01T00:00:00Z");

    /** How often each bot's equity is marked for its drawdown, in simulated time. */
    static final Duration MARK_EVERY = Duration.ofMinutes(1);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The bots file (YAML or JSON).")
    Path config;

    @Mixin
    PluginsOption plugins;

    @ArgGroup(exclusive = true)
    MarketOption market = new MarketOption();

    static final class MarketOption {
        @Option(
                names = "--seed",
                paramLabel = "N",
                description = "A random market of this seed (default 42); also the paper executor's and the engine's.")
        Long seed;

        @Option(
                names = "--series",
                paramLabel = "CSV",
                description = "A price series: header time,mint,price (optional columns solReserve, decimals, symbol,"
                        + " feeBps); time ISO-8601 or epoch ms, price in SOL per whole token; a mint's first row lists"
                        + " it, later rows move its pool to the price.")
        Path series;

        @Option(
                names = "--recording",
                paramLabel = "FILE",
                description = "A market recording (JSON lines, as MarketRecorder writes them), replayed.")
        Path recording;
    }

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Simulated time to run, e.g. 30m, 24h (default: 24h on a random market; to the last event of"
                    + " a series or recording).")
    String duration;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "How far each step moves the market and the clock, 1ms to 1s (default: ${DEFAULT-VALUE}).")
    String step;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration runFor = duration == null ? null : Durations.parse(spec.commandLine(), "--duration", duration);
        Duration stepEvery = Durations.parse(spec.commandLine(), "--step", step);
        if (stepEvery.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new ParameterException(spec.commandLine(), "--step must be at most 1s, but was '" + step + "'");
        }
        long seed = market.seed == null ? 42 : market.seed;
        try (StrategyRegistry registry = plugins.registry()) {
            registry.refusals().forEach(r -> err.println("warning: " + r.message()));
            if (BotsFileErrors.missing(config, err)) {
                return 2;
            }
            ConfigReport report = BotsFileLoader.using(registry).load(config);
            if (BotsFileErrors.refused(report, config, "; nothing was run:", err)) {
                return 2;
            }
            SimulatedMarket simulated;
            String described;
            try {
                if (market.series != null) {
                    simulated = SimulatedMarket.scripted(market.series);
                    described = "the price series " + market.series;
                } else if (market.recording != null) {
                    simulated = SimulatedMarket.replay(market.recording);
                    described = "the recording " + market.recording;
                } else {
                    simulated = SimulatedMarket.random(PaperMarket.settings(seed, RANDOM_START), Listing.WELL_KNOWN);
                    described = "a random market (seed " + seed + ") listing BONK, JUP and WIF";
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println((market.series != null ? market.series : market.recording) + ": " + e.getMessage());
                err.flush();
                return 2;
            }
            try (simulated) {
                Duration length = runFor == null && market.series == null && market.recording == null
                        ? Duration.ofHours(24)
                        : runFor;
                return backtest(registry, report, simulated, described, seed, length, stepEvery, out, err);
            }
        }
    }

    private int backtest(
            StrategyRegistry registry,
            ConfigReport report,
            SimulatedMarket simulated,
            String described,
            long seed,
            Duration length,
            Duration stepEvery,
            PrintWriter out,
            PrintWriter err) {
        InMemoryFillStore store = new InMemoryFillStore();
        Map<BotId, BotLedger> ledgers = new LinkedHashMap<>();
        Map<BotId, String> strategies = new LinkedHashMap<>();
        for (BotDefinition bot : report.bots()) {
            ledgers.put(bot.id(), new BotLedger());
            strategies.put(bot.id(), bot.strategyId());
        }
        Instant start = simulated.now();
        Instant end = length == null ? null : start.plus(length);
        out.println("Backtest of " + report.bots().size() + " bots from " + config + " on " + described + ", "
                + (length == null ? "to its last event" : Durations.format(length)) + " of simulated time from "
                + start + " in steps of " + Durations.format(stepEvery) + ":");
        out.flush();
        Map<BotId, BotStatus> statuses = new LinkedHashMap<>();
        Backtest backtest = Backtest.builder(simulated)
                .paper(PaperSettings.defaults(seed))
                .step(stepEvery)
                .engine(b -> b.strategies(registry).fillStore(store).seed(seed))
                .safetyChecks()
                .build();
        int seen = 0;
        Instant now = start;
        try {
            StartedBots started = backtest.engine().startAll(report);
            started.notStarted().forEach((id, reason) -> err.println("Bot '" + id + "' did not start: " + reason));
            err.flush();
            while (end == null ? simulated.nextEventTime().isPresent() : now.isBefore(end)) {
                Instant next = now.plus(MARK_EVERY);
                now = end != null && next.isAfter(end) ? end : next;
                seen = apply(backtest.runUntil(now).fills(), seen, ledgers);
                mark(ledgers, now, simulated);
            }
            backtest.engine().statuses().forEach(s -> statuses.put(s.botId(), s));
        } finally {
            backtest.close();
        }
        // the engine's shutdown executes the orders still deferred: their fills count too, marked at the end
        Backtest.Result result = backtest.result();
        if (apply(result.fills(), seen, ledgers) > seen) {
            mark(ledgers, now, simulated);
        }
        // failed orders carry no bot: the engine's store files each under its bot
        for (Map.Entry<BotId, BotLedger> e : ledgers.entrySet()) {
            store.failures(e.getKey()).forEach(e.getValue()::failed);
        }
        print(ledgers, strategies, statuses, out);
        out.println();
        out.println("Fingerprint: " + result.fingerprint() + " ("
                + result.fills().size() + " fills, " + result.failures().size() + " failed orders)");
        out.flush();
        return 0;
    }

    /** Applies the fills from index {@code seen} on to their bots' ledgers; returns how many fills are applied. */
    private static int apply(List<Fill> fills, int seen, Map<BotId, BotLedger> ledgers) {
        for (Fill f : fills.subList(seen, fills.size())) {
            BotLedger ledger = ledgers.get(f.botId());
            if (ledger != null) {
                ledger.fill(f);
            }
        }
        return fills.size();
    }

    private static void mark(Map<BotId, BotLedger> ledgers, Instant at, SimulatedMarket market) {
        ledgers.values().forEach(l -> l.mark(at, market::pool));
    }

    private static void print(
            Map<BotId, BotLedger> ledgers,
            Map<BotId, String> strategies,
            Map<BotId, BotStatus> statuses,
            PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "BOT",
            "STRATEGY",
            "STATUS",
            "BUYS",
            "SELLS",
            "FAILED",
            "CLOSED TRADES",
            "WIN RATE",
            "REALISED PNL (SOL)",
            "FEES (SOL)",
            "MAX DRAWDOWN (SOL)",
            "OPEN"
        });
        for (Map.Entry<BotId, BotLedger> e : ledgers.entrySet()) {
            BotLedger l = e.getValue();
            BotStatus status = statuses.get(e.getKey());
            rows.add(new String[] {
                e.getKey().value(),
                strategies.get(e.getKey()),
                status == null ? "NOT STARTED" : status.status().name(),
                Long.toString(l.buys()),
                Long.toString(l.sells()),
                Long.toString(l.failedOrders()),
                Long.toString(l.closedTrades()),
                l.winRatePercent().map(p -> p.toPlainString() + " %").orElse("-"),
                SolText.signed(l.realisedPnl()),
                l.fees().toSol().toPlainString(),
                l.maxDrawdown().toSol().toPlainString(),
                Integer.toString(l.openPositions())
            });
        }
        TextTable.lines(rows).forEach(out::println);
    }
}
