package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a bot back from what an earlier process left, and resolves every order whose outcome is not known: one found
 * in flight by a recovery, or one whose executor threw instead of answering. In one step: everything of a recovered
 * bot is back in memory (every intent journalled and reserved again) before the first order is resolved, so a crash
 * during the recovery loses nothing. An order whose outcome is not known is never sent again, only resolved through
 * {@link SwapExecutor#resolve}; until then it stays journalled and reserved, and is asked about again in the
 * background. Resolution is idempotent: each order is settled once (a set of the orders settled), and a fill the
 * store already holds is applied once (a set of the fills counted).
 *
 * <p>An order whose outcome stays unknown is treated as failed (expired) once {@code intentExpiry} has passed by this
 * process's monotonic clock since it began to wait for it: a wall clock stepped forward or back can make it neither
 * expire early nor wait forever.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /**
     * An order waiting for its outcome: since when this process waits (engine nanos), and whether a recovery found it
     * (the failure count, the halt and the completion are then the recovery's to decide, not this order's).
     */
    private record Waiting(long sinceNanos, boolean recovered) {}

    /** One bot's orders whose outcome is not known yet; its sets keep resolution idempotent. */
    private static final class Unresolved {
        final Map<SwapOrder, Waiting> waiting = new ConcurrentHashMap<>();
        /** Keys of the fills applied already (restored from the store or settled here). */
        final Set<String> counted = ConcurrentHashMap.newKeySet();
        /** Orders settled already: a retry after a failure half-way never settles one twice. */
        final Set<OrderId> settled = ConcurrentHashMap.newKeySet();
    }

    private final SwapExecutor executor;
    private final Settlement settlement;
    private final StoreBacklog backlog;
    private final Retries retries;
    private final EngineClock clock;
    private final Duration intentExpiry;
    private final Map<Bot, Unresolved> unresolved = new ConcurrentHashMap<>();

    Recovery(
            SwapExecutor executor,
            Settlement settlement,
            StoreBacklog backlog,
            Retries retries,
            EngineClock clock,
            Duration intentExpiry) {
        this.executor = executor;
        this.settlement = settlement;
        this.backlog = backlog;
        this.retries = retries;
        this.clock = clock;
        this.intentExpiry = intentExpiry;
    }

    /**
     * Rebuilds the bot's positions, counts and state from its stored fills and its journal entry, then resolves the
     * orders the entry holds in flight. The caller holds the bot's lock; the bot has no run yet.
     */
    void restore(Bot bot, Optional<JournalEntry> entry, List<Fill> stored) {
        Unresolved pending = unresolved.computeIfAbsent(bot, b -> new Unresolved());
        applyFills(bot, entry, stored, pending.counted);
        if (entry.isEmpty()) {
            retryWaiting(bot); // nothing waits: the restored fills' keys are not needed
            return;
        }
        BotJournal journal = bot.journal();
        journal.restoreState(entry.get().state());
        keepUnstored(bot, entry.get(), stored);
        List<SwapOrder> inFlight = new ArrayList<>();
        for (OrderIntent intent : entry.get().pendingIntents()) {
            bot.book().reserveInFlight(intent.side(), intent.mint(), intent.amountIn());
            journal.restoreIntent(intent);
            inFlight.add(SwapOrder.of(
                    intent.orderId(),
                    bot.id(),
                    intent.mint(),
                    intent.side(),
                    intent.amountIn(),
                    bot.spec().slippageBps(),
                    bot.spec().priorityFee(),
                    intent.options(),
                    intent.createdAt()));
        }
        Waiting found = new Waiting(clock.nanos(), true);
        inFlight.forEach(order -> pending.waiting.put(order, found));
        for (SwapOrder order : inFlight) {
            if (!resolve(bot, order, pending)) {
                log.warn(
                        "Bot '{}' order {} was in flight and its outcome is not known yet; it stays reserved and is"
                                + " resolved in the background",
                        bot.id(),
                        order.orderId());
            }
        }
        retryWaiting(bot);
    }

    /**
     * The executor could not tell how {@code order} ended (it threw): the order stays journalled and reserved, and is
     * resolved in the background like an order a recovery found in flight.
     */
    void resolveLater(Bot bot, SwapOrder order) {
        unresolved.computeIfAbsent(bot, b -> new Unresolved()).waiting.put(order, new Waiting(clock.nanos(), false));
        retryWaiting(bot);
    }

    /**
     * Asks about the bot's waiting orders in the background until none is left. The attempt looks the bot's orders up
     * each time rather than holding them, so an order added while an attempt runs is never missed; the bot's entry goes
     * once nothing waits (its set of restored fills with it).
     */
    private void retryWaiting(Bot bot) {
        unresolved.computeIfPresent(bot, (b, u) -> u.waiting.isEmpty() ? null : u);
        if (!unresolved.containsKey(bot)) {
            return;
        }
        retries.add(new Retries.Key(bot, Recovery.class), () -> {
            Unresolved pending = unresolved.get(bot);
            if (pending != null) {
                for (SwapOrder order : List.copyOf(pending.waiting.keySet())) {
                    resolve(bot, order, pending);
                }
            }
            return unresolved.computeIfPresent(bot, (b, u) -> u.waiting.isEmpty() ? null : u) == null;
        });
    }

    /** Applies the stored fills and those the journal kept, each once, counting their keys in {@code counted}. */
    private static void applyFills(Bot bot, Optional<JournalEntry> entry, List<Fill> stored, Set<String> counted) {
        Set<OrderId> orders = new HashSet<>();
        Set<OrderId> buys = new HashSet<>();
        List<Fill> all = new ArrayList<>(stored);
        entry.ifPresent(e -> all.addAll(e.unstoredFills()));
        for (Fill fill : all) {
            if (!counted.add(key(fill))) {
                continue;
            }
            if (bot.book().apply(fill).signum() > 0) {
                log.warn("Bot '{}' restored a sell of more {} than its positions held", bot.id(), fill.mint());
            }
            orders.add(fill.orderId());
            if (fill.side() == Side.BUY) {
                buys.add(fill.orderId());
            }
        }
        bot.figures().restoreCounts(buys.size(), orders.size());
    }

    /** Keeps what the entry says waits for the store, less what the store has since taken. */
    private void keepUnstored(Bot bot, JournalEntry entry, List<Fill> stored) {
        Set<String> storedKeys = new HashSet<>();
        stored.forEach(f -> storedKeys.add(key(f)));
        Set<String> kept = new HashSet<>();
        for (Fill fill : entry.unstoredFills()) {
            if (!storedKeys.contains(key(fill)) && kept.add(key(fill))) {
                bot.journal().unstoredFills().add(fill);
            }
        }
        // the store may have taken some before the crash; recording a failure again is harmless
        Set<OrderId> keptFailures = new HashSet<>();
        for (OrderFailure failure : entry.unstoredFailures()) {
            if (keptFailures.add(failure.orderId())) {
                bot.journal().unstoredFailures().add(failure);
            }
        }
        if (bot.journal().unstoredCount() > 0) {
            log.warn(
                    "Bot '{}' has {} fills and {} failed orders that wait to be stored",
                    bot.id(),
                    bot.journal().unstoredFills().size(),
                    bot.journal().unstoredFailures().size());
            backlog.retryKept(bot);
        }
    }

    /**
     * Asks the executor what became of {@code order}, and settles it once: true if it is settled (landed, failed, or
     * unknown for longer than the intent expiry), false if it must be asked again later.
     */
    private boolean resolve(Bot bot, SwapOrder order, Unresolved pending) {
        Waiting waiting = pending.waiting.get(order);
        if (waiting == null || pending.settled.contains(order.orderId())) {
            pending.waiting.remove(order);
            return true;
        }
        Optional<SwapOutcome> outcome;
        try {
            outcome = executor.resolve(order);
        } catch (RuntimeException e) {
            log.warn("Bot '{}' could not resolve order {}: {}", bot.id(), order.orderId(), Redaction.describe(e));
            outcome = Optional.empty();
        }
        List<Fill> fills;
        OrderFailure failure;
        if (outcome.isPresent()) {
            switch (outcome.get()) {
                case SwapOutcome.Filled f -> {
                    fills = f.fills();
                    failure = null;
                }
                case SwapOutcome.Failed f -> {
                    fills = f.partialFills();
                    failure = f.failure();
                }
            }
        } else if (clock.nanos() - waiting.sinceNanos() < intentExpiry.toNanos()) {
            return false;
        } else {
            fills = List.of();
            failure = new OrderFailure(
                    order.orderId(),
                    order.mint(),
                    order.side(),
                    "recovery",
                    "its outcome was still unknown " + intentExpiry + " after it was sent: treated as expired",
                    clock.instant());
        }
        List<Fill> fresh = new ArrayList<>();
        boolean countedBefore = false;
        for (Fill fill : fills) {
            if (pending.counted.contains(key(fill))) {
                countedBefore = true;
            } else {
                fresh.add(fill);
            }
        }
        log.info(
                "Bot '{}' resolved order {} whose outcome was not known: {}",
                bot.id(),
                order.orderId(),
                failure == null ? fills.size() + " fill(s)" : "failed at " + failure.stage() + ": " + failure.reason());
        CrashPoints.hit("mid-recovery-resolve");
        // marked before it settles: a settlement that throws half-way (a journal it cannot write) is not repeated
        pending.settled.add(order.orderId());
        pending.waiting.remove(order);
        fresh.forEach(f -> pending.counted.add(key(f)));
        settlement.settle(bot, order, fresh, failure, !countedBefore, waiting.recovered());
        return true;
    }

    private static String key(Fill fill) {
        return fill.orderId().value() + "#" + fill.part();
    }
}
