package io.solbot.core.event;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.StopReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a bot or one of its orders. Immutable. Delivered to each subscriber in the order the
 * engine published it for a bot, on a thread of the subscriber's own: a slow or throwing subscriber delays neither
 * bots nor other subscribers.
 */
public sealed interface EngineEvent {
    /** The bot it happened to. */
    BotId botId();

    /** When it happened, on the engine's clock. */
    Instant at();

    /** The bot started a new run (from {@code start} or an operator {@code restart}). */
    record BotStarted(BotId botId, String strategyId, Instant at) implements EngineEvent {
        public BotStarted {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(strategyId, "strategyId");
            Objects.requireNonNull(at, "at");
        }
    }

    record BotPaused(BotId botId, Instant at) implements EngineEvent {
        public BotPaused {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(at, "at");
        }
    }

    record BotResumed(BotId botId, Instant at) implements EngineEvent {
        public BotResumed {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The bot stopped for {@code reason}, and will not tick again unless it is started again. */
    record BotStopped(BotId botId, StopReason reason, Instant at) implements EngineEvent {
        public BotStopped {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The watchdog (or an operator) restarted the bot with a new strategy instance.
     *
     * @param restartCount the bot's restarts so far, this one included
     * @param cause why, for people: the exception of a failed tick, a stall, or "requested"
     */
    record BotRestarted(BotId botId, int restartCount, String cause, Instant at) implements EngineEvent {
        public BotRestarted {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The bot is FAILED (too many restarts, or too many failed orders in a row); {@code reason} says why. */
    record BotFailed(BotId botId, String reason, Instant at) implements EngineEvent {
        public BotFailed {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An order passed every check, was journalled and went to the executor. */
    record OrderSubmitted(BotId botId, OrderId orderId, Mint mint, Side side, TokenAmount amountIn, Instant at)
            implements EngineEvent {
        public OrderSubmitted {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(amountIn, "amountIn");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A check refused an order before anything was sent; {@code reason} names the check. */
    record OrderRefused(BotId botId, Mint mint, Side side, String reason, Instant at) implements EngineEvent {
        public OrderRefused {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An order filled, or one part of it did. */
    record OrderFilled(BotId botId, Fill fill, Instant at) implements EngineEvent {
        public OrderFilled {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A submitted order did not fill. */
    record OrderFailed(BotId botId, OrderFailure failure, Instant at) implements EngineEvent {
        public OrderFailed {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(at, "at");
        }
    }
}
