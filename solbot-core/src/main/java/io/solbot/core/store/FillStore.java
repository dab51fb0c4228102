package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import java.util.List;

/**
 * Where the engine records what its orders exchanged: one call per fill, off every bot's tick path. A fill carries its
 * order id and part, so recording the same fill twice must be harmless. It also records the orders that failed, since
 * one that landed and reverted still paid its fees (see {@link OrderFailure#fee()}); an order fails at most once, so
 * recording the same failure twice (same bot and order id) must be harmless too. A store may refuse for good another
 * fill or failure under a key it holds (an order id used twice), rather than drop it: the PostgreSQL store does.
 * Thread-safe; calls may block.
 *
 * <p>A write that can never succeed is refused with an exception that implements {@link PermanentStoreRefusal}; any
 * other exception means the write may succeed if tried again later.
 */
public interface FillStore {
    /**
     * Records {@code fill}; a fill already recorded (same order id and part) changes nothing.
     *
     * @throws RuntimeException a {@link PermanentStoreRefusal} if the store refuses the fill for good (for example a
     *     sell of more than the bot's open lots hold, in a store that keeps lots); any other if it may succeed later
     */
    void record(Fill fill);

    /**
     * The fills recorded for {@code botId}, in the order they were recorded (not by their times, which a clock step
     * may have put out of order): positions rebuilt from them apply each sell after the buys it closes.
     * A store that does not keep a fill's {@linkplain Fill#reason() reason} gives it back with its side's default
     * ({@code entry}, {@code exit}, {@code write-off}); nothing the engine restores depends on it.
     */
    List<Fill> fills(BotId botId);

    /**
     * Records that an order of {@code botId} failed; a failure of an order already recorded changes nothing.
     *
     * @throws RuntimeException a {@link PermanentStoreRefusal} if the store refuses the failure for good
     */
    void recordFailure(BotId botId, OrderFailure failure);

    /**
     * The failures recorded for {@code botId}, oldest first by {@link OrderFailure#at()} (a failure stored late, after
     * an outage, still takes its place by time).
     */
    List<OrderFailure> failures(BotId botId);
}
