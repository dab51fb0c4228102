package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.OTHER;
import static io.solbot.core.engine.Scripted.TENTH_SOL;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.StopReason;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.store.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OrderPipelineTest {
    /** Buys on every tick and records what the engine answered. */
    static class Buyer implements Strategy {
        final List<OrderResult> results;
        final List<Fill> fills;

        Buyer(List<OrderResult> results, List<Fill> fills) {
            this.results = results;
            this.fills = fills;
        }

        @Override
        public void onTick(StrategyContext ctx) {
            results.add(ctx.orders().buy(MINT, TENTH_SOL));
        }

        @Override
        public void onFill(StrategyContext ctx, Fill fill) {
            fills.add(fill);
        }
    }

    @Test
    void shouldJournalTheIntentThenFillStoreUpdatePositionsPublishAndCallOnFill() {
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        List<List<?>> journalDuringExecution = new CopyOnWriteArrayList<>();
        List<List<Position>> positionsSeenInOnFill = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.beforeEach(order -> journalDuringExecution.add(f.stores
                    .load(order.botId())
                    .map(JournalEntry::pendingIntents)
                    .orElseThrow()));
            f.engine.start(spec("buyer", () -> new Buyer(results, fills) {
                        @Override
                        public void onFill(StrategyContext ctx, Fill fill) {
                            super.onFill(ctx, fill);
                            positionsSeenInOnFill.add(ctx.positions());
                        }
                    })
                    .maxTrades(1)
                    .build());
            f.advance(Duration.ofMillis(500));

            OrderResult.Submitted submitted = (OrderResult.Submitted) results.getFirst();
            assertThat(journalDuringExecution)
                    .singleElement()
                    .satisfies(intents -> assertThat(intents)
                            .singleElement()
                            .satisfies(i -> assertThat(i.toString())
                                    .contains(submitted.orderId().value())));
            Fill fill = fills.getFirst();
            assertThat(fill.orderId()).isEqualTo(submitted.orderId());
            // 0.1 SOL at 0.001 SOL per token: 100 tokens of 6 decimals
            assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(100_000_000, 6));
            assertThat(f.stores.trades.fills(BotId.of("buyer"))).containsExactly(fill);
            assertThat(positionsSeenInOnFill.getFirst()).singleElement().satisfies(p -> {
                assertThat(p.mint()).isEqualTo(MINT);
                assertThat(p.quantity()).isEqualTo(TokenAmount.of(100_000_000, 6));
                assertThat(p.costBasis()).isEqualTo(TENTH_SOL.plus(Lamports.of(5_000)));
            });
            assertThat(f.stores.load(BotId.of("buyer")).orElseThrow().pendingIntents())
                    .isEmpty();
            assertThat(f.events)
                    .filteredOn(e -> !(e instanceof EngineEvent.BotStarted))
                    .map(e -> e.getClass().getSimpleName())
                    .containsExactly("OrderSubmitted", "OrderFilled");
            assertThat(f.status("buyer").ordersFilled()).isEqualTo(1);
            assertThat(f.status("buyer").openPositions()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseBuysDuringTheCooldownButNeverASell() {
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("cool", () -> ctx -> {
                        // sell first: a buy of this tick may fill while the tick still runs
                        if (!ctx.positions().isEmpty()) {
                            results.add(ctx.orders().sell(MINT, TokenAmount.of(1_000_000, 6)));
                        }
                        results.add(ctx.orders().buy(MINT, TENTH_SOL));
                    })
                    .cooldown(Duration.ofMillis(2500))
                    .build());
            f.advance(Duration.ofMillis(6500));

            // buys at 0 (its tick starts at 0.01), 3 and 6; refused at 1, 2, 4 and 5; a sell on every later tick
            assertThat(results.stream()
                            .filter(r -> r instanceof OrderResult.Refused)
                            .map(Object::toString))
                    .hasSize(4)
                    .allSatisfy(r -> assertThat(r).contains("cooldown: the next buy of " + MINT + " is allowed at"));
            assertThat(f.events(EngineEvent.OrderSubmitted.class))
                    .filteredOn(e -> e.side() == Side.SELL)
                    .hasSize(6);
            assertThat(f.status("cool").cooldowns()).containsExactly(Map.entry(MINT, Scripted.T0.plusMillis(8500)));
        }
    }

    @Test
    void shouldRefuseBuysPastMaxTradesAndStopAsCompletedOnceTheLastPositionIsSold() {
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        List<StopReason> stops = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("two-trades", () -> new Strategy() {
                        int tick;

                        @Override
                        public void onTick(StrategyContext ctx) {
                            tick++;
                            if (tick <= 3) {
                                results.add(ctx.orders().buy(MINT, TENTH_SOL));
                            } else {
                                Position p = ctx.positions().getFirst();
                                results.add(ctx.orders().sell(p.mint(), p.quantity()));
                            }
                        }

                        @Override
                        public void onStop(StrategyContext ctx, StopReason reason) {
                            stops.add(reason);
                        }
                    })
                    .maxTrades(2)
                    .build());
            f.advance(Duration.ofSeconds(10));

            assertThat(results).hasSize(4);
            assertThat(results.get(2)).isEqualTo(new OrderResult.Refused("maxTrades 2 reached"));
            BotStatus status = f.status("two-trades");
            assertThat(status.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(status.ordersFilled()).isEqualTo(3);
            assertThat(status.openPositions()).isZero();
            assertThat(stops).containsExactly(StopReason.COMPLETED);
            assertThat(f.events(EngineEvent.BotStopped.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(StopReason.COMPLETED));
            assertThat(f.stores.load(status.botId())).isEmpty();
        }
    }

    @Test
    void shouldRefuseANewTokenPastMaxOpenPositionsAndASellOfMoreThanIsHeld() {
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("one-position", () -> new Strategy() {
                        int tick;

                        @Override
                        public void onTick(StrategyContext ctx) {
                            if (++tick == 1) {
                                results.add(ctx.orders().buy(MINT, TENTH_SOL));
                            } else {
                                results.add(ctx.orders().sell(MINT, TokenAmount.of(300_000_000, 6)));
                                results.add(ctx.orders().buy(OTHER, TENTH_SOL));
                                results.add(ctx.orders().buy(MINT, TENTH_SOL));
                            }
                        }
                    })
                    .maxOpenPositions(1)
                    .build());
            f.advance(Duration.ofMillis(1500));

            assertThat(results).hasSize(4);
            assertThat(results.get(2).toString()).contains("maxOpenPositions 1 reached");
            assertThat(results.get(3).isSubmitted()).isTrue();
            assertThat(results.get(1).toString())
                    .contains("cannot sell 300.000000 of " + MINT + ": holds 100.000000 not already being sold");
            assertThat(f.events(EngineEvent.OrderRefused.class)).hasSize(2);
        }
    }

    @Test
    void shouldRefuseABuyAboveMaxBuy() {
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("small", () -> new Buyer(results, new CopyOnWriteArrayList<>()))
                    .maxBuy(Lamports.of(50_000_000))
                    .build());
            f.advance(Duration.ofMillis(500));

            assertThat(results)
                    .containsExactly(new OrderResult.Refused(
                            "a buy of 100000000 lamports is more than maxBuy 50000000 lamports"));
        }
    }

    @Test
    void shouldDeliverAFailedOrderToOnOrderFailedAndClearItsIntentWithoutTouchingPositions() {
        List<OrderFailure> failures = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.failWith("blockhash expired");
            f.engine.start(spec("unlucky", () -> buyerKeepingFailures(failures)).build());
            f.advance(Duration.ofMillis(500));

            assertThat(failures).singleElement().satisfies(failure -> {
                assertThat(failure.stage()).isEqualTo("land");
                assertThat(failure.reason()).isEqualTo("blockhash expired");
            });
            BotStatus status = f.status("unlucky");
            assertThat(status.openPositions()).isZero();
            assertThat(status.ordersFilled()).isZero();
            assertThat(status.consecutiveFailures()).isEqualTo(1);
            assertThat(f.stores.load(status.botId()).orElseThrow().pendingIntents())
                    .isEmpty();
            assertThat(f.stores.tradeRecords.get()).isZero();
            assertThat(f.stores.failureRecords.get()).isOne();
            assertThat(f.stores.trades.failures(status.botId())).containsExactlyElementsOf(failures);
        }
    }

    @Test
    void shouldKeepAnOrderWhoseExecutorThrewReservedAndResolveItLaterWithoutTheSecretsItsMessageQuotes() {
        List<OrderFailure> failures = new CopyOnWriteArrayList<>();
        AtomicReference<SwapOutcome> learnt = new AtomicReference<>();
        SwapExecutor throwing = new SwapExecutor() {
            @Override
            public SwapOutcome execute(SwapOrder order) {
                throw new IllegalStateException(
                        "POST https://bot:hunter2@rpc.example.com/?api-key=abc123 failed",
                        new java.io.IOException("token=s3cr3t refused"));
            }

            @Override
            public Optional<SwapOutcome> resolve(SwapOrder order) {
                return Optional.ofNullable(learnt.get());
            }
        };
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.swapExecutor(throwing).storeRetryInterval(Duration.ofMillis(5)))) {
            BotId id = BotId.of("thrown");
            f.engine.start(spec("thrown", () -> buyerKeepingFailures(failures))
                    .maxTrades(1)
                    .build());
            f.advance(Duration.ofMillis(500));

            // the executor did not say how the order ended (a live one may have sent it): never booked as failed
            JournalEntry entry = f.stores.load(id).orElseThrow();
            assertThat(entry.pendingIntents()).hasSize(1);
            OrderId order = entry.pendingIntents().getFirst().orderId();
            assertThat(failures).isEmpty();
            assertThat(f.stores.trades.failures(id)).isEmpty();
            assertThat(f.status("thrown").lastError())
                    .hasValue("order " + order + ": the executor threw java.lang.IllegalStateException: POST"
                            + " https://***@rpc.example.com/?api-key=*** failed; its outcome is not known, so it stays"
                            + " reserved and is resolved in the background");
            // the reservation holds: one buy in flight counts against maxTrades 1
            f.advance(Duration.ofSeconds(1));
            assertThat(f.events(EngineEvent.OrderSubmitted.class)).hasSize(1);

            // the executor learns the order failed: settled once, the intent cleared
            OrderFailure failed =
                    new OrderFailure(order, MINT, Side.BUY, "land", "blockhash expired", Scripted.T0.plusMillis(60));
            learnt.set(new SwapOutcome.Failed(failed, List.of()));
            await(() -> f.stores.load(id).orElseThrow().pendingIntents().isEmpty());
            assertThat(f.stores.trades.failures(id)).containsExactly(failed);
            assertThat(f.events.toString()).doesNotContain("hunter2", "abc123", "s3cr3t");
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 5 s").isTrue();
    }

    /** Buys every tick and keeps the failures it is told of. */
    private static Strategy buyerKeepingFailures(List<OrderFailure> failures) {
        return new Strategy() {
            @Override
            public void onTick(StrategyContext ctx) {
                ctx.orders().buy(MINT, TENTH_SOL);
            }

            @Override
            public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
                failures.add(failure);
            }
        };
    }
}
