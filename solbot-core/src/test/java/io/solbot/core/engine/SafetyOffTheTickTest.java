package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.safety.CheckResult;
import io.solbot.core.safety.SafetyCheck;
import io.solbot.core.safety.SafetyContext;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.testing.FixedPriceMarket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A safety gate in the engine: a slow check holds up no tick, and its verdict decides the buys after it. */
class SafetyOffTheTickTest {
    /** Blocks until released, then finds the token rugged. */
    private static final class Slow implements SafetyCheck {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public CheckResult check(SafetyContext token) {
            calls.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CheckResult.fail("the pool was rugged", 100);
        }
    }

    @Test
    void shouldTickOnWhileASlowCheckRunsRefusingBuysUntilItsVerdictDecidesThem() throws InterruptedException {
        Slow slow = new Slow();
        List<OrderResult> results = new CopyOnWriteArrayList<>();
        SimulatedClock clock = SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5));
        SafetyGate gate = SafetyGate.builder(new FixedPriceMarket())
                .withoutBuiltInChecks()
                .check(slow)
                .deadline(Duration.ofMinutes(10))
                .clock(clock)
                .build();
        try (Scripted.Fixture f = new Scripted.Fixture(clock, b -> b.orderCheck(gate))) {
            f.engine.start(spec("buyer", () -> ctx -> results.add(ctx.orders().buy(MINT, Scripted.TENTH_SOL)))
                    .build());

            f.advance(Duration.ofSeconds(10));

            // every tick (at 0 s, 1 s, ... 10 s) ran and placed its buy while the check hung; the check was started
            // once, not once per buy
            assertThat(f.status("buyer").tickCount()).isEqualTo(11);
            assertThat(results)
                    .hasSize(11)
                    .allSatisfy(r -> assertThat(((OrderResult.Refused) r).reason())
                            .isEqualTo("safety: the checks of " + MINT
                                    + " are running; its buys are refused until their verdict is in"));
            // the gate starts the check on a virtual thread of its own, which need not have run yet
            assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(slow.calls).hasValue(1);
            assertThat(f.events(EngineEvent.OrderSubmitted.class)).isEmpty();

            slow.release.countDown();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (gate.cachedVerdict(MINT, SafetyChoice.ALL).isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            assertThat(gate.cachedVerdict(MINT, SafetyChoice.ALL)).isPresent();
            f.advance(Duration.ofSeconds(1));

            assertThat(((OrderResult.Refused) results.getLast()).reason())
                    .isEqualTo("safety refused " + MINT
                            + ": risk 100/100 (buys refused from 50): slow FAIL (100): the pool was rugged");
            assertThat(f.events(EngineEvent.OrderRefused.class).getLast().reason())
                    .contains("slow FAIL (100): the pool was rugged");
            assertThat(f.events(EngineEvent.OrderSubmitted.class)).isEmpty();
        }
    }
}
