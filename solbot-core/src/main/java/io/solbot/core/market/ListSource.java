package io.solbot.core.market;

import java.time.Instant;
import java.util.List;

/** Events given up front, in time order. */
final class ListSource implements EventSource {
    private final List<MarketEvent> events;
    private int next;

    ListSource(List<? extends MarketEvent> events) {
        this.events = List.copyOf(events);
        for (int i = 1; i < this.events.size(); i++) {
            if (this.events.get(i).at().isBefore(this.events.get(i - 1).at())) {
                throw new IllegalArgumentException("market events must be in time order, but event " + (i + 1)
                        + " at " + this.events.get(i).at() + " comes after one at "
                        + this.events.get(i - 1).at());
            }
        }
    }

    @Override
    public MarketEvent next(Instant until, SimulatedMarket market) {
        if (next < events.size() && !events.get(next).at().isAfter(until)) {
            return events.get(next++);
        }
        return null;
    }

    @Override
    public Instant nextTime() {
        return next < events.size() ? events.get(next).at() : null;
    }
}
