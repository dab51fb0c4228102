package io.solbot.core.execution;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import java.util.List;
import java.util.Objects;

/** How a {@link SwapOrder} ended: filled (in one or more parts), or failed. */
public sealed interface SwapOutcome {
    /** The order filled; {@code fills} are its parts in order, each carrying its own landing time. */
    record Filled(List<Fill> fills) implements SwapOutcome {
        public Filled {
            fills = List.copyOf(fills);
            if (fills.isEmpty()) {
                throw new IllegalArgumentException("a filled order has at least one fill");
            }
        }
    }

    /** The order did not fill; nothing (or, for a partial failure, only the earlier parts) changed hands. */
    record Failed(OrderFailure failure, List<Fill> partialFills) implements SwapOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            partialFills = List.copyOf(partialFills);
        }
    }
}
