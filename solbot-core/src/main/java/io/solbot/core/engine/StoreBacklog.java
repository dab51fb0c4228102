package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.store.FillStore;
import io.solbot.core.store.PermanentStoreRefusal;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gets every fill and failed order into the fill store, even through an outage. An item the store refuses is kept
 * in the bot's journal ({@link BotJournal#unstoredFills()}, {@link BotJournal#unstoredFailures()}), and so is every
 * later item of that bot, behind it, so that the store sees each bot's fills in order (a sell never before the buy it
 * closes); one {@link Retries} loop stores the kept items, oldest first, until none is left. Fills and failures are
 * independent (a failure changes no position): a failure never waits for the fills, nor a fill for the failures.
 *
 * <p>A refusal for good (a {@link PermanentStoreRefusal}: the store says the write contradicts what it holds) is not
 * kept and retried forever behind the bot's later items: the bot is FAILED with the refusal as its reason, the item
 * is dropped from the backlog (it stays in the executor's record and in the log line), and the bot's later items are
 * stored as usual.
 */
final class StoreBacklog {
    private static final Logger log = LoggerFactory.getLogger(StoreBacklog.class);

    private final FillStore store;
    private final Retries retries;
    private final Settlement.Halts halts;

    StoreBacklog(FillStore store, Retries retries, Settlement.Halts halts) {
        this.store = store;
        this.retries = retries;
        this.halts = halts;
    }

    /** Stores {@code fill}, or keeps it for the retry. */
    void store(Bot bot, Fill fill) {
        storeOrKeep(
                bot,
                bot.journal().unstoredFills(),
                fill,
                store::record,
                f -> "fill " + f.orderId() + " part " + f.part());
    }

    /** Stores {@code failure} (it may have paid fees: it landed and reverted), or keeps it for the retry. */
    void store(Bot bot, OrderFailure failure) {
        storeOrKeep(
                bot,
                bot.journal().unstoredFailures(),
                failure,
                f -> store.recordFailure(bot.id(), f),
                f -> "the failure of order " + f.orderId());
    }

    /** A recovered bot's journal held items the store had not taken: retry them. */
    void retryKept(Bot bot) {
        retries.add(new Retries.Key(bot, StoreBacklog.class), () -> retry(bot));
    }

    private <T> void storeOrKeep(
            Bot bot, BotJournal.Kept<T> kept, T item, Consumer<T> write, Function<T, String> describe) {
        if (kept.addBehind(item)) {
            return;
        }
        try {
            write.accept(item);
        } catch (RuntimeException e) {
            if (e instanceof PermanentStoreRefusal) {
                refusedForGood(bot, describe.apply(item), e);
                return;
            }
            log.error(
                    "Bot '{}' could not store {}; it stays in the journal and is retried: {}",
                    bot.id(),
                    describe.apply(item),
                    e.toString());
            kept.add(item);
            retryKept(bot);
        }
    }

    private void refusedForGood(Bot bot, String what, RuntimeException e) {
        log.error("Bot '{}': the fill store refused {} for good; the bot stops", bot.id(), what, Redaction.redact(e));
        halts.fail(bot, "the fill store refused " + what + " for good: " + Redaction.describe(e));
    }

    /** One retry: stores the bot's kept fills, then its kept failures; true when none is left. */
    private boolean retry(Bot bot) {
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id().value());
        try {
            // both, whatever the first gives: a fill the store keeps refusing must not hold the failures back
            boolean fills = storeKept(
                    bot,
                    bot.journal().unstoredFills(),
                    store::record,
                    f -> "fill " + f.orderId() + " part " + f.part(),
                    "fill(s)");
            boolean failures = storeKept(
                    bot,
                    bot.journal().unstoredFailures(),
                    f -> store.recordFailure(bot.id(), f),
                    f -> "the failure of order " + f.orderId(),
                    "failed order(s)");
            return fills && failures && bot.journal().unstoredCount() == 0;
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
    }

    /**
     * Stores what the bot kept, oldest first, until the store refuses one; rewrites the journal if any was stored.
     * True when the store took all of them.
     */
    private <T> boolean storeKept(
            Bot bot, BotJournal.Kept<T> kept, Consumer<T> write, Function<T, String> describe, String what) {
        int stored = 0;
        boolean failed = false;
        T next;
        while ((next = kept.first()) != null) {
            try {
                write.accept(next);
            } catch (RuntimeException e) {
                if (!(e instanceof PermanentStoreRefusal)) {
                    log.debug(
                            "Bot '{}': the fill store still refuses {}: {}",
                            bot.id(),
                            describe.apply(next),
                            e.toString());
                    failed = true;
                    break;
                }
                kept.removeFirst();
                stored++; // it leaves the journal too
                refusedForGood(bot, describe.apply(next), e);
                continue;
            }
            kept.removeFirst();
            stored++;
        }
        if (stored > 0) {
            try {
                bot.journal().save();
            } catch (RuntimeException e) {
                log.error("Could not write the journal of bot '{}'", bot.id(), e);
            }
            log.info("Bot '{}' stored {} {} that waited for the fill store", bot.id(), stored, what);
        }
        return !failed;
    }
}
