package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a bot back from what an earlier process left: its positions and counts from its stored fills, and from its
 * journal entry its strategy state, the fills and failed orders that wait for the store, and the orders that were in
 * flight. In one step: everything is back in memory (every intent journalled and reserved again) before the first
 * order is resolved, so a crash during the recovery loses nothing. An order in flight is never sent again, only
 * resolved through {@link SwapExecutor#resolve}: its fills are applied once (a set of the fills already counted), and
 * an order whose outcome is not known yet stays reserved and is asked about again in the background, until it is known
 * or its intent has expired.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final SwapExecutor executor;
    private final Settlement settlement;
    private final StoreBacklog backlog;
    private final Retries retries;
    private final EngineClock clock;
    private final Duration intentExpiry;

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
        Set<String> counted = applyFills(bot, entry, stored);
        if (entry.isEmpty()) {
            return;
        }
        BotJournal journal = bot.journal();
        journal.restoreState(entry.get().state());
        keepUnstored(bot, entry.get(), stored);
        List<SwapOrder> inFlight = new ArrayList<>();
        for (OrderIntent intent : entry.get().pendingIntents()) {
            bot.book().reserveInFlight(intent.side(), intent.mint(), intent.amountIn());
            journal.restoreIntent(intent);
            inFlight.add(new SwapOrder(
                    intent.orderId(),
                    bot.id(),
                    intent.mint(),
                    intent.side(),
                    intent.amountIn(),
                    bot.spec().slippageBps(),
                    bot.spec().priorityFee(),
                    intent.createdAt()));
        }
        List<SwapOrder> unresolved = new ArrayList<>();
        for (SwapOrder order : inFlight) {
            if (!resolve(bot, order, counted)) {
                unresolved.add(order);
                log.warn(
                        "Bot '{}' order {} was in flight and its outcome is not known yet; it stays reserved and is"
                                + " resolved in the background",
                        bot.id(),
                        order.orderId());
            }
        }
        if (!unresolved.isEmpty()) {
            List<SwapOrder> open = new java.util.concurrent.CopyOnWriteArrayList<>(unresolved);
            retries.add(new Retries.Key(bot, Recovery.class), () -> {
                open.removeIf(order -> resolve(bot, order, counted));
                return open.isEmpty();
            });
        }
    }

    /** Applies the stored fills and those the journal kept, each once; returns their keys. */
    private static Set<String> applyFills(Bot bot, Optional<JournalEntry> entry, List<Fill> stored) {
        Set<OrderId> orders = new HashSet<>();
        Set<OrderId> buys = new HashSet<>();
        Set<String> known = ConcurrentHashMap.newKeySet();
        List<Fill> all = new ArrayList<>(stored);
        entry.ifPresent(e -> all.addAll(e.unstoredFills()));
        for (Fill fill : all) {
            if (!known.add(key(fill))) {
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
        bot.restoreCounts(buys.size(), orders.size());
        return known;
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
        int waiting = bot.journal().unstoredCount();
        if (waiting > 0) {
            log.warn(
                    "Bot '{}' has {} fills and {} failed orders that wait to be stored",
                    bot.id(),
                    bot.journal().unstoredFills().size(),
                    bot.journal().unstoredFailures().size());
            backlog.retryKept(bot);
        }
    }

    /**
     * Asks the executor what became of an order a dead process sent, and settles it: true if it is settled (landed,
     * failed, or unknown for longer than the intent expiry), false if it must be asked again later.
     */
    private boolean resolve(Bot bot, SwapOrder order, Set<String> counted) {
        Optional<SwapOutcome> outcome;
        try {
            outcome = executor.resolve(order);
        } catch (RuntimeException e) {
            log.warn("Bot '{}' could not resolve order {}: {}", bot.id(), order.orderId(), e.toString());
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
        } else if (order.submittedAt().plus(intentExpiry).isAfter(clock.instant())) {
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
            if (counted.contains(key(fill))) {
                countedBefore = true;
            } else {
                fresh.add(fill);
            }
        }
        log.info(
                "Bot '{}' resolved order {} sent before a crash: {}",
                bot.id(),
                order.orderId(),
                failure == null ? fills.size() + " fill(s)" : "failed at " + failure.stage() + ": " + failure.reason());
        settlement.settle(bot, order, fresh, failure, !countedBefore, true);
        return true;
    }

    private static String key(Fill fill) {
        return fill.orderId().value() + "#" + fill.part();
    }
}
