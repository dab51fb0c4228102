package io.solbot.core.market;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenFeed;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulated market's {@link TokenFeed} lists and trending list, computed at each read from its pools, its tokens'
 * infos and their {@link TradeHistory}: what each list holds is said on its {@link TokenFeed} constant. Only tokens
 * with a price (a pool that is not drained) are listed. Ties keep listing order, oldest first.
 *
 * <p>Threading: reads the market's concurrent maps and each history under its own lock; thread-safe.
 */
final class TokenLists {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    /** The liquidity {@link TokenFeed#RECENT_GOOD_LIQUIDITY} asks of a pool: 50 SOL. */
    static final Lamports GOOD_LIQUIDITY = Lamports.ofSol("50");

    private final SimulatedMarket market;

    TokenLists(SimulatedMarket market) {
        this.market = market;
    }

    List<Mint> tokens(Instant now, TokenFeed feed, int limit) {
        checkLimit(limit);
        return switch (feed) {
            case NEW -> newest(now, pool -> true, limit);
            case TRENDING -> trending(now, HOUR, limit);
            case HIGH_LIQUIDITY ->
                top(live(), t -> Optional.of(new BigDecimal(t.pool.liquidity().value())), limit);
            case MID_CAP_GROWTH -> top(midCaps(), t -> change(t, now, DAY).filter(c -> c.signum() > 0), limit);
            case PRICE_SURGE -> top(live(), t -> change(t, now, HOUR).filter(c -> c.signum() > 0), limit);
            case VOLUME_SPIKE -> top(live(), t -> spike(t, now), limit);
            case HIGH_TRADE ->
                top(
                        live(),
                        t -> candle(t, now, HOUR).filter(c -> c.trades() > 0).map(c -> BigDecimal.valueOf(c.trades())),
                        limit);
            case RECENT_GOOD_LIQUIDITY -> newest(now, pool -> pool.liquidity().compareTo(GOOD_LIQUIDITY) >= 0, limit);
            case ALL ->
                top(
                        live(),
                        t -> candle(t, now, DAY)
                                .map(c -> new BigDecimal(c.volume().value())),
                        limit);
        };
    }

    /** Tokens by SOL volume over {@code window}, largest first, those that did not trade left out. */
    List<Mint> trending(Instant now, Duration window, int limit) {
        checkLimit(limit);
        return top(
                live(),
                t -> candle(t, now, window)
                        .filter(c -> c.volume().value() > 0)
                        .map(c -> new BigDecimal(c.volume().value())),
                limit);
    }

    /** A listed token with a price, and its pool now. */
    private record Live(NewToken token, Pool pool) {}

    /** The tokens with a price, in listing order. */
    private List<Live> live() {
        List<Live> out = new ArrayList<>();
        for (NewToken token : market.listed()) {
            market.pool(token.mint()).filter(p -> !p.isDrained()).ifPresent(p -> out.add(new Live(token, p)));
        }
        return out;
    }

    /** Tokens with a price listed within the last day whose pool passes {@code keep}, newest first. */
    private List<Mint> newest(Instant now, java.util.function.Predicate<Pool> keep, int limit) {
        List<Live> live = live();
        List<Mint> out = new ArrayList<>();
        Instant since = now.minus(DAY);
        for (int i = live.size() - 1; i >= 0 && out.size() < limit; i--) {
            Live t = live.get(i);
            if (t.token.listedAt().isAfter(since) && keep.test(t.pool)) {
                out.add(t.token.mint());
            }
        }
        return List.copyOf(out);
    }

    /** The tokens whose market cap is in the middle third of all tokens' with a price, in listing order. */
    private List<Live> midCaps() {
        record Cap(Live live, BigDecimal cap, int order) {}
        List<Cap> caps = new ArrayList<>();
        List<Live> live = live();
        for (int i = 0; i < live.size(); i++) {
            Live t = live.get(i);
            Price price = t.pool.price().orElseThrow();
            SimulatedMarket.TokenState state = market.stateOf(t.token.mint());
            caps.add(new Cap(t, state.info().marketCapSol(price), i));
        }
        caps.sort(Comparator.comparing(Cap::cap));
        int n = caps.size();
        List<Cap> middle = new ArrayList<>(caps.subList(n / 3, n - n / 3));
        middle.sort(Comparator.comparingInt(Cap::order));
        return middle.stream().map(Cap::live).toList();
    }

    /** {@code candidates} that {@code key} ranks, by key, largest first; ties in the candidates' order. */
    private static List<Mint> top(List<Live> candidates, Function<Live, Optional<BigDecimal>> key, int limit) {
        record Ranked(Mint mint, BigDecimal key) {}
        List<Ranked> ranked = new ArrayList<>();
        for (Live t : candidates) {
            key.apply(t).ifPresent(k -> ranked.add(new Ranked(t.token.mint(), k)));
        }
        // a stable sort: equal keys keep the listing order
        ranked.sort(Comparator.comparing(Ranked::key).reversed());
        return ranked.stream().limit(limit).map(Ranked::mint).toList();
    }

    private Optional<Candle> candle(Live t, Instant now, Duration window) {
        TradeHistory history = market.historyOf(t.token.mint());
        return history == null ? Optional.empty() : history.candle(now, window);
    }

    private Optional<BigDecimal> change(Live t, Instant now, Duration window) {
        return candle(t, now, window).map(Candle::changePercent);
    }

    /**
     * How many times the last 5 minutes' volume is the hour's average 5 minutes (12 to the hour), if above 1; empty
     * for a token that did not trade in the hour.
     */
    private Optional<BigDecimal> spike(Live t, Instant now) {
        Optional<Candle> hour = candle(t, now, HOUR);
        Optional<Candle> last = candle(t, now, FIVE_MINUTES);
        if (hour.isEmpty() || last.isEmpty() || hour.get().volume().value() == 0) {
            return Optional.empty();
        }
        BigDecimal ratio = new BigDecimal(last.get().volume().value())
                .multiply(BigDecimal.valueOf(12))
                .divide(new BigDecimal(hour.get().volume().value()), MathContext.DECIMAL64);
        return ratio.compareTo(BigDecimal.ONE) > 0 ? Optional.of(ratio) : Optional.empty();
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }
}
