package io.solbot.core.engine;

import io.solbot.core.domain.RunStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds the bots that are due and hands their ticks to workers.
 *
 * <p>Why this shape: on the 2-core reference machine a periodic task per bot costs about 3.6 µs of CPU per tick, a
 * sleeping virtual thread per bot about 15 µs, and a plain loop over bots about 10 ns. So one thread owns a timing
 * wheel of {@value #SLOTS} slots, {@code slotNanos} wide (1 ms in real time): a bot sits in the slot of its next due
 * time; when a slot's time has passed, the thread walks it, takes each due bot's {@link Lane} (leaves the tick to the lane when
 * messages hold it, or counts it as skipped when the previous tick still runs) and puts the bot into a batch of up to {@value #BATCH} ticks. A batch runs
 * on one virtual thread, so a tick that blocks parks its virtual thread instead of holding a carrier or the
 * scheduler. Bots due further out than the wheel's span stay in their slot until their round comes.
 *
 * <p>A batch whose current tick makes no progress between two passes of the scheduler (a tick that blocks or runs
 * long) gets a helper: another virtual thread that claims the batch's remaining ticks from the same atomic index, so
 * the bots behind a slow one are not held up and no tick runs twice.
 *
 * <p>Threading: the wheel and the batches in flight belong to one thread: the scheduler thread in real time, or the
 * thread calling {@link SimulatedClock#advance} in simulated time. Other threads hand it work through {@link
 * #schedule}, a lock-free queue.
 */
final class TickScheduler implements SimulatedClock.Driver {
    static final int SLOTS = 4096;
    static final int BATCH = 64;

    private record Command(BotRuntime bot, long due, boolean restart) {}

    private static final class Slot {
        BotRuntime[] bots = new BotRuntime[8];
        int[] seqs = new int[8];
        int size;

        void add(BotRuntime bot, int seq) {
            if (size == bots.length) {
                bots = Arrays.copyOf(bots, size * 2);
                seqs = Arrays.copyOf(seqs, size * 2);
            }
            bots[size] = bot;
            seqs[size] = seq;
            size++;
        }

        void clear() {
            Arrays.fill(bots, 0, size, null);
            size = 0;
        }
    }

    /** Up to {@value #BATCH} ticks, claimed one at a time by one or more runners. */
    static final class Batch implements Runnable {
        final Run[] runs = new Run[BATCH];
        final AtomicInteger next = new AtomicInteger();
        int size;
        int lastSeen = -1;
        int lastHelped = -1;

        @Override
        public void run() {
            int i;
            while ((i = next.getAndIncrement()) < size) {
                runs[i].lane.runTick();
            }
        }
    }

    private final SolbotEngine engine;
    private final long slotNanos;
    private final long staleAfterIntervals;
    private final Slot[] slots = new Slot[SLOTS];
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();
    private final SimulatedClock simClock;
    private final long graceNanos;
    private Slot spare = new Slot();
    private Batch batch;
    private long cursor;
    private long entries;
    private volatile boolean stopped;
    private volatile Thread thread;

    TickScheduler(SolbotEngine engine, long slotNanos, int staleAfterIntervals, SimulatedClock simClock) {
        this.engine = engine;
        this.slotNanos = slotNanos;
        this.staleAfterIntervals = staleAfterIntervals;
        this.simClock = simClock;
        this.graceNanos = simClock == null ? 0 : simClock.straggleAfter().toNanos();
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
        cursor = Math.floorDiv(engine.nanos(), slotNanos);
    }

    /** Starts the scheduler thread (real time) or attaches to the simulated clock. */
    void start() {
        if (simClock != null) {
            simClock.attach(this);
        } else {
            Thread t = Thread.ofPlatform()
                    .name("solbot-scheduler")
                    .daemon(true)
                    .priority(Thread.MAX_PRIORITY)
                    .unstarted(this::loop);
            thread = t;
            t.start();
        }
    }

    /** Stops dispatching; ticks already handed out still run. */
    void stop() {
        stopped = true;
        if (simClock != null) {
            simClock.detach(this);
            return;
        }
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for {@code bot}'s next tick (or its restart) at {@code due}; supersedes what it was scheduled for. */
    void schedule(BotRuntime bot, long due, boolean restart) {
        commands.add(new Command(bot, due, restart));
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                drainCommands();
                long now = engine.nanos();
                while ((cursor + 1) * slotNanos <= now) {
                    processSlot(cursor, now);
                    cursor++;
                }
                flush();
                rescue();
                parkUntilNextWork();
            } catch (RuntimeException | Error e) {
                // the scheduler must never die: a bug here would stop every bot
                org.slf4j.LoggerFactory.getLogger(TickScheduler.class).error("The scheduler hit a bug", e);
            }
        }
    }

    private void parkUntilNextWork() {
        if (!commands.isEmpty()) {
            return;
        }
        if (entries == 0) {
            LockSupport.parkNanos(inFlight.isEmpty() ? 50_000_000L : 1_000_000L);
            return;
        }
        long slot = cursor;
        // skip empty slots, so a sparse wheel does not wake the thread every millisecond
        for (int i = 0; i < SLOTS && slots[(int) (slot & (SLOTS - 1))].size == 0; i++) {
            slot++;
        }
        long wait = (slot + 1) * slotNanos - engine.nanos();
        if (!inFlight.isEmpty()) {
            wait = Math.min(wait, 1_000_000L);
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void advanceTo(long target) {
        settle();
        while (!stopped) {
            drainCommands();
            if (entries == 0) {
                cursor = Math.max(cursor, Math.floorDiv(target, slotNanos));
                break;
            }
            long end = (cursor + 1) * slotNanos;
            if (end > target) {
                break;
            }
            if (slots[(int) (cursor & (SLOTS - 1))].size > 0) {
                simClock.setNanos(end);
                processSlot(cursor, end);
                flush();
            }
            cursor++;
            settle();
        }
        simClock.setNanos(target);
        settle();
    }

    /** Waits for the step's work; then executes the orders it placed (deferred in simulated time), until none is left. */
    private void settle() {
        do {
            if (engine.tracker().hasAwaited()) {
                engine.tracker().awaitSettled(graceNanos, this::rescue);
            }
        } while (engine.orderDesk().dispatchPending());
    }

    private void drainCommands() {
        Command c;
        while ((c = commands.poll()) != null) {
            BotRuntime bot = c.bot();
            bot.wheelSeq++;
            bot.wheelDue = c.due();
            bot.restartDue = c.restart();
            insert(bot, bot.wheelSeq);
        }
    }

    private void insert(BotRuntime bot, int seq) {
        long slot = Math.max(Math.floorDiv(bot.wheelDue - 1, slotNanos), cursor);
        slots[(int) (slot & (SLOTS - 1))].add(bot, seq);
        entries++;
    }

    private void processSlot(long slotNo, long now) {
        int index = (int) (slotNo & (SLOTS - 1));
        Slot old = slots[index];
        // never let one Slot sit in two places, even if a bug throws half-way through the walk
        slots[index] = spare != null ? spare : new Slot();
        spare = null;
        entries -= old.size;
        long end = (slotNo + 1) * slotNanos;
        for (int i = 0; i < old.size; i++) {
            BotRuntime bot = old.bots[i];
            int seq = old.seqs[i];
            if (bot.wheelSeq != seq || bot.status != RunStatus.RUNNING) {
                continue;
            }
            if (bot.wheelDue > end) {
                slots[index].add(bot, seq);
                entries++;
                continue;
            }
            if (bot.restartDue) {
                bot.restartDue = false;
                engine.dispatchRestart(bot);
                continue;
            }
            Run run = bot.run;
            if (run == null || !run.current || bot.restartPending) {
                continue;
            }
            long due = bot.wheelDue;
            switch (run.lane.offerTick(due, now)) {
                case TAKEN -> add(run);
                case QUEUED -> {
                    // runs right after the messages that hold the lane (its onStart, a fill): not a skip
                }
                case BUSY -> {
                    bot.skippedTicks++;
                    bot.meters.skipped.increment();
                    long busy = now - run.lane.busySinceNanos;
                    if (!run.stallReported && busy > staleAfterIntervals * bot.intervalNanos) {
                        run.stallReported = true;
                        engine.dispatchStall(run, busy);
                    }
                }
            }
            long next = due + bot.intervalNanos;
            if (next <= now) {
                // the scheduler itself fell behind (a long GC pause): skip the ticks that are already past
                long missed = (now - next) / bot.intervalNanos + 1;
                next += missed * bot.intervalNanos;
                bot.skippedTicks += missed;
                bot.meters.skipped.increment(missed);
            }
            bot.wheelDue = next;
            insert(bot, seq);
        }
        old.clear();
        spare = old;
    }

    private void add(Run run) {
        if (batch == null) {
            batch = new Batch();
        }
        batch.runs[batch.size++] = run;
        if (batch.size == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch != null && batch.size > 0) {
            Batch b = batch;
            batch = null;
            inFlight.add(b);
            engine.submitJob(b);
        }
    }

    /** Gives a helper runner to every batch that has started but made no progress since the last pass. */
    private void rescue() {
        for (Iterator<Batch> it = inFlight.iterator(); it.hasNext(); ) {
            Batch b = it.next();
            int claimed = b.next.get();
            if (claimed >= b.size) {
                it.remove();
            } else if (claimed > 0 && claimed == b.lastSeen && claimed != b.lastHelped) {
                b.lastHelped = claimed;
                engine.submitJob(b);
            } else {
                b.lastSeen = claimed;
            }
        }
    }
}
