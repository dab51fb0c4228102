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

    private final MarketModel model;

    TokenLists(MarketModel model) {
        this.model = model;
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
                        t -> activity(t, now, HOUR)
                                .filter(a -> a.trades() > 0)
                                .map(a -> BigDecimal.valueOf(a.trades())),
                        limit);
            case RECENT_GOOD_LIQUIDITY -> newest(now, pool -> pool.liquidity().compareTo(GOOD_LIQUIDITY) >= 0, limit);
            case ALL -> top(live(), t -> activity(t, now, DAY).map(a -> BigDecimal.valueOf(a.volume())), limit);
        };
    }

    /** Tokens by SOL volume over {@code window}, largest first, those that did not trade left out. */
    List<Mint> trending(Instant now, Duration window, int limit) {
        checkLimit(limit);
        return top(
                live(),
                t -> activity(t, now, window).filter(a -> a.volume() > 0).map(a -> BigDecimal.valueOf(a.volume())),
                limit);
    }

    /** A listed token with a price, and its pool now. */
    private record Live(NewToken token, Pool pool) {}

    /** The tokens with a price, in listing order. */
    private List<Live> live() {
        List<Live> out = new ArrayList<>();
        for (NewToken token : model.listed()) {
            Pool pool = model.pool(token.mint());
            if (pool != null && !pool.isDrained()) {
                out.add(new Live(token, pool));
            }
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
            MarketModel.TokenState state = model.state(t.token.mint());
            caps.add(new Cap(t, state.info().marketCapSol(price), i));
        }
        caps.sort(Comparator.comparing(Cap::cap));
        int n = caps.size();
        List<Cap> middle = new ArrayList<>(caps.subList(n / 3, n - n / 3));
        middle.sort(Comparator.comparingInt(Cap::order));
        return middle.stream().map(Cap::live).toList();
    }

    /**
     * {@code candidates} that {@code key} ranks, by key, largest first; ties in the candidates' order. The best {@code
     * limit} are kept as the candidates come, in order: a feed takes a few of a thousand tokens, and sorting them all
     * at every read is what would cost.
     */
    private static List<Mint> top(List<Live> candidates, Function<Live, Optional<BigDecimal>> key, int limit) {
        record Ranked(Mint mint, BigDecimal key) {}
        List<Ranked> best = new ArrayList<>(Math.min(limit, candidates.size()) + 1);
        for (Live t : candidates) {
            Optional<BigDecimal> k = key.apply(t);
            if (k.isEmpty()) {
                continue;
            }
            // after every kept one whose key is at least this one's: an equal key came earlier, and stays first
            int lo = 0;
            int hi = best.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (best.get(mid).key().compareTo(k.get()) >= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo < limit) {
                best.add(lo, new Ranked(t.token.mint(), k.get()));
                if (best.size() > limit) {
                    best.removeLast();
                }
            }
        }
        return best.stream().map(Ranked::mint).toList();
    }

    /**
     * The window's volume, swaps, open and close, as its candle would give them: ranking every live token reads no
     * more than the buckets at its window's two ends.
     */
    private Optional<TradeHistory.Activity> activity(Live t, Instant now, Duration window) {
        TradeHistory history = model.history(t.token.mint());
        return history == null ? Optional.empty() : history.activity(now, window);
    }

    /** The change of the window's candle, {@link Candle#changePercent}, from its open and close alone. */
    private Optional<BigDecimal> change(Live t, Instant now, Duration window) {
        return activity(t, now, window).map(a -> price(a.close()).percentChangeFrom(price(a.open())));
    }

    private static Price price(Pool pool) {
        // a history keeps only pools with both reserves, which always have a price
        return pool.price().orElseThrow();
    }

    /**
     * How many times the last 5 minutes' volume is the hour's average 5 minutes (12 to the hour), if above 1; empty
     * for a token that did not trade in the hour.
     */
    private Optional<BigDecimal> spike(Live t, Instant now) {
        Optional<TradeHistory.Activity> hour = activity(t, now, HOUR);
        Optional<TradeHistory.Activity> last = activity(t, now, FIVE_MINUTES);
        if (hour.isEmpty() || last.isEmpty() || hour.get().volume() == 0) {
            return Optional.empty();
        }
        BigDecimal ratio = BigDecimal.valueOf(last.get().volume())
                .multiply(BigDecimal.valueOf(12))
                .divide(BigDecimal.valueOf(hour.get().volume()), MathContext.DECIMAL64);
        return ratio.compareTo(BigDecimal.ONE) > 0 ? Optional.of(ratio) : Optional.empty();
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }
}
