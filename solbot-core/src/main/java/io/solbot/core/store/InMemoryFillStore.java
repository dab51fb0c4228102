package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FillStore} that keeps the fills and failures in memory: the default, and for tests. Recording a fill again
 * (same order and part), or a failure again (same order), has no effect. Thread-safe.
 */
public final class InMemoryFillStore implements FillStore {
    private final Map<BotId, Ledger> fills = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryFillStore() {}

    @Override
    public void record(Fill fill) {
        Ledger ledger = fills.computeIfAbsent(fill.botId(), id -> new Ledger());
        synchronized (ledger) {
            // a set, not a scan of the list: a long backtest records many thousands of fills per bot
            if (ledger.keys.add(new FillKey(fill.orderId(), fill.part()))) {
                ledger.fills.add(fill);
            }
        }
    }

    @Override
    public List<Fill> fills(BotId botId) {
        Ledger ledger = fills.get(botId);
        if (ledger == null) {
            return List.of();
        }
        synchronized (ledger) {
            return List.copyOf(ledger.fills);
        }
    }

    @Override
    public void recordFailure(BotId botId, OrderFailure failure) {
        Ledger ledger = fills.computeIfAbsent(botId, id -> new Ledger());
        synchronized (ledger) {
            ledger.failures.putIfAbsent(failure.orderId(), failure);
        }
    }

    @Override
    public List<OrderFailure> failures(BotId botId) {
        Ledger ledger = fills.get(botId);
        if (ledger == null) {
            return List.of();
        }
        synchronized (ledger) {
            return List.copyOf(ledger.failures.values());
        }
    }

    /** One bot's fills in the order recorded, the keys of those already recorded, and its failures by order. */
    private static final class Ledger {
        final List<Fill> fills = new ArrayList<>();
        final Set<FillKey> keys = new HashSet<>();
        /** In the order recorded. */
        final Map<OrderId, OrderFailure> failures = new LinkedHashMap<>();
    }

    private record FillKey(OrderId orderId, int part) {}
}
