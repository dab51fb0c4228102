package io.solbot.launcher;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.solbot.cluster.BotOwner;
import io.solbot.cluster.ClusterNode;
import io.solbot.core.SolbotException;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.Timeline;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.safety.SafetyGate;
import io.solbot.launcher.api.ApiToken;
import io.solbot.launcher.api.OperatorApi;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.readmodel.BotReports;
import io.solbot.persistence.readmodel.TradeHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code run --cluster}: this process is one node of many machines that share one PostgreSQL; the bots of the bots
 * file are the cluster's bots (each scheduled once, whichever node registers it first), and this node runs its fair
 * share of them, on paper.
 *
 * <p>The paper market and executor are this node's own: an order another node sent was never seen here. Its execution
 * log lives under {@code <runtime>/paper/<node id>/}, so an order this node sent before a restart resolves from it,
 * and an order another node left in flight (that node died, and its simulated market with it) resolves as failed,
 * "never reached the paper executor", when this node takes the bot over: never as unknown, and never sent again.
 */
final class ClusterRun {
    /** Heartbeats a node may miss before the others take its bots over: the 4, not an option. */
    static final int MISSED_HEARTBEATS = 4;

    private static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);
    private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(30);

    @Option(
            names = "--cluster",
            description = "Run as one node of a cluster of launchers sharing the --jdbc-url database: each bot of the"
                    + " file runs on exactly one node, and moves to another when its node stops or dies.")
    boolean enabled;

    @Option(
            names = "--node-id",
            paramLabel = "ID",
            description = "With --cluster: this node's name, unique in the cluster and the same after a restart.")
    String nodeId;

    @Option(
            names = "--import-lockfiles",
            description = "With --cluster: first move the single-node lockfiles of --runtime into the database, once;"
                    + " a node refuses to start while lockfiles remain.")
    boolean importLockfiles;

    @Option(
            names = "--cluster-slice",
            paramLabel = "DURATION",
            description = "With --cluster: how long a node runs a bot before it hands it over and any node may pick it"
                    + " (default 10m); bots move to a node that joins at the latest after one slice.")
    String slice;

    @Option(
            names = "--cluster-heartbeat",
            paramLabel = "DURATION",
            description = "With --cluster: how often a node heartbeats the bots it runs (default 1s); after "
                    + MISSED_HEARTBEATS + " missed heartbeats the other nodes take its bots over. Every node of a"
                    + " cluster must use the same.")
    String heartbeat;

    private Duration sliceLength = Duration.ofMinutes(10);
    private Duration heartbeatInterval = Duration.ofSeconds(1);

    /** Options a cluster run needs, checked before anything starts. */
    void check(CommandLine cli, DatabaseOptions database, boolean live) {
        if (!enabled) {
            if (nodeId != null || importLockfiles || slice != null || heartbeat != null) {
                throw new ParameterException(
                        cli, "--node-id, --import-lockfiles, --cluster-slice and --cluster-heartbeat need --cluster");
            }
            return;
        }
        if (nodeId == null) {
            throw new ParameterException(cli, "--cluster needs --node-id ID: the name of this node in the cluster");
        }
        if (database.embedded()) {
            throw new ParameterException(
                    cli, "--cluster needs --jdbc-url (or --db-url): the nodes of a cluster share one PostgreSQL");
        }
        if (live) {
            throw new ParameterException(cli, "--cluster runs on paper only; --live is not supported with it yet");
        }
        if (!nodeId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new ParameterException(
                    cli, "--node-id must be 1 to 64 letters, digits or . _ : -, but was '" + nodeId + "'");
        }
        if (heartbeat != null) {
            heartbeatInterval = Durations.parse(cli, "--cluster-heartbeat", heartbeat);
            if (heartbeatInterval.compareTo(MIN_HEARTBEAT) < 0 || heartbeatInterval.compareTo(MAX_HEARTBEAT) > 0) {
                throw new ParameterException(
                        cli,
                        "--cluster-heartbeat must be between " + Durations.format(MIN_HEARTBEAT) + " and "
                                + Durations.format(MAX_HEARTBEAT) + ", but was '" + heartbeat + "'");
            }
        }
        if (slice != null) {
            sliceLength = Durations.parse(cli, "--cluster-slice", slice);
        }
        // a slice shorter than the time it takes to declare a node dead would move bots faster than a takeover
        Duration deadAfter = heartbeatInterval.multipliedBy(MISSED_HEARTBEATS);
        if (sliceLength.compareTo(deadAfter) < 0) {
            throw new ParameterException(
                    cli,
                    "--cluster-slice must be at least " + MISSED_HEARTBEATS + " heartbeats ("
                            + Durations.format(deadAfter) + "), but was '" + Durations.format(sliceLength) + "'");
        }
    }

    /** Runs this node until {@code stop} counts down or {@code runFor} has passed; the exit code. */
    int run(
            DatabaseOptions database,
            StrategyRegistry registry,
            List<BotDefinition> bots,
            long seed,
            Clock clock,
            Duration runFor,
            Duration every,
            Api api,
            PrintWriter out,
            PrintWriter err)
            throws InterruptedException {
        // SIGINT/SIGTERM: wake this thread, then hold the JVM open until the node has handed its bots over
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        finished.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "solbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return node(database, registry, bots, seed, clock, runFor, every, api, stop, out, err);
        } finally {
            finished.countDown();
            if (stop.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private int node(
            DatabaseOptions database,
            StrategyRegistry registry,
            List<BotDefinition> bots,
            long seed,
            Clock clock,
            Duration runFor,
            Duration every,
            Api api,
            CountDownLatch stop,
            PrintWriter out,
            PrintWriter err)
            throws InterruptedException {
        try (PostgresDatabase db =
                        PostgresDatabase.open(database.jdbcUrl, database.dbUser, DatabaseOptions.password(), 8);
                PaperMarket market = PaperMarket.start(seed, 250, clock);
                PaperExecutor executor = PaperExecutor.builder(PaperSettings.defaults(seed), market.market())
                        .executionLog(executionLog(database.runtime, nodeId))
                        .timeline(Timeline.sleeping(clock))
                        .build()) {
            if (importLockfiles) {
                List<BotId> moved = ClusterNode.importLockfiles(db, database.runtime);
                out.println("Imported " + moved.size() + " lockfiles of " + database.runtime + " into the database"
                        + (moved.isEmpty() ? "" : ": " + moved));
            }
            SafetyGate safety = SafetyGate.builder(market.market())
                    .executor(executor)
                    .clock(clock)
                    .build();
            market.market().mints().forEach(mint -> safety.verdict(mint, SafetyChoice.ALL));
            ClusterNode node = ClusterNode.builder(db, nodeId)
                    .lockfiles(database.runtime)
                    .slice(sliceLength)
                    .heartbeat(heartbeatInterval, MISSED_HEARTBEATS)
                    .build();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SolbotEngine engine = node.configure(SolbotEngine.builder())
                    .meterRegistry(metrics)
                    .strategies(registry)
                    .marketData(market.market())
                    .swapExecutor(executor)
                    .orderCheck(safety)
                    .seed(seed)
                    .clock(clock)
                    .build();
            OperatorApi operatorApi = null;
            try (node) {
                node.start(engine, bots.stream().map(BotSpec::from).toList());
                out.println("Node " + nodeId + " joined the cluster with " + bots.size()
                        + " bots, paper trading its share of them (seed " + seed + "); Ctrl-C hands them over.");
                out.flush();
                if (api.token() != null) {
                    // bots are the cluster's: they are started by the bots file of every node, not one node's API
                    operatorApi = new OperatorApi(
                                    engine,
                                    bot -> {
                                        throw new SolbotException("Bot '" + bot.id() + "' was not started: on a node"
                                                + " of a cluster, bots come from the bots file of every node");
                                    },
                                    new BotReports(db, engine),
                                    new TradeHistory(db),
                                    registry,
                                    api.token(),
                                    metrics::scrape)
                            .cluster(nodeId, node::owners);
                    api.options().start(operatorApi, api.token(), out, err);
                }
                long deadline = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
                while (System.nanoTime() < deadline) {
                    long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
                    if (stop.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    printOwners(node, out);
                }
                out.println("Node " + nodeId + " hands its bots over and leaves the cluster ...");
                out.flush();
            } finally {
                if (operatorApi != null) {
                    operatorApi.close();
                }
            }
            out.println("Stopped.");
            out.flush();
            return 0;
        } catch (SolbotException e) {
            throw new RunCommand.StartRefused(e);
        }
    }

    /** The operator API options of the run, and its token; a null token when it serves none. */
    record Api(ApiOptions options, ApiToken token) {}

    /** This node's own paper execution log. */
    static Path executionLog(Path runtime, String nodeId) {
        return runtime.resolve("paper").resolve(nodeId).resolve("executions.jsonl");
    }

    private void printOwners(ClusterNode node, PrintWriter out) {
        List<BotOwner> owners;
        try {
            owners = node.owners();
        } catch (SolbotException e) {
            out.println("Node " + nodeId + ": " + e.getMessage());
            out.flush();
            return;
        }
        String mine = owners.stream()
                .filter(o -> o.node().filter(nodeId::equals).isPresent())
                .map(o -> o.botId().value())
                .collect(Collectors.joining(", "));
        out.println("Node " + nodeId + " runs " + node.owned().size() + " of " + owners.size() + " bots"
                + (mine.isEmpty() ? "" : ": " + mine));
        out.flush();
    }
}
