package io.solbot.strategies.trendfollower;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Exponential moving averages of a token's one-minute closes over increasing periods, and whether they line up: up
 * when the price is above the shortest and each is above the next longer one, down when the reverse holds. An EMA of
 * period n starts at the mean of the first n closes read and weighs each later close by 2 / (n + 1); twice the
 * longest period of bars is read (at most a day), so the seed's weight has faded by the last bar.
 */
final class Trend {
    static final Duration BAR = Duration.ofMinutes(1);

    enum Direction {
        UP,
        DOWN,
        NONE
    }

    /** What the EMAs say of a token now: a direction, or why none can be told. */
    record Reading(Direction direction, String why) {}

    private final List<Integer> periods;
    private final int bars;

    Trend(List<Integer> periods) {
        this.periods = List.copyOf(periods);
        int longest = this.periods.getLast();
        this.bars = Math.min(1440, Math.max(2 * longest, longest + 1));
    }

    List<Integer> periods() {
        return periods;
    }

    /** How the EMAs of {@code mint} line up against {@code price}. */
    Reading read(StrategyContext ctx, Mint mint, Price price) {
        List<Candle> candles = ctx.market().candles(mint, BAR, bars);
        int longest = periods.getLast();
        if (candles.size() < longest) {
            return new Reading(
                    Direction.NONE, "not enough history: " + candles.size() + " of " + longest + " one-minute bars");
        }
        List<BigDecimal> emas =
                emas(candles.stream().map(c -> c.close().value()).toList());
        return new Reading(direction(price.value(), emas), describe(price, emas));
    }

    /** The EMA of {@code closes} (oldest first, at least the longest period of them) for each period, in order. */
    List<BigDecimal> emas(List<BigDecimal> closes) {
        List<BigDecimal> out = new ArrayList<>(periods.size());
        for (int period : periods) {
            BigDecimal k = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(period + 1L), Price.MATH);
            BigDecimal keep = BigDecimal.ONE.subtract(k);
            BigDecimal ema = BigDecimal.ZERO;
            for (int i = 0; i < period; i++) {
                ema = ema.add(closes.get(i));
            }
            ema = ema.divide(BigDecimal.valueOf(period), Price.MATH);
            for (int i = period; i < closes.size(); i++) {
                ema = closes.get(i).multiply(k, Price.MATH).add(ema.multiply(keep, Price.MATH), Price.MATH);
            }
            out.add(ema);
        }
        return out;
    }

    private static Direction direction(BigDecimal price, List<BigDecimal> emas) {
        boolean up = price.compareTo(emas.getFirst()) > 0;
        boolean down = price.compareTo(emas.getFirst()) < 0;
        for (int i = 1; i < emas.size(); i++) {
            int c = emas.get(i - 1).compareTo(emas.get(i));
            up &= c > 0;
            down &= c < 0;
        }
        return up ? Direction.UP : down ? Direction.DOWN : Direction.NONE;
    }

    private String describe(Price price, List<BigDecimal> emas) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < emas.size(); i++) {
            parts.add("EMA" + periods.get(i) + " "
                    + emas.get(i).round(new java.math.MathContext(6)).toPlainString());
        }
        return "price " + price + ", " + parts.stream().collect(Collectors.joining(", "));
    }

    Optional<String> notUp(Reading reading) {
        return reading.direction() == Direction.UP
                ? Optional.empty()
                : Optional.of(
                        reading.why().startsWith("not enough")
                                ? reading.why()
                                : "not aligned upward: " + reading.why());
    }
}
