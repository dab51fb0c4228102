package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.InMemoryJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wheel on its own, with batches that get a thread only when the test says so. */
class TimingWheelTest {
    private static final long MS = 1_000_000;

    private final SimulatedClock simulated = SimulatedClock.startingAt(Scripted.T0);
    private final EngineClock clock = new EngineClock(simulated);
    /** Batches handed to a worker, not run: as on a host whose threads are all busy. */
    private final List<Runnable> waiting = new ArrayList<>();

    private final List<String> reports = new ArrayList<>();
    private final TimingWheel wheel = new TimingWheel(MS, 3, waiting::add, 0);

    TimingWheelTest() {
        wheel.listen(new TimingWheel.Listener() {
            @Override
            public void stalled(Run run, long busyNanos) {
                reports.add("stalled " + run.bot().id() + " after " + busyNanos / MS + " ms");
            }

            @Override
            public void restartDue(Bot bot) {
                reports.add("restart " + bot.id());
            }
        });
    }

    private Run runningBot(String id) {
        BotSpec spec = Scripted.spec(id, Scripted::idle)
                .interval(Duration.ofMillis(10))
                .build();
        EngineMetrics metrics = new EngineMetrics(new SimpleMeterRegistry());
        Bot bot = new Bot(
                spec, "scripted", metrics.strategy("scripted"), "hash", 1, 0, new InMemoryJournal(), "me", clock);
        Run run =
                new Run(bot, Scripted.idle(), new Callbacks(new Jobs(true), clock), null, clock, m -> Optional.empty());
        bot.lock().lock();
        try {
            bot.launch(RunStatus.RUNNING, clock.instant());
            bot.install(run);
        } finally {
            bot.lock().unlock();
        }
        wheel.schedule(bot, run, 0);
        wheel.drainCommands();
        return run;
    }

    @Test
    void shouldSkipButNeverReportAsStuckATickThatWaitsForAThread() {
        Run run = runningBot("starved");

        // the first tick is taken at 0 and waits for a thread for 100 ms: ten intervals, three times the stall limit
        wheel.advanceTo(100 * MS);

        assertThat(waiting).hasSize(1);
        assertThat(run.bot().snapshot(clock.instant(), 100 * MS).skippedTicks()).isEqualTo(10);
        assertThat(reports).isEmpty();
    }

    @Test
    void shouldReportATickThatRunsLongerThanTheLimitOnce() {
        Run run = runningBot("stuck");
        wheel.advanceTo(MS);
        // the tick gets its thread at 5 ms and never returns
        run.running(5 * MS);

        wheel.advanceTo(35 * MS);
        assertThat(reports).isEmpty();

        wheel.advanceTo(100 * MS);
        assertThat(reports).containsExactly("stalled stuck after 95 ms");
    }
}
