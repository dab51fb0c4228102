package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The entry gates of the common pipeline, each named as its {@link Gate#name()} says. */
public final class Gates {
    private Gates() {}

    /** A gate named {@code name} that rejects with the reason {@code test} gives, if any. */
    public static Gate gate(String name, Function<Candidate, Optional<String>> test) {
        return new Gate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> reject(Candidate candidate) {
                return test.apply(candidate);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static Optional<String> no(String why) {
        return Optional.of(why);
    }

    /** {@code token-age}: listed at least {@code min} and at most {@code max} ago (either may be null). */
    public static Gate tokenAge(Duration min, Duration max) {
        return gate("token-age", c -> {
            Optional<TokenInfo> info = c.info();
            if (info.isEmpty()) {
                return no("age unknown");
            }
            Duration age = info.get().age(c.ctx().now());
            if (min != null && age.compareTo(min) < 0) {
                return no("age " + age + " is below " + min);
            }
            if (max != null && age.compareTo(max) > 0) {
                return no("age " + age + " is above " + max);
            }
            return Optional.empty();
        });
    }

    /** How long a Solana slot lasts, about: what a count of blocks after a launch is measured in. */
    static final Duration SLOT = Duration.ofMillis(400);

    /** {@code launch-blocks}: at least {@code blocks} slots have passed since the token was listed. */
    public static Gate launchBlocks(int blocks) {
        Duration min = SLOT.multipliedBy(blocks);
        return gate("launch-blocks", c -> {
            Optional<TokenInfo> info = c.info();
            if (info.isEmpty()) {
                return no("launch unknown");
            }
            Duration age = info.get().age(c.ctx().now());
            return age.compareTo(min) >= 0
                    ? Optional.empty()
                    : no("listed " + age + " ago, within its first " + blocks + " blocks (" + min + ")");
        });
    }

    /**
     * {@code warm-up}: since its listing (its last day at most), the token's price broke out at least {@code
     * breakoutPercent} above where it opened, and is now no more than {@code pullbackPercent} below that high: it
     * rose, and did not fall back.
     */
    public static Gate warmUp(BigDecimal breakoutPercent, BigDecimal pullbackPercent) {
        return gate("warm-up", c -> {
            Optional<TokenInfo> info = c.info();
            if (info.isEmpty()) {
                return no("launch unknown");
            }
            long seconds = info.get().age(c.ctx().now()).toSeconds();
            Duration window = Duration.ofSeconds(Math.clamp(seconds, 1, Candle.MAX_WINDOW.toSeconds()));
            Optional<Candle> since =
                    c.candle(window).filter(k -> !k.open().isZero() && !k.high().isZero());
            if (since.isEmpty()) {
                return no("no price history since its listing");
            }
            Candle k = since.get();
            BigDecimal rise = k.high().percentChangeFrom(k.open());
            if (rise.compareTo(breakoutPercent) < 0) {
                return no("rose " + pct(rise) + " since its listing, below the breakout of " + pct(breakoutPercent));
            }
            BigDecimal pullback = k.close().percentChangeFrom(k.high()).negate();
            return pullback.compareTo(pullbackPercent) <= 0
                    ? Optional.empty()
                    : no("fell back " + pct(pullback) + " from its high, more than " + pct(pullbackPercent));
        });
    }

    /** {@code pump}: the price rose at least {@code minPercent} over the last {@code window}. */
    public static Gate pump(Duration window, BigDecimal minPercent) {
        return gate(
                "pump",
                c -> change(c, window)
                        .map(change -> change.compareTo(minPercent) >= 0
                                ? Optional.<String>empty()
                                : no("change " + pct(change) + " over " + window + " is below " + pct(minPercent)))
                        .orElseGet(() -> no("no price history over " + window)));
    }

    /** {@code dip}: the price fell at least {@code dipPercent} over the last {@code window}. */
    public static Gate dip(Duration window, BigDecimal dipPercent) {
        return gate(
                "dip",
                c -> change(c, window)
                        .map(change -> change.compareTo(dipPercent.negate()) <= 0
                                ? Optional.<String>empty()
                                : no("change " + pct(change) + " over " + window + " is above -" + pct(dipPercent)))
                        .orElseGet(() -> no("no price history over " + window)));
    }

    private static Optional<BigDecimal> change(Candidate c, Duration window) {
        return c.candle(window).filter(k -> !k.open().isZero()).map(Candle::changePercent);
    }

    /** {@code volume}: at least {@code minUsd} traded over the last {@code window}. */
    public static Gate volume(Duration window, BigDecimal minUsd) {
        return gate("volume", c -> {
            Optional<Candle> candle = c.candle(window);
            Optional<SolUsd> usd = c.solUsd();
            if (candle.isEmpty() || usd.isEmpty()) {
                return no("volume over " + window + " unknown");
            }
            BigDecimal volume = usd.get().usd(candle.get().volume());
            return volume.compareTo(minUsd) >= 0
                    ? Optional.empty()
                    : no("volume " + usd(volume) + " over " + window + " is below " + usd(minUsd));
        });
    }

    /**
     * {@code volume-spike}: the volume of the last {@code window} is at least {@code multiple} times the average of the
     * {@code previous} windows before it.
     */
    public static Gate volumeSpike(Duration window, int previous, BigDecimal multiple) {
        return gate("volume-spike", c -> {
            List<Candle> series = c.candles(window, previous + 1);
            if (series.size() < 2) {
                return no("not enough volume history");
            }
            Lamports last = series.getLast().volume();
            long sum = 0;
            for (int i = 0; i < series.size() - 1; i++) {
                sum = Math.addExact(sum, series.get(i).volume().value());
            }
            BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(series.size() - 1), Price.MATH);
            return BigDecimal.valueOf(last.value()).compareTo(average.multiply(multiple)) >= 0
                    ? Optional.empty()
                    : no("volume " + last + " is below " + multiple.toPlainString() + " x the average "
                            + average.toBigInteger() + " lamports");
        });
    }

    /** {@code target-price}: the price is at most {@code maxUsd} per token. */
    public static Gate targetPrice(BigDecimal maxUsd) {
        return gate("target-price", c -> {
            if (c.price().isEmpty() || c.solUsd().isEmpty()) {
                return no("USD price unknown");
            }
            BigDecimal usd = c.solUsd().get().usdPerToken(c.price().get());
            return usd.compareTo(maxUsd) <= 0 ? Optional.empty() : no("price " + usd(usd) + " is above " + usd(maxUsd));
        });
    }

    /** {@code market-cap}: the market cap is at least {@code minUsd} and at most {@code maxUsd} (either may be null). */
    public static Gate marketCap(BigDecimal minUsd, BigDecimal maxUsd) {
        return gate("market-cap", c -> {
            if (c.info().isEmpty() || c.price().isEmpty() || c.solUsd().isEmpty()) {
                return no("market cap unknown");
            }
            BigDecimal cap =
                    c.info().get().marketCapUsd(c.price().get(), c.solUsd().get());
            if (minUsd != null && cap.compareTo(minUsd) < 0) {
                return no("market cap " + usd(cap) + " is below " + usd(minUsd));
            }
            if (maxUsd != null && cap.compareTo(maxUsd) > 0) {
                return no("market cap " + usd(cap) + " is above " + usd(maxUsd));
            }
            return Optional.empty();
        });
    }

    /** {@code liquidity}: the pool's liquidity (both sides) is worth at least {@code minUsd}. */
    public static Gate liquidity(BigDecimal minUsd) {
        return gate("liquidity", c -> {
            if (c.pool().isEmpty() || c.solUsd().isEmpty()) {
                return no("pool unknown");
            }
            BigDecimal usd = c.solUsd().get().usd(c.pool().get().liquidity());
            return usd.compareTo(minUsd) >= 0
                    ? Optional.empty()
                    : no("liquidity " + usd(usd) + " is below " + usd(minUsd));
        });
    }

    /**
     * {@code price-impact}: buying {@code amount} would move the price by at most {@code maxBps} (the pool's fee
     * included), as {@link Pool#priceImpactBps} computes it.
     */
    public static Gate priceImpact(Lamports amount, BigDecimal maxBps) {
        return gate("price-impact", c -> {
            if (c.pool().isEmpty()) {
                return no("pool unknown");
            }
            BigDecimal bps = c.pool().get().priceImpactBps(Side.BUY, amount.toTokenAmount());
            return bps.compareTo(maxBps) <= 0
                    ? Optional.empty()
                    : no("price impact " + bps.toPlainString() + " bps is above " + maxBps.toPlainString() + " bps");
        });
    }

    /**
     * {@code vwap}: the price is at least {@code belowPercent} below the volume-weighted average price of the last
     * {@code window} (a mean-reversion entry).
     */
    public static Gate belowVwap(Duration window, BigDecimal belowPercent) {
        return gate("vwap", c -> {
            Optional<Price> vwap = c.candle(window).flatMap(Candle::vwap);
            if (vwap.isEmpty() || c.price().isEmpty() || vwap.get().isZero()) {
                return no("no VWAP over " + window);
            }
            BigDecimal distance = c.price().get().percentChangeFrom(vwap.get());
            return distance.compareTo(belowPercent.negate()) <= 0
                    ? Optional.empty()
                    : no("price is " + pct(distance) + " from the VWAP " + vwap.get() + ", not " + pct(belowPercent)
                            + " below it");
        });
    }

    static String pct(BigDecimal percent) {
        return percent.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String usd(BigDecimal usd) {
        return usd.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " USD";
    }
}
