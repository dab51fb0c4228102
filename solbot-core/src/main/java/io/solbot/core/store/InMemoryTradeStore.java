package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TradeStore} that keeps the fills in memory: the default, and for tests. Recording a fill again (same order
 * and part) has no effect. Thread-safe.
 */
public final class InMemoryTradeStore implements TradeStore {
    private final Map<BotId, Ledger> fills = new ConcurrentHashMap<>();

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

    /** One bot's fills in the order recorded, and the keys of those already recorded. */
    private static final class Ledger {
        final List<Fill> fills = new ArrayList<>();
        final Set<FillKey> keys = new HashSet<>();
    }

    private record FillKey(OrderId orderId, int part) {}
}
