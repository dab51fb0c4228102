package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one bot must not lose in a crash, and its entry in the {@link Journal}: the orders in flight, the strategy's
 * state, and the fills and failed orders the fill store has not taken yet. Every change is saved before the method
 * returns, so the journal entry never lags behind what the engine acted on.
 *
 * <p>Threading: every method holds this object's monitor, the bot's journal lock; a new run is installed under it
 * too ({@link Bot#install}), so a state write of a replaced run is refused or lands before the new run starts.
 */
final class BotJournal {
    private final Bot bot;
    private final Journal port;
    private final String owner;
    private final EngineClock clock;
    private final List<OrderIntent> intents = new ArrayList<>();
    private final Map<String, String> state = new LinkedHashMap<>();
    private final Kept<Fill> unstoredFills = new Kept<>();
    private final Kept<OrderFailure> unstoredFailures = new Kept<>();

    BotJournal(Bot bot, Journal port, String owner, EngineClock clock) {
        this.bot = bot;
        this.port = port;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * Items that wait for the fill store (the database is unreachable), oldest first; they are journalled with the
     * next save and retried until stored.
     */
    final class Kept<T> {
        private final List<T> items = new ArrayList<>();

        void add(T item) {
            synchronized (BotJournal.this) {
                items.add(item);
            }
        }

        boolean isEmpty() {
            synchronized (BotJournal.this) {
                return items.isEmpty();
            }
        }

        /** Adds {@code item} behind the items kept already and returns true; false (nothing added) if none is kept. */
        boolean addBehind(T item) {
            synchronized (BotJournal.this) {
                if (items.isEmpty()) {
                    return false;
                }
                items.add(item);
                return true;
            }
        }

        /** The oldest item, or null. */
        T first() {
            synchronized (BotJournal.this) {
                return items.isEmpty() ? null : items.getFirst();
            }
        }

        /** Removes the oldest item; only the thread that stores kept items removes, and new ones go to the end. */
        void removeFirst() {
            synchronized (BotJournal.this) {
                items.removeFirst();
            }
        }

        int size() {
            synchronized (BotJournal.this) {
                return items.size();
            }
        }
    }

    Kept<Fill> unstoredFills() {
        return unstoredFills;
    }

    Kept<OrderFailure> unstoredFailures() {
        return unstoredFailures;
    }

    /** Claims the bot in the journal for this process (see {@link Journal#claim}). */
    void claim() {
        port.claim(bot.id());
    }

    /** Gives up this process's claim of the bot (see {@link Journal#release}). */
    void release() {
        port.release(bot.id());
    }

    /** Fills and failed orders that wait for the fill store. */
    synchronized int unstoredCount() {
        return unstoredFills.items.size() + unstoredFailures.items.size();
    }

    /** Journals an order before it is sent; if the save fails the intent is not kept, and the exception propagates. */
    synchronized void addIntent(OrderIntent intent) {
        intents.add(intent);
        try {
            save();
        } catch (RuntimeException e) {
            intents.remove(intent);
            throw e;
        }
    }

    /** Adds an intent found by a recovery, without saving (the recovery saves once all are back). */
    synchronized void restoreIntent(OrderIntent intent) {
        intents.add(intent);
    }

    /** Clears the intent of a settled order and saves. */
    synchronized void clearIntent(OrderId orderId) {
        intents.removeIf(i -> i.orderId().equals(orderId));
        save();
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(state.get(key));
    }

    /** Puts a state value for {@code writer}, refused when a newer run replaced it; saves when the value changed. */
    synchronized void put(Run writer, String key, String value) {
        refuseIfReplaced(writer, "put '" + key + "'");
        if (!value.equals(state.put(key, value))) {
            save();
        }
    }

    synchronized void remove(Run writer, String key) {
        refuseIfReplaced(writer, "remove '" + key + "'");
        if (state.remove(key) != null) {
            save();
        }
    }

    synchronized Map<String, String> state() {
        return Map.copyOf(state);
    }

    synchronized void restoreState(Map<String, String> restored) {
        state.putAll(restored);
    }

    /**
     * Writes the bot's entry, or deletes it once the bot is stopped for good (by an operator, a limit or a failure)
     * with nothing in flight or waiting. A bot stopped by a shutdown always keeps its entry, with the status it had
     * ({@link Bot#resumeAs}) and its strategy state, so that the next run brings it back as it was.
     */
    synchronized void save() {
        RunStatus status = bot.status();
        RunStatus resumeAs = bot.resumeAs();
        if (status == RunStatus.STOPPED
                && resumeAs == null
                && intents.isEmpty()
                && unstoredFills.items.isEmpty()
                && unstoredFailures.items.isEmpty()) {
            port.delete(bot.id());
        } else {
            port.save(new JournalEntry(
                    bot.id(),
                    bot.strategyId(),
                    resumeAs != null ? resumeAs : status,
                    bot.configHash(),
                    owner,
                    intents,
                    state,
                    unstoredFills.items,
                    unstoredFailures.items,
                    clock.instant()));
        }
    }

    /**
     * Refuses a write of a run that a newer run of the bot has replaced (a stuck tick that ignored the watchdog's
     * interrupt, or a slow {@code onStop} after a restart or resume): the state belongs to the new instance now. A run
     * that ended with nothing after it ({@code onStop} on pause, stop or shutdown) may still write, so that it can
     * keep what the next run needs.
     */
    private void refuseIfReplaced(Run writer, String write) {
        Run latest = bot.run();
        if (latest != null && latest != writer) {
            throw new IllegalStateException("Bot '" + bot.id() + "': a replaced run of its strategy tried to " + write
                    + " in its state; the state belongs to the bot's current run");
        }
    }
}
