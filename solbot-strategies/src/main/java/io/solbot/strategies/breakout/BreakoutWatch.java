package io.solbot.strategies.breakout;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.Candidate;
import io.solbot.strategies.common.internal.Gate;
import io.solbot.strategies.common.internal.Gates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The breakout's own gates and what they remember between ticks: the levels of breakouts seen (a fakeout is a price
 * back below one), the tokens in their fakeout cooldown, and the rug blacklist (a token whose pool was drained or
 * whose price fell by {@link #RUG_DROP_PERCENT} or more over the rug window is never bought again by this bot; kept
 * in the bot's state under {@code rugged}, written when a token is added).
 */
final class BreakoutWatch {
    /** A fall over the rug window that blacklists a token: half its price. */
    static final BigDecimal RUG_DROP_PERCENT = BigDecimal.valueOf(50);

    static final Duration BAR = Duration.ofMinutes(1);

    /**
     * Bars read at least, of which the last {@code lookback + 1} are used: bots with different lookbacks then read one
     * cache key per token, so a fleet of breakouts costs one upstream read of a token's bars, not one per lookback.
     * The candles are aligned on the current bar, so the tail of a longer read is the shorter one.
     */
    private static final int SHARED_BARS = 16;

    static final String RUGGED = "rugged";

    private final int lookback;
    private final BigDecimal thresholdPercent;
    private final BigDecimal minVolumeSurge;
    private final boolean useSignals;
    private final BigDecimal squeezeFraction;
    private final BigDecimal expansionMultiplier;
    private final Duration fakeoutCooldown;
    private final Duration rugWindow;
    private final LocalTime start;
    private final LocalTime end;
    private final Map<Mint, Price> levels = new HashMap<>();
    private final Map<Mint, Instant> fakeoutUntil = new HashMap<>();
    /** The blacklist's text in the state when last parsed, and what it parsed to. */
    private String ruggedText;

    private Set<String> rugged = new HashSet<>();

    BreakoutWatch(
            int lookback,
            BigDecimal thresholdPercent,
            BigDecimal minVolumeSurge,
            boolean useSignals,
            BigDecimal squeezeFraction,
            BigDecimal expansionMultiplier,
            Duration fakeoutCooldown,
            Duration rugWindow,
            LocalTime start,
            LocalTime end) {
        this.lookback = lookback;
        this.thresholdPercent = thresholdPercent;
        this.minVolumeSurge = minVolumeSurge;
        this.useSignals = useSignals;
        this.squeezeFraction = squeezeFraction;
        this.expansionMultiplier = expansionMultiplier;
        this.fakeoutCooldown = fakeoutCooldown;
        this.rugWindow = rugWindow;
        this.start = start;
        this.end = end;
    }

    /** Before the pipeline: fakeouts among the breakouts seen, rugs among them and among the positions held. */
    void watch(StrategyContext ctx) {
        for (var it = levels.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Mint, Price> e = it.next();
            Optional<Price> price = ctx.market().price(e.getKey());
            if (price.isPresent() && price.get().isBelow(e.getValue())) {
                fakeoutUntil.put(e.getKey(), ctx.now().plus(fakeoutCooldown));
                it.remove();
            }
        }
        Set<Mint> watched = new LinkedHashSet<>(levels.keySet());
        for (Position p : ctx.positions()) {
            watched.add(p.mint());
        }
        for (Mint mint : watched) {
            if (rugged(ctx, mint)) {
                blacklist(ctx, mint);
            }
        }
    }

    private boolean rugged(StrategyContext ctx, Mint mint) {
        Optional<Pool> pool = ctx.market().pool(mint);
        if (pool.isPresent() && pool.get().isDrained()) {
            return true;
        }
        Optional<Candle> candle = ctx.market().candle(mint, rugWindow);
        return candle.isPresent()
                && !candle.get().open().isZero()
                && candle.get().changePercent().compareTo(RUG_DROP_PERCENT.negate()) <= 0;
    }

    /**
     * The rug blacklist kept in the bot's state, parsed again only when the state's text is not the one this watch
     * last wrote or read (a restart): it is asked for every candidate of every tick, and grows a token at a time.
     */
    private Set<String> blacklisted(StrategyContext ctx) {
        String text = ctx.state().get(RUGGED).orElse(null);
        if (!Objects.equals(text, ruggedText)) {
            rugged = text == null ? new HashSet<>() : new HashSet<>(Arrays.asList(text.split(",")));
            ruggedText = text;
        }
        return rugged;
    }

    private void blacklist(StrategyContext ctx, Mint mint) {
        if (blacklisted(ctx).add(mint.toString())) {
            ruggedText = ruggedText == null ? mint.toString() : ruggedText + "," + mint;
            ctx.state().put(RUGGED, ruggedText);
        }
    }

    /** The gates, in order: time of day (if set), rug blacklist, fakeout cooldown, the breakout signal. */
    List<Gate> gates() {
        List<Gate> out = new ArrayList<>();
        if (start != null && end != null) {
            out.add(Gates.gate("time-of-day", this::timeOfDay));
        }
        out.add(Gates.gate("rug-blacklist", c -> {
            // a token blacklisted before needs no candle read to stay so
            boolean before = blacklisted(c.ctx()).contains(c.mint().toString());
            if (!before && rugged(c.ctx(), c.mint())) {
                blacklist(c.ctx(), c.mint());
                before = true;
            }
            return before ? Optional.of("rugged before: never bought again") : Optional.empty();
        }));
        out.add(Gates.gate("fakeout", c -> {
            Instant until = fakeoutUntil.get(c.mint());
            return until != null && c.ctx().now().isBefore(until)
                    ? Optional.of("fell back below its breakout level; waiting until " + until)
                    : Optional.empty();
        }));
        out.add(Gates.gate("breakout", this::breakout));
        return out;
    }

    private Optional<String> timeOfDay(Candidate c) {
        LocalTime now = LocalTime.ofInstant(c.ctx().now(), ZoneOffset.UTC);
        boolean inside = start.isAfter(end)
                ? !now.isBefore(start) || now.isBefore(end) // wraps past midnight
                : !now.isBefore(start) && now.isBefore(end);
        return inside ? Optional.empty() : Optional.of(now + " UTC is outside " + start + "-" + end);
    }

    private Optional<String> breakout(Candidate c) {
        List<Candle> read = c.candles(BAR, Math.max(SHARED_BARS, lookback + 1));
        List<Candle> bars = read.subList(Math.max(0, read.size() - (lookback + 1)), read.size());
        if (bars.size() < lookback + 1) {
            return Optional.of("not enough history: " + bars.size() + " of " + (lookback + 1) + " bars");
        }
        List<Candle> before = bars.subList(0, lookback);
        Candle now = bars.getLast();
        Price level = before.stream().map(Candle::high).max(Price::compareTo).orElseThrow();
        BigDecimal above = level.value().multiply(BigDecimal.ONE.add(thresholdPercent.movePointLeft(2)));
        if (now.close().value().compareTo(above) <= 0) {
            return Optional.of(
                    "close " + now.close() + " is not above the high " + level + " of the last " + lookback + " bars");
        }
        long volumes = 0;
        for (Candle bar : before) {
            volumes = Math.addExact(volumes, bar.volume().value());
        }
        BigDecimal average = BigDecimal.valueOf(volumes).divide(BigDecimal.valueOf(lookback), Price.MATH);
        if (BigDecimal.valueOf(now.volume().value()).compareTo(average.multiply(minVolumeSurge)) < 0
                || now.volume().isZero()) {
            return Optional.of("volume " + now.volume() + " is below " + minVolumeSurge.toPlainString()
                    + " x the average of the last " + lookback + " bars");
        }
        if (useSignals) {
            Price low = before.stream().map(Candle::low).min(Price::compareTo).orElseThrow();
            if (low.isZero()
                    || level.value()
                                    .subtract(low.value())
                                    .divide(low.value(), Price.MATH)
                                    .compareTo(squeezeFraction)
                            > 0) {
                return Optional.of("no squeeze: the last " + lookback + " bars ranged from " + low + " to " + level);
            }
            BigDecimal ranges = BigDecimal.ZERO;
            for (Candle bar : before) {
                ranges = ranges.add(bar.high().value().subtract(bar.low().value()));
            }
            BigDecimal averageRange = ranges.divide(BigDecimal.valueOf(lookback), Price.MATH);
            BigDecimal range = now.high().value().subtract(now.low().value());
            if (range.compareTo(averageRange.multiply(expansionMultiplier)) < 0) {
                return Optional.of("no expansion: the bar's range is below " + expansionMultiplier.toPlainString()
                        + " x the average");
            }
        }
        levels.put(c.mint(), level);
        return Optional.empty();
    }
}
