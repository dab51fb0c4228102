package io.solbot.bench.cluster;

import io.solbot.cluster.ClusterNode;
import io.solbot.cluster.CuttableLink;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.spi.StopReason;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.persistence.PostgresDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The cluster of the takeover benchmark: nodes (each its own database pool, engine and cluster membership, behind a
 * link the benchmark can cut) running bots whose every tick is one fenced write, recorded in {@link Writes}.
 */
final class FencedBots {
    private FencedBots() {}

    /** One node: its link (or none), database pool, engine and cluster membership. */
    static final class Node implements AutoCloseable {
        final String name;
        final CuttableLink link;
        final PostgresDatabase database;
        final ClusterNode cluster;
        final SolbotEngine engine;

        Node(
                String name,
                int pgPort,
                String db,
                List<BotSpec> bots,
                Writes writes,
                boolean cuttable,
                int poolSize,
                int maxBots)
                throws IOException {
            this.name = name;
            this.link = cuttable ? new CuttableLink(pgPort) : null;
            this.database = PostgresDatabase.open(url(cuttable ? link.port() : pgPort, db), null, null, poolSize);
            this.cluster = ClusterNode.builder(database, name).maxBots(maxBots).build();
            this.engine = cluster.configure(SolbotEngine.builder())
                    .strategyProvider(new Provider(name, writes))
                    .build();
            cluster.start(engine, bots);
        }

        @Override
        public void close() throws IOException {
            cluster.close();
            database.close();
            if (link != null) {
                link.close();
            }
        }
    }

    /** What the bots of one measurement wrote past the fence: the count, the refusals, and each bot's last write. */
    static final class Writes {
        record Last(String node, long nanos) {}

        final LongAdder count = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder stops = new LongAdder();
        final Map<BotId, Last> last = new ConcurrentHashMap<>();

        /** Whether each of {@code bots} wrote after {@code sinceNanos}, on another node than {@code notOn} if given. */
        boolean allSince(Collection<BotId> bots, long sinceNanos, String notOn) {
            for (BotId bot : bots) {
                Last l = last.get(bot);
                if (l == null || l.nanos() - sinceNanos < 0 || l.node().equals(notOn)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The config of a bot: its number, nothing to set. */
    record Plan(int index) {}

    /** One per node: its bots record their writes as that node's. */
    private record Provider(String node, Writes writes) implements StrategyProvider<Plan> {
        @Override
        public String id() {
            return "fenced-ticker";
        }

        @Override
        public int spiVersion() {
            return StrategyProvider.SPI_VERSION;
        }

        @Override
        public Class<Plan> configType() {
            return Plan.class;
        }

        @Override
        public Strategy create(Plan config) {
            return new FencedTicker(node, writes);
        }
    }

    /**
     * Counts its ticks in its strategy state, so that every tick is one fenced write; the count survives a takeover
     * (the new owner reads it from the journal), so the value written always changes.
     */
    private static final class FencedTicker implements Strategy {
        private final String node;
        private final Writes writes;
        private long ticks;

        FencedTicker(String node, Writes writes) {
            this.node = node;
            this.writes = writes;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            ticks = ctx.state().get("ticks").map(Long::parseLong).orElse(0L);
        }

        @Override
        public void onTick(StrategyContext ctx) {
            ticks++;
            try {
                ctx.state().put("ticks", Long.toString(ticks));
            } catch (RuntimeException e) {
                writes.refused.increment();
                throw e;
            }
            writes.count.increment();
            writes.last.put(ctx.botId(), new Writes.Last(node, System.nanoTime()));
        }

        @Override
        public void onStop(StrategyContext ctx, StopReason reason) {
            writes.stops.increment();
        }
    }

    static List<BotId> ids(List<BotSpec> specs) {
        return specs.stream().map(BotSpec::botId).toList();
    }

    static List<BotSpec> specs(int count, Duration interval) {
        return IntStream.range(0, count)
                .mapToObj(i -> BotSpec.builder(BotId.of("bot-" + i), "fenced-ticker", new Plan(i))
                        .interval(interval)
                        .build())
                .toList();
    }

    static String url(int port, String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=postgres";
    }
}
