package io.solbot.core.engine;

/**
 * Drives a {@link TimingWheel} on a {@link SimulatedClock}: {@link #advanceTo} walks the wheel slot by slot up to the
 * target, setting the clock to each busy slot's end (and moving the market there first, when it is simulated too), and
 * after each step waits until the work the step started has settled, then executes the orders it placed (deferred in
 * simulated time) until none is left. So a run repeats exactly, as fast as the CPU allows.
 */
final class SimulatedDriver implements SimulatedClock.Driver {
    private final TimingWheel wheel;
    private final SimulatedClock clock;
    private final Tracker tracker;
    /** Executes the orders placed so far; true if there were any. */
    private final java.util.function.BooleanSupplier dispatchOrders;

    private final long graceNanos;
    /** Moves a simulated market to the clock's time before the ticks of a step see it; a no-op for other markets. */
    private final java.util.function.Consumer<java.time.Instant> market;

    private volatile boolean stopped;

    SimulatedDriver(
            TimingWheel wheel,
            SimulatedClock clock,
            Tracker tracker,
            java.util.function.BooleanSupplier dispatchOrders,
            java.util.function.Consumer<java.time.Instant> market) {
        this.wheel = wheel;
        this.clock = clock;
        this.tracker = tracker;
        this.dispatchOrders = dispatchOrders;
        this.graceNanos = clock.straggleAfter().toNanos();
        this.market = market;
    }

    void start() {
        clock.attach(this);
    }

    void stop() {
        stopped = true;
        clock.detach(this);
    }

    @Override
    public void advanceTo(long target) {
        settle();
        while (!stopped) {
            wheel.drainCommands();
            if (wheel.isEmpty()) {
                wheel.skipTo(target);
                break;
            }
            if (!wheel.stepTowards(target, this::stepTo)) {
                break;
            }
            settle();
        }
        stepTo(target);
        settle();
    }

    private void stepTo(long nanos) {
        clock.setNanos(nanos);
        market.accept(clock.instant());
    }

    /** Waits for the step's work; then executes the orders it placed, until none is left. */
    private void settle() {
        do {
            if (tracker.hasAwaited()) {
                tracker.awaitSettled(graceNanos, wheel::rescue);
            }
        } while (dispatchOrders.getAsBoolean());
    }

    /**
     * A simulated market on a simulated clock moves with it, so that a bot sees prices change as the clock advances (a
     * {@code Backtest} moves it ahead of the clock itself; a market already there is left alone).
     */
    static java.util.function.Consumer<java.time.Instant> moving(io.solbot.core.market.MarketData market) {
        if (market instanceof io.solbot.core.market.SimulatedMarket simulated) {
            return at -> {
                if (simulated.now().isBefore(at)) {
                    simulated.advanceTo(at);
                }
            };
        }
        return at -> {};
    }
}
