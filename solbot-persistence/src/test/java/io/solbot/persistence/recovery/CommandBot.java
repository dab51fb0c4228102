package io.solbot.persistence.recovery;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.Markets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A strategy driven by the test: each tick takes the next command from the queue of its config ("buy" 0.1 SOL of
 * {@link Markets#TOKEN}, "sell" all of it, "put VALUE" into its state) and keeps the result.
 */
final class CommandBot implements Strategy {
    static final Lamports TENTH_SOL = Lamports.of(100_000_000);

    /** The config: the commands and what the strategy saw; the same object across runs of the bot. */
    record Script(String name, Queue<String> commands, List<OrderResult> results, List<Map<String, String>> started) {
        Script(String name) {
            this(name, new ConcurrentLinkedQueue<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Provider implements StrategyProvider<Script> {
        @Override
        public String id() {
            return "commands";
        }

        @Override
        public int spiVersion() {
            return StrategyProvider.SPI_VERSION;
        }

        @Override
        public Class<Script> configType() {
            return Script.class;
        }

        @Override
        public Strategy create(Script config) {
            return new CommandBot(config);
        }
    }

    static BotSpec spec(Script script) {
        return BotSpec.builder(BotId.of(script.name()), "commands", script)
                .interval(Duration.ofSeconds(1))
                .maxTrades(10)
                .build();
    }

    private final Script script;

    private CommandBot(Script script) {
        this.script = script;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        script.started().add(ctx.state().asMap());
    }

    @Override
    public void onTick(StrategyContext ctx) {
        String command = script.commands().poll();
        if ("buy".equals(command)) {
            script.results().add(ctx.orders().buy(Markets.TOKEN, TENTH_SOL));
        } else if ("sell".equals(command)) {
            script.results()
                    .add(ctx.orders()
                            .sell(Markets.TOKEN, ctx.positions().getFirst().quantity()));
        } else if (command != null && command.startsWith("put ")) {
            ctx.state().put("last", command.substring(4));
        }
    }
}
