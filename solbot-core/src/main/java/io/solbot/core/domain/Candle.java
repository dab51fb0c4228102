package io.solbot.core.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one token traded over a span of time: its price at the start and the end, the highest and lowest between, and
 * the swaps made against its pool (everyone's: ours and other traders'). What a chart's candle shows, and what a
 * strategy's "change over the last 5 minutes" or "volume over the last hour" reads. Immutable.
 *
 * @param start when the span begins, inclusive
 * @param end when it ends: exclusive for a finished candle, the time of the read for the current one
 * @param open the price at {@code start} (the last price before it), or the first price in the span for a token
 *     listed within it
 * @param high the highest price in the span, {@code open} included
 * @param low the lowest price in the span, {@code open} included
 * @param close the price at {@code end}: the last one in the span, or {@code open} if the price did not move
 * @param volume SOL that changed hands in the span's swaps: what buys spent and sells received, fees included
 * @param tokenVolume tokens that changed hands in those swaps, in raw units of the token
 * @param trades how many swaps there were
 */
public record Candle(
        Instant start,
        Instant end,
        Price open,
        Price high,
        Price low,
        Price close,
        Lamports volume,
        TokenAmount tokenVolume,
        long trades) {
    /**
     * @throws IllegalArgumentException if {@code end} is before {@code start}, the prices are not within {@code low}
     *     and {@code high}, or the volume or trade count is negative
     */
    public Candle {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(tokenVolume, "tokenVolume");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a candle cannot end (" + end + ") before it starts (" + start + ")");
        }
        if (low.isAbove(open) || low.isAbove(close) || high.isBelow(open) || high.isBelow(close)) {
            throw new IllegalArgumentException(
                    "open " + open + " and close " + close + " must lie between low " + low + " and high " + high);
        }
        if (volume.isNegative() || tokenVolume.signum() < 0 || trades < 0) {
            throw new IllegalArgumentException("volumes and trades cannot be negative, but were " + volume + ", "
                    + tokenVolume + " and " + trades);
        }
    }

    /** The longest window a market read reaches back: 24 hours. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    /**
     * Checks a window (or a candle's width) a market read is asked for: whole seconds from 1 second to {@link
     * #MAX_WINDOW}.
     *
     * @return {@code window}
     * @throws IllegalArgumentException naming {@code name} and the window, if it is out of that range
     */
    public static Duration checkWindow(String name, Duration window) {
        Objects.requireNonNull(window, name);
        if (window.compareTo(Duration.ofSeconds(1)) < 0
                || window.compareTo(MAX_WINDOW) > 0
                || window.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException(
                    name + " must be whole seconds from 1 second to 24 hours, but was " + window);
        }
        return window;
    }

    /** How long the candle spans. */
    public Duration span() {
        return Duration.between(start, end);
    }

    /**
     * The change from {@code open} to {@code close} in percent, to {@link Price#MATH}: +10 means 10 % higher.
     *
     * @throws ArithmeticException if {@code open} is zero
     */
    public BigDecimal changePercent() {
        return close.percentChangeFrom(open);
    }

    /**
     * How far {@code high} is above {@code low}, in percent of {@code low}, to {@link Price#MATH}: how wide the span
     * traded (a squeeze is a narrow one).
     *
     * @throws ArithmeticException if {@code low} is zero
     */
    public BigDecimal rangePercent() {
        return high.percentChangeFrom(low);
    }

    /**
     * The volume-weighted average price of the span's swaps, {@code volume / tokenVolume} to {@link Price#MATH}, or
     * empty if nothing traded.
     */
    public Optional<Price> vwap() {
        if (trades == 0 || tokenVolume.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(Price.ofTrade(volume, tokenVolume));
    }
}
