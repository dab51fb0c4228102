package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.TENTH_SOL;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Fill;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On a simulated clock, the orders of a step run after its ticks, one at a time, by bot id and then placement. */
class SimulatedOrdersTest {
    /** Buys twice per tick and notes how many orders the executor had run when the tick began. */
    static Strategy buyer(String name, Scripted.Fixture f, List<String> seenAtTick, List<String> fills) {
        return new Strategy() {
            @Override
            public void onTick(StrategyContext ctx) {
                seenAtTick.add(name + "@" + f.executor.executed());
                ctx.orders().buy(MINT, TENTH_SOL);
                ctx.orders().buy(MINT, TENTH_SOL.plus(TENTH_SOL));
            }

            @Override
            public void onFill(StrategyContext ctx, Fill fill) {
                fills.add(name + ":" + fill.amountIn().raw() + "@" + f.executor.executed());
            }
        };
    }

    @Test
    void shouldExecuteTheOrdersOfAStepAfterAllItsTicksByBotIdThenPlacementAndDeliverTheFillsInTheSameStep() {
        List<String> executed = new CopyOnWriteArrayList<>();
        List<String> seenAtTick = new CopyOnWriteArrayList<>();
        List<String> fills = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.beforeEach(order ->
                    executed.add(order.botId().value() + ":" + order.amountIn().raw()));
            // started in reverse order, ticking in the same step
            for (String name : List.of("c", "b", "a")) {
                f.engine.start(spec(name, () -> buyer(name, f, seenAtTick, fills))
                        .maxTrades(2)
                        .build());
            }
            f.advance(Duration.ofMillis(10));

            assertThat(seenAtTick).containsExactlyInAnyOrder("a@0", "b@0", "c@0");
            assertThat(executed)
                    .containsExactly(
                            "a:100000000", "a:200000000", "b:100000000", "b:200000000", "c:100000000", "c:200000000");
            // every swap of the step ran before any fill reached a strategy
            assertThat(fills)
                    .containsExactlyInAnyOrder(
                            "a:100000000@6",
                            "a:200000000@6",
                            "b:100000000@6",
                            "b:200000000@6",
                            "c:100000000@6",
                            "c:200000000@6");
        }
    }

    @Test
    void shouldShowEachFillTheBotsPositionsAsOfThatFillNotAsOfALaterOrderOfTheSameStep() {
        // what the bot held of the mint at each onFill, beside the tokens of the fills so far
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("twice", () -> new Strategy() {
                        private BigInteger filled = BigInteger.ZERO;

                        @Override
                        public void onTick(StrategyContext ctx) {
                            if (ctx.positions().isEmpty() && filled.signum() == 0) {
                                for (int i = 0; i < 5; i++) {
                                    ctx.orders().buy(MINT, TENTH_SOL);
                                }
                            }
                        }

                        @Override
                        public void onFill(StrategyContext ctx, Fill fill) {
                            filled = filled.add(fill.amountOut().raw());
                            BigInteger held = ctx.positions().stream()
                                    .map(p -> p.quantity().raw())
                                    .reduce(BigInteger.ZERO, BigInteger::add);
                            seen.add(held + "/" + filled);
                        }
                    })
                    .build());
            f.advance(Duration.ofMillis(10));

            assertThat(seen)
                    .hasSize(5)
                    .allSatisfy(s -> assertThat(s.split("/")[0]).as(s).isEqualTo(s.split("/")[1]));
        }
    }

    @Test
    void shouldExecuteAnOrderPlacedOutsideAStepAtShutdownWhenTheClockDoesNotMoveAgain() throws Exception {
        CountDownLatch placed = new CountDownLatch(1);
        Scripted.Fixture f = new Scripted.Fixture();
        f.engine.start(spec("early", () -> new Strategy() {
                    @Override
                    public void onStart(StrategyContext ctx) {
                        ctx.orders().buy(MINT, TENTH_SOL);
                        placed.countDown();
                    }

                    @Override
                    public void onTick(StrategyContext ctx) {}
                })
                .build());
        assertThat(placed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.executor.executed()).isZero();

        assertThat(f.engine.shutdown(Duration.ofSeconds(5))).isTrue();

        assertThat(f.executor.executed()).isEqualTo(1);
        assertThat(f.stores.tradeRecords.get()).isEqualTo(1);
        assertThat(f.stores.entries())
                .as("the entry kept for the next run has the order settled")
                .singleElement()
                .satisfies(entry -> assertThat(entry.pendingIntents()).isEmpty());
    }
}
