package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper executor's {@code maxDailyTrades}: per bot and UTC day of submission, the orders that filled in whole or
 * in part. An order reserves its trade before it runs and gives it back if nothing filled; a bot keeps the count of
 * its latest day only.
 *
 * <p>The limit is given with each order: a bot's own simulation settings may set its own.
 *
 * <p>Threading: thread-safe.
 */
final class DailyTradeLimit {
    /** Per bot: {day (UTC epoch day), trades that day}. */
    private final Map<BotId, long[]> tradesToday = new HashMap<>();

    /** Takes one of the order's bot's {@code maxDailyTrades} trades of its day; false if none is left. */
    boolean reserve(SwapOrder order, int maxDailyTrades) {
        long day = day(order.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.computeIfAbsent(order.botId(), b -> new long[] {day, 0});
            if (count[0] != day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[1] >= maxDailyTrades) {
                return false;
            }
            count[1]++;
            return true;
        }
    }

    /** Whether {@code botId} has no trade left on the UTC day of {@code at}. */
    boolean isFull(BotId botId, Instant at, int maxDailyTrades) {
        long day = day(at);
        synchronized (tradesToday) {
            long[] count = tradesToday.get(botId);
            return count != null && count[0] == day && count[1] >= maxDailyTrades;
        }
    }

    /** Why an order of {@code botId} placed at {@code at} is refused: its day has no trade left. */
    static String refusal(BotId botId, Instant at, int maxDailyTrades) {
        return "maxDailyTrades of " + maxDailyTrades + " reached for " + botId + " on " + LocalDate.ofEpochDay(day(at))
                + " (UTC)";
    }

    /** Gives back the trade {@link #reserve} took for an order that filled nothing. */
    void release(SwapOrder order) {
        long day = day(order.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.get(order.botId());
            if (count != null && count[0] == day && count[1] > 0) {
                count[1]--;
            }
        }
    }

    /**
     * Counts an order an earlier executor ran (from its execution log) if it filled in whole or in part, as {@link
     * #reserve} counted it when it ran.
     */
    void count(SwapOutcome outcome) {
        List<Fill> fills = switch (outcome) {
            case SwapOutcome.Filled f -> f.fills();
            case SwapOutcome.Failed f -> f.partialFills();
        };
        if (fills.isEmpty()) {
            return;
        }
        Fill first = fills.getFirst();
        long day = day(first.submittedAt());
        synchronized (tradesToday) {
            long[] count = tradesToday.computeIfAbsent(first.botId(), b -> new long[] {day, 0});
            if (count[0] < day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[0] == day) {
                count[1]++;
            }
        }
    }

    /** Why {@link #reserve} refused {@code order}. */
    static String refusal(SwapOrder order, int maxDailyTrades) {
        return refusal(order.botId(), order.submittedAt(), maxDailyTrades);
    }

    private static long day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }
}
