package io.solbot.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.solbot.core.Owner;
import io.solbot.core.SolbotException;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.TextTable;
import io.solbot.core.config.Violation;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.Timeline;
import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.solana.Keypair;
import io.solbot.core.store.UnreadableJournalEntryException;
import io.solbot.launcher.api.ApiToken;
import io.solbot.launcher.api.OperatorApi;
import io.solbot.launcher.telegram.TelegramBot;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.journal.LockfileJournal;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.TradeHistory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Paper-trades the bots of a bots file on the simulated market, recording runs and trades in PostgreSQL (an embedded
 * one by default) and lockfiles under {@code runtime/}; prints a status table while it runs; Ctrl-C stops it
 * gracefully.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Paper-trades the bots of FILE on a simulated market until Ctrl-C (or --duration); with --live,"
                + " trades them on Solana with real funds.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    /**
     * How often the run marks its bots alive in the database, whatever {@code --status-every} says: {@code status}
     * calls a live bot stale after {@link StatusCommand#DEFAULT_STALE_AFTER} without one.
     */
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The bots file (YAML or JSON).")
    Path config;

    @Mixin
    PluginsOption plugins;

    @Mixin
    LiveOptions liveOptions;

    /** The wallet of a live run; empty on paper. */
    private Optional<Keypair> wallet = Optional.empty();

    @Mixin
    DatabaseOptions database;

    @Mixin
    ApiOptions api;

    @Mixin
    TelegramOptions telegram;

    @Mixin
    ClusterRun cluster;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated market and the paper executor.")
    long seed;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Stop by itself after this long, e.g. 30s, 5m (default: run until Ctrl-C).")
    String duration;

    @Option(
            names = "--discard-journal",
            paramLabel = "BOT",
            description = "Before starting, move the lockfile of bot BOT aside (to BOT.json.discarded-<time>), so that"
                    + " it starts afresh; for a lockfile that cannot be read, after checking it. Repeatable.")
    List<String> discardJournal = new ArrayList<>();

    @Option(
            names = "--status-every",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "How often to print the status table (default: ${DEFAULT-VALUE}).")
    String statusEvery;

    // for the fault-injection tests, not in --help: a small segment size makes the execution log rotate within a
    // short run, and a clock offset makes a run's wall clock stand before or after the previous run's
    @Option(
            names = "--paper-log-rotate-after",
            paramLabel = "LINES",
            hidden = true,
            description = "Outcomes per segment of the paper execution log (default 20000).")
    Integer paperLogRotateAfter;

    @Option(
            names = "--clock-offset",
            paramLabel = "ISO-8601",
            hidden = true,
            description = "Shifts this run's wall clock (engine, market, executor) by this much, e.g. -PT10M.")
    String clockOffset;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration runFor = duration == null ? null : Durations.parse(spec.commandLine(), "--duration", duration);
        Duration every = Durations.parse(spec.commandLine(), "--status-every", statusEvery);
        Clock clock = clock();
        wallet = liveOptions.wallet(spec.commandLine(), System::getenv);
        cluster.check(spec.commandLine(), database, wallet.isPresent());
        ApiToken token = api.disabled ? null : api.token(spec.commandLine());
        Optional<String> telegramToken = telegram.token(spec.commandLine());
        if (cluster.enabled && telegramToken.isPresent()) {
            throw new ParameterException(spec.commandLine(), "--cluster does not serve the Telegram bot yet");
        }
        if (paperLogRotateAfter != null && paperLogRotateAfter < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--paper-log-rotate-after must be at least 1, but was " + paperLogRotateAfter);
        }

        try (StrategyRegistry registry = plugins.registry()) {
            registry.refusals().forEach(r -> err.println("warning: " + r.message()));
            if (!Files.isRegularFile(config)) {
                err.println("The bots file " + config.toAbsolutePath() + " does not exist");
                return 2;
            }
            ConfigReport report = BotsFileLoader.using(registry).load(config);
            if (!report.isValid()) {
                err.println(config + ": " + report.violations().size() + " error(s); nothing was started:");
                for (Violation v : report.violations()) {
                    err.println("  " + v);
                }
                return 1;
            }
            printStrategies(registry, out);
            try {
                if (cluster.enabled) {
                    return cluster.run(
                            database,
                            registry,
                            report.bots(),
                            seed,
                            clock,
                            runFor,
                            every,
                            new ClusterRun.Api(api, token),
                            out,
                            err);
                }
                return run(registry, report.bots(), runFor, every, clock, token, telegramToken, out, err);
            } catch (StartRefused e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    /** One line per strategy this run can use: id, version, and its plugin jar or the class path. */
    private void printStrategies(StrategyRegistry registry, PrintWriter out) {
        out.println("Strategies (plugins directory: " + plugins.directoryText() + "):");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  ID", "VERSION", "FROM"});
        for (RegisteredProvider p : registry.providers()) {
            rows.add(new String[] {"  " + p.id(), p.provider().version(), plugins.origin(p)});
        }
        TextTable.lines(rows).forEach(out::println);
        out.flush();
    }

    private int run(
            StrategyRegistry registry,
            List<BotDefinition> bots,
            Duration runFor,
            Duration every,
            Clock clock,
            ApiToken token,
            Optional<String> telegramToken,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        String owner = Owner.thisProcess().toString();
        try (LockfileJournal journal = new LockfileJournal(database.runtime, owner)) {
            if (!discard(journal, out, err)) {
                return 1;
            }
            return trade(registry, bots, runFor, every, clock, token, telegramToken, owner, journal, out, err);
        }
    }

    /** Moves aside the lockfiles {@code --discard-journal} names; false if one cannot be (nothing is started then). */
    private boolean discard(LockfileJournal journal, PrintWriter out, PrintWriter err) {
        for (String id : discardJournal) {
            try {
                BotId bot = BotId.of(id);
                Optional<Path> aside = journal.discard(bot);
                out.println(aside.map(p ->
                                "Moved the lockfile of bot '" + bot + "' aside to " + p + "; the bot starts afresh")
                        .orElse("Bot '" + bot + "' has no lockfile to discard"));
            } catch (RuntimeException e) {
                err.println("--discard-journal " + id + ": " + e.getMessage() + "; nothing was started");
                return false;
            }
        }
        out.flush();
        return true;
    }

    private int trade(
            StrategyRegistry registry,
            List<BotDefinition> bots,
            Duration runFor,
            Duration every,
            Clock clock,
            ApiToken token,
            Optional<String> telegramToken,
            String owner,
            LockfileJournal journal,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        // the run-status rows carry each bot's config: the file's bots', and those the operator API starts
        Map<BotId, String> configJson = new ConcurrentHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (BotDefinition bot : bots) {
            configJson.put(bot.id(), json.writeValueAsString(bot.config()));
        }
        EmbeddedDatabase embedded = null;
        String url = database.jdbcUrl;
        if (database.embedded()) {
            out.println("Starting the embedded PostgreSQL in " + database.dataDirectory() + " on port "
                    + database.dbPort + " ...");
            out.flush();
            embedded = EmbeddedDatabase.start(database.dataDirectory(), database.dbPort);
            url = embedded.jdbcUrl();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        OperatorApi operatorApi = null;
        TelegramBot telegramBot = null;
        try (PostgresDatabase db = PostgresDatabase.open(url, database.dbUser, DatabaseOptions.password(), 8);
                PostgresFillStore trades = new PostgresFillStore(db);
                PaperMarket market = wallet.isPresent() ? null : PaperMarket.start(seed, 250, clock);
                // the market moves by itself in real time, so an order waits out its latency and meets the market
                // as it has become: other traders' swaps meanwhile reach its price and its slippage guard
                PaperExecutor executor = market == null ? null : paperExecutor(market, clock, journal);
                LiveOptions.Live live = wallet.map(w -> liveOptions.start(w, database.runtime, System::getenv))
                        .orElse(null)) {
            if (live != null) {
                liveOptions.warn(live.keypair(), err);
            }
            LockfileJournal.Scan scan = journal.scan();
            Map<BotId, RunStatus> journalled = new HashMap<>();
            scan.entries().forEach(e -> journalled.put(e.botId(), e.status()));
            Map<BotId, UnreadableJournalEntryException> unreadable = new LinkedHashMap<>();
            scan.unreadable().forEach(e -> unreadable.put(e.botId(), e));
            PostgresRunStatusStore runs = new PostgresRunStatusStore(db, owner, configJson::get);
            // the engine's metrics, which the operator API serves at /metrics
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SafetyGate safety = SafetyGate.builder(live != null ? live.market() : market.market())
                    .executor(live != null ? live.executor() : executor)
                    .clock(clock)
                    .build();
            // the tokens listed from the start are checked now, so that no bot's first buy of them waits for a verdict
            if (live == null) {
                market.market().mints().forEach(mint -> safety.verdict(mint, SafetyChoice.ALL));
            }
            SolbotEngine engine = SolbotEngine.builder()
                    .meterRegistry(metrics)
                    .strategies(registry)
                    .runStatusStore(runs)
                    .fillStore(trades)
                    .journal(journal)
                    .marketData(live != null ? live.market() : market.market())
                    .swapExecutor(live != null ? live.executor() : executor)
                    // every buy passes the token safety checks of its bot's config, run off the ticks
                    .orderCheck(safety)
                    .owner(owner)
                    .seed(seed)
                    .clock(clock)
                    .build();
            // SIGINT/SIGTERM: wake the main thread, then hold the JVM open until it has stopped the bots, flushed the
            // stores and closed the database; the JVM halts as soon as every hook has returned
            Thread hook = new Thread(
                    () -> {
                        stopping.set(true);
                        stopped.countDown();
                        try {
                            finished.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "solbot-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            List<BotId> started = new ArrayList<>();
            for (BotDefinition bot : bots) {
                // a lockfile that cannot be read holds what the bot must come back with: it stays stopped
                UnreadableJournalEntryException bad = unreadable.remove(bot.id());
                if (bad != null) {
                    err.println("Bot '" + bot.id() + "' did not start: " + bad.getMessage());
                    continue;
                }
                try {
                    // the engine claims the bot in the journal first: no other process on this runtime directory can
                    // run it while this one does; a bot with a lockfile comes back as it was (positions, state, orders
                    // in flight resolved)
                    BotStatus status = engine.recover(BotSpec.from(bot));
                    RunStatus before = journalled.remove(bot.id());
                    if (before != null) {
                        out.println("Bot '" + bot.id() + "' recovered from its lockfile as " + status.status() + " ("
                                + status.openPositions() + " open positions, " + status.trades()
                                + " trades)");
                    }
                    if (status.status() == RunStatus.RUNNING) {
                        started.add(bot.id());
                    }
                } catch (RuntimeException e) {
                    err.println("Bot '" + bot.id() + "' did not start: " + e.getMessage());
                }
            }
            journalled
                    .keySet()
                    .forEach(id -> err.println(
                            "warning: the lockfile of bot '" + id + "' is kept: the bots file has no bot of that id"));
            unreadable.values().forEach(e -> err.println("warning: " + e.getMessage()));
            out.println((live != null ? "Live trading " : "Paper trading ") + started.size() + " of " + bots.size()
                    + " bots" + (live != null ? " from wallet " + live.keypair().address() : " (seed " + seed + ")")
                    + "; Ctrl-C stops them gracefully.");
            out.flush();
            if (token != null) {
                operatorApi = new OperatorApi(
                        engine,
                        bot -> {
                            configJson.put(bot.id(), configJson(json, bot));
                            return engine.start(BotSpec.from(bot));
                        },
                        new BotReports(db, engine),
                        new TradeHistory(db),
                        registry,
                        token,
                        metrics::scrape);
                api.start(operatorApi, token, out, err);
            }
            if (telegramToken.isPresent()) {
                telegramBot = telegram.bot(engine, telegramToken.get());
                telegramBot.start();
                out.println("Telegram: alerts to " + telegram.chats.size() + " chat(s), commands /status, /pause,"
                        + " /resume, /stop");
                out.flush();
            }
            StatusTable table = new StatusTable(new BotReports(db, engine));
            long deadline = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
            long nextTable = System.nanoTime() + every.toNanos();
            while (!stopping.get() && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long wait = Math.max(0, Math.min(Math.min(HEARTBEAT_EVERY.toNanos(), nextTable - now), deadline - now));
                if (stopped.await(wait, TimeUnit.NANOSECONDS)) {
                    break;
                }
                heartbeat(runs, clock);
                if (System.nanoTime() - nextTable >= 0 || System.nanoTime() >= deadline) {
                    table.print(out);
                    nextTable = System.nanoTime() + every.toNanos();
                }
            }
            out.println("Stopping ...");
            out.flush();
            boolean clean = engine.shutdown(Duration.ofSeconds(10));
            table.print(out);
            out.println(clean ? "Stopped." : "Stopped; some work did not finish in time and stays journalled.");
            out.flush();
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            return 0;
        } finally {
            try {
                if (telegramBot != null) {
                    telegramBot.close();
                }
                if (operatorApi != null) {
                    operatorApi.close();
                }
                if (embedded != null) {
                    embedded.close();
                }
            } finally {
                finished.countDown();
            }
        }
    }

    private static String configJson(ObjectMapper json, BotDefinition bot) {
        try {
            return json.writeValueAsString(bot.config());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the config of bot '" + bot.id() + "' cannot be written as JSON", e);
        }
    }

    /** Nothing could be started, for a reason the message tells the operator whole. */
    static final class StartRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartRefused(SolbotException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * @throws StartRefused if the execution log is damaged or another process has it open: no bot may trade then
     */
    private PaperExecutor paperExecutor(PaperMarket market, Clock clock, LockfileJournal journal) {
        PaperExecutor.Builder builder = PaperExecutor.builder(PaperSettings.defaults(seed), market.market())
                .executionLog(database.runtime.resolve("paper").resolve("executions.jsonl"))
                // the log keeps every outcome an order still in a lockfile may need, whichever bot's
                .retainOutcomesSince(journal::oldestPendingIntent)
                .timeline(Timeline.sleeping(clock));
        if (paperLogRotateAfter != null) {
            builder.rotateAfter(paperLogRotateAfter);
        }
        try {
            return builder.build();
        } catch (SolbotException e) {
            throw new StartRefused(e);
        }
    }

    /** The system clock, shifted by {@code --clock-offset}. */
    private Clock clock() {
        if (clockOffset == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.offset(Clock.systemUTC(), Duration.parse(clockOffset));
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--clock-offset must be an ISO-8601 duration such as -PT10M, but was '" + clockOffset + "'");
        }
    }

    /** Tells readers of the database that this process still runs its bots; an outage only delays it. */
    private static void heartbeat(PostgresRunStatusStore runs, Clock clock) {
        try {
            runs.heartbeat(clock.instant());
        } catch (RuntimeException e) {
            log.debug("No heartbeat this time: {}", e.toString());
        }
    }
}
