package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TradeStore} that keeps the fills in memory: the default, and for tests. Recording a fill again (same order
 * and part) has no effect. Thread-safe.
 */
public final class InMemoryTradeStore implements TradeStore {
    private final Map<BotId, List<Fill>> fills = new ConcurrentHashMap<>();

    @Override
    public void record(Fill fill) {
        List<Fill> list = fills.computeIfAbsent(fill.botId(), id -> new ArrayList<>());
        synchronized (list) {
            boolean seen = list.stream().anyMatch(f -> f.orderId().equals(fill.orderId()) && f.part() == fill.part());
            if (!seen) {
                list.add(fill);
            }
        }
    }

    @Override
    public List<Fill> fills(BotId botId) {
        List<Fill> list = fills.get(botId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
