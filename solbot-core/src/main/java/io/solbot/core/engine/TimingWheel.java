package io.solbot.core.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Finds the bots that are due and hands their ticks to workers.
 *
 * <p>Why this shape: on the 2-core reference machine a periodic task per bot costs about 3.6 µs of CPU per tick, a
 * sleeping virtual thread per bot about 15 µs, and a plain loop over bots about 10 ns. So one thread owns a wheel of
 * {@value #SLOTS} slots, {@code slotNanos} wide (1 ms in real time): a bot sits in the slot of its next due time; when
 * a slot's time has passed, the thread walks it and offers each due bot's tick to the bot's {@link Lane}. A free lane
 * is taken and the tick joins a batch of up to {@value #BATCH}; a lane that messages hold keeps the tick and runs it
 * after them; a lane whose previous tick still runs or waits skips it. A batch runs on one virtual thread, so a tick
 * that blocks parks its virtual thread instead of holding a carrier or this thread. Bots due further out than the
 * wheel's span stay in their slot until their round comes.
 *
 * <p>A batch whose current tick makes no progress between two passes (a tick that blocks or runs long) gets a helper:
 * another virtual thread that claims the batch's remaining ticks from the same atomic index, so the bots behind a slow
 * one are not held up and no tick runs twice.
 *
 * <p>Threading: the wheel and the batches in flight belong to one thread, its driver's: {@link RealTimeDriver}'s
 * thread, or the thread advancing a {@link SimulatedClock}. Other threads hand it work through {@link #schedule}, a
 * lock-free queue.
 */
final class TimingWheel {
    static final int SLOTS = 4096;
    static final int BATCH = 64;

    /** What the wheel reports besides ticks; called on the driver's thread, so implementations hand work off. */
    interface Listener {
        /** {@code run}'s lane has been busy for {@code busyNanos}, more than the stall limit. */
        void stalled(Run run, long busyNanos);

        /** A restart the watchdog scheduled for {@code bot} is due. */
        void restartDue(Bot bot);
    }

    /**
     * One bot's place in the wheel; its fields belong to the driver's thread. It holds what a due tick needs (the
     * current run's lane, the interval), so that the walk touches the entry and the lane and nothing else of the bot:
     * at a million ticks a second the walk is bound by cache misses, not by work.
     */
    static final class Entry {
        final Bot bot;
        final long intervalNanos;
        /** The run to tick, or null while a restart is due. */
        Run run;

        long due;
        int seq;

        Entry(Bot bot) {
            this.bot = bot;
            this.intervalNanos = bot.intervalNanos();
        }
    }

    private record Command(Entry entry, Run run, long due) {}

    private static final class Slot {
        Entry[] entries = new Entry[8];
        int[] seqs = new int[8];
        int size;

        void add(Entry entry, int seq) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                seqs = Arrays.copyOf(seqs, size * 2);
            }
            entries[size] = entry;
            seqs[size] = seq;
            size++;
        }

        void clear() {
            Arrays.fill(entries, 0, size, null);
            size = 0;
        }
    }

    /** Up to {@value #BATCH} ticks, claimed one at a time by one or more runners. */
    private static final class Batch implements Runnable {
        final Run[] runs = new Run[BATCH];
        final AtomicInteger next = new AtomicInteger();
        int size;
        int lastSeen = -1;
        int lastHelped = -1;

        @Override
        public void run() {
            TickTally tally = new TickTally();
            try {
                int i;
                while ((i = next.getAndIncrement()) < size) {
                    runs[i].runTick(tally);
                }
            } finally {
                tally.flush();
            }
        }
    }

    private final long slotNanos;
    private final long staleAfterIntervals;
    /** Runs a batch on a thread of its own: the engine's {@link Jobs}. */
    private final Consumer<Runnable> submit;

    private final Slot[] slots = new Slot[SLOTS];
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();
    private Listener listener;
    private Runnable wake = () -> {};
    private Slot spare = new Slot();
    private Batch batch;
    private long cursor;
    private long entries;

    TimingWheel(long slotNanos, int staleAfterIntervals, Consumer<Runnable> submit, long nowNanos) {
        this.slotNanos = slotNanos;
        this.staleAfterIntervals = staleAfterIntervals;
        this.submit = submit;
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
        cursor = Math.floorDiv(nowNanos, slotNanos);
    }

    /** Set once, while the engine is built. */
    void listen(Listener listener) {
        this.listener = listener;
    }

    /** Set by the driver: called after a command is queued, to wake its thread. */
    void onSchedule(Runnable wake) {
        this.wake = wake;
    }

    /** Ticks {@code run}, the bot's new run, from {@code due} on; supersedes what the bot was scheduled for. */
    void schedule(Bot bot, Run run, long due) {
        commands.add(new Command(bot.wheel, run, due));
        wake.run();
    }

    /** Asks for the bot's restart at {@code due}, instead of ticks; supersedes what it was scheduled for. */
    void scheduleRestart(Bot bot, long due) {
        commands.add(new Command(bot.wheel, null, due));
        wake.run();
    }

    boolean hasCommands() {
        return !commands.isEmpty();
    }

    boolean isEmpty() {
        return entries == 0;
    }

    boolean hasBatchesInFlight() {
        return !inFlight.isEmpty();
    }

    long cursor() {
        return cursor;
    }

    long slotNanos() {
        return slotNanos;
    }

    /** Applies the queued schedules. */
    void drainCommands() {
        Command c;
        while ((c = commands.poll()) != null) {
            Entry e = c.entry();
            e.seq++;
            e.due = c.due();
            e.run = c.run();
            insert(e, e.seq);
        }
    }

    /** Processes every slot whose time has passed by {@code now}, then hands out the last batch. */
    void advanceTo(long now) {
        while ((cursor + 1) * slotNanos <= now) {
            processSlot(cursor, now);
            cursor++;
        }
        flush();
    }

    /** The end of the next slot that holds anything, at most one round ahead; for a driver that sleeps until then. */
    long nextBusySlotEnd() {
        long slot = cursor;
        // skip empty slots, so a sparse wheel does not wake the thread every slot
        for (int i = 0; i < SLOTS && slots[(int) (slot & (SLOTS - 1))].size == 0; i++) {
            slot++;
        }
        return (slot + 1) * slotNanos;
    }

    /**
     * Simulated time: processes the current slot if it holds anything (at its end, {@code end}), then moves to the next
     * slot. Returns false if the current slot ends after {@code target}.
     */
    boolean stepTowards(long target, java.util.function.LongConsumer setNow) {
        long end = (cursor + 1) * slotNanos;
        if (end > target) {
            return false;
        }
        if (slots[(int) (cursor & (SLOTS - 1))].size > 0) {
            setNow.accept(end);
            processSlot(cursor, end);
            flush();
        }
        cursor++;
        return true;
    }

    /** Simulated time, nothing scheduled: jumps to {@code target}. */
    void skipTo(long target) {
        cursor = Math.max(cursor, Math.floorDiv(target, slotNanos));
    }

    private void insert(Entry e, int seq) {
        long slot = Math.max(Math.floorDiv(e.due - 1, slotNanos), cursor);
        slots[(int) (slot & (SLOTS - 1))].add(e, seq);
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
            Entry e = old.entries[i];
            int seq = old.seqs[i];
            if (e.seq != seq) {
                continue; // superseded by a later schedule
            }
            if (e.due > end) {
                slots[index].add(e, seq);
                entries++;
                continue;
            }
            Run run = e.run;
            if (run == null) {
                listener.restartDue(e.bot); // the restart schedules the new run's ticks
                continue;
            }
            if (!offer(e, run, now)) {
                continue; // the run ended: its ticks end with it
            }
            long next = e.due + e.intervalNanos;
            if (next <= now) {
                // the process itself stalled (a long GC pause): skip the ticks that are already past
                long missed = (now - next) / e.intervalNanos + 1;
                next += missed * e.intervalNanos;
                e.bot.figures().skipped(missed);
                e.bot.meters().skipped(missed);
            }
            e.due = next;
            insert(e, seq);
        }
        old.clear();
        spare = old;
    }

    /** Offers the entry's due tick to its run's lane; false if the run has ended. */
    private boolean offer(Entry e, Run run, long now) {
        switch (run.offerTick(e.due)) {
            case TAKEN -> add(run);
            case QUEUED -> {
                // runs right after the messages that hold the lane (its onStart, a fill): not a skip
            }
            case BUSY -> {
                e.bot.figures().skipped(1);
                e.bot.meters().skipped(1);
                // only a callback that runs counts: one that waits for a thread (an overloaded host) is not stuck
                long running = run.runningFor(now);
                if (!run.stallReported && running > staleAfterIntervals * e.intervalNanos) {
                    run.stallReported = true;
                    listener.stalled(run, running);
                }
            }
            case GONE -> {
                return false;
            }
        }
        return true;
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

    /** Hands the batch being filled to a worker. */
    void flush() {
        if (batch != null && batch.size > 0) {
            Batch b = batch;
            batch = null;
            inFlight.add(b);
            submit.accept(b);
        }
    }

    /** Gives a helper runner to every batch that has started but made no progress since the last pass. */
    void rescue() {
        for (Iterator<Batch> it = inFlight.iterator(); it.hasNext(); ) {
            Batch b = it.next();
            int claimed = b.next.get();
            if (claimed >= b.size) {
                it.remove();
            } else if (claimed > 0 && claimed == b.lastSeen && claimed != b.lastHelped) {
                b.lastHelped = claimed;
                submit.accept(b);
            } else {
                b.lastSeen = claimed;
            }
        }
    }
}
