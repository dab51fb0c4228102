package io.solbot.core.spi;

import io.solbot.core.domain.OrderId;
import java.util.Objects;

/** What became of an order request: submitted for execution, or refused before anything was sent. */
public sealed interface OrderResult {
    /** The order passed every check, was journalled, and is executing. */
    record Submitted(OrderId orderId) implements OrderResult {
        public Submitted {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The order was refused; nothing was sent. {@code reason} says which check refused it and why. */
    record Refused(String reason) implements OrderResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean isSubmitted() {
        return this instanceof Submitted;
    }
}
