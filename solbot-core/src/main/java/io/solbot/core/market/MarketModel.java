package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.solana.account.Extension;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a {@link SimulatedMarket} knows: each listed token's pool, listing (info, authorities, holders, whether it can
 * be sold) and history of swaps and price moves, changed by its events and by our trades.
 *
 * <p>Threading: the maps are concurrent, so reads come from any thread; every change comes from the market's
 * serialised {@code advanceTo}, {@code swap} and {@code fillAtMid}.
 */
final class MarketModel {
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** What the market knows of a listed token besides its pool. */
    record TokenState(
            NewToken token,
            TokenInfo info,
            Authorities authorities,
            boolean sellable,
            List<Holder> holders,
            List<Extension> extensions) {
        TokenState withHolders(List<Holder> value) {
            return new TokenState(token, info, authorities, sellable, value, extensions);
        }
    }

    private final ConcurrentHashMap<Mint, Pool> pools = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Mint, TokenState> tokens = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<NewToken> listed = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Mint, TradeHistory> histories = new ConcurrentHashMap<>();
    private final WalletSwapLog walletSwaps = new WalletSwapLog();
    /** The minute (epoch minutes) the histories were last trimmed in. */
    private long trimmedMinute = Long.MIN_VALUE;

    /** The current pool of {@code mint}, or null. */
    Pool pool(Mint mint) {
        return pools.get(mint);
    }

    /** What the market knows of {@code mint} besides its pool, or null. */
    TokenState state(Mint mint) {
        return tokens.get(mint);
    }

    /** The history of {@code mint}, or null. */
    TradeHistory history(Mint mint) {
        return histories.get(mint);
    }

    /** The swaps {@code wallet} made after {@code after} (exclusive), oldest first. */
    List<WalletSwap> walletSwaps(String wallet, Instant after) {
        return walletSwaps.after(wallet, after);
    }

    /** Every token listed so far, in listing order. */
    List<NewToken> listed() {
        return listed;
    }

    /** The holders of {@code mint} other than its pool, largest first (empty if unknown). */
    List<Holder> holders(Mint mint) {
        TokenState state = tokens.get(mint);
        return state == null ? List.of() : state.holders();
    }

    /** Our swap left {@code mint}'s pool as {@code after}: the pool moves, and the history records the trade. */
    void swapped(Instant at, Mint mint, Pool after, Side side, TokenAmount in, TokenAmount out) {
        pools.put(mint, after);
        traded(at, mint, after, side, in, out);
    }

    /** Adds a swap of {@code in} for {@code out} that left {@code mint}'s pool as {@code after} to its history. */
    void traded(Instant at, Mint mint, Pool after, Side side, TokenAmount in, TokenAmount out) {
        TokenAmount sol = side == Side.BUY ? in : out;
        TokenAmount tokenAmount = side == Side.BUY ? out : in;
        histories.get(mint).traded(at, after, sol.raw().longValueExact(), tokenAmount.raw());
    }

    /**
     * Once per minute of market time, drops what fell out of every token's history: a token that stopped trading
     * (rugged, drained) records nothing more, so its history is trimmed here and nowhere else.
     */
    void trim(Instant time) {
        long minute = Math.floorDiv(time.toEpochMilli(), 60_000L);
        if (minute != trimmedMinute) {
            trimmedMinute = minute;
            histories.values().forEach(h -> h.trim(time));
            walletSwaps.trim(time);
        }
    }

    /** Applies one event to the pools, tokens and histories. */
    void apply(MarketEvent event) {
        switch (event) {
            case MarketEvent.TokenListed e -> {
                if (pools.containsKey(e.mint())) {
                    throw new IllegalStateException(e.mint() + " is listed twice (at " + e.at() + ")");
                }
                NewToken token = new NewToken(e.mint(), e.symbol(), e.decimals(), e.at());
                TokenInfo info = new TokenInfo(e.mint(), e.symbol(), e.decimals(), supply(e), e.at());
                tokens.put(
                        e.mint(),
                        new TokenState(token, info, e.authorities(), e.sellable(), e.holders(), e.extensions()));
                Pool pool = e.pool();
                pools.put(e.mint(), pool);
                TradeHistory history = new TradeHistory(e.decimals());
                history.moved(e.at(), pool);
                histories.put(e.mint(), history);
                listed.add(token);
            }
            case MarketEvent.Swapped e -> {
                Pool pool = existing(e);
                TokenAmount in =
                        new TokenAmount(e.amountIn(), e.side() == Side.BUY ? Lamports.SOL_DECIMALS : pool.decimals());
                TokenAmount out = pool.amountOut(e.side(), in);
                if (e.trader() != null) {
                    holderTraded(e, e.side() == Side.SELL ? in : out);
                    walletSwaps.add(walletSwap(e, in, out));
                }
                Pool after = pool.afterSwap(e.side(), in, out);
                pools.put(e.mint(), after);
                if (out.signum() > 0) {
                    traded(e.at(), e.mint(), after, e.side(), in, out);
                }
            }
            case MarketEvent.Repriced e -> {
                Pool after = PoolCurve.repriced(existing(e), e.price());
                pools.put(e.mint(), after);
                histories.get(e.mint()).moved(e.at(), after);
            }
            case MarketEvent.LiquidityPulled e -> {
                Pool pool = existing(e);
                BigInteger keep = BigInteger.valueOf(10_000L - e.removedBps());
                long sol = BigInteger.valueOf(pool.solReserve().value())
                        .multiply(keep)
                        .divide(BPS)
                        .longValueExact();
                BigInteger tokens = pool.tokenReserve().raw().multiply(keep).divide(BPS);
                Pool after = new Pool(
                        e.mint(),
                        pool.decimals(),
                        Lamports.of(sol),
                        new TokenAmount(tokens, pool.decimals()),
                        pool.feeBps());
                pools.put(e.mint(), after);
                histories.get(e.mint()).moved(e.at(), after);
            }
        }
    }

    /**
     * Moves a named trader's holding by its swap: a sell spends {@code amount} from it, a buy adds them (a new holder
     * if it held none). Holders stay largest first; one that sold out is no longer one.
     */
    private void holderTraded(MarketEvent.Swapped e, TokenAmount amount) {
        TokenState state = listing(e);
        List<Holder> holders = new ArrayList<>(state.holders());
        int at = -1;
        for (int i = 0; i < holders.size(); i++) {
            if (holders.get(i).owner().equals(e.trader())) {
                at = i;
                break;
            }
        }
        TokenAmount held =
                at < 0 ? TokenAmount.zero(amount.decimals()) : holders.get(at).amount();
        TokenAmount after;
        if (e.side() == Side.SELL) {
            if (held.compareTo(amount) < 0) {
                throw new IllegalStateException("swap at " + e.at() + ": " + e.trader() + " sells " + amount.raw()
                        + " raw units of " + e.mint() + " but holds " + held.raw());
            }
            after = held.minus(amount);
        } else {
            after = held.plus(amount);
        }
        if (at >= 0) {
            holders.remove(at);
        }
        if (after.signum() > 0) {
            holders.add(new Holder(e.trader(), after, false));
        }
        holders.sort(Comparator.comparing(Holder::amount).reversed());
        tokens.put(e.mint(), state.withHolders(List.copyOf(holders)));
    }

    /** What a named trader's swap of {@code in} for {@code out} was, for its wallet: SOL and tokens either way. */
    private WalletSwap walletSwap(MarketEvent.Swapped e, TokenAmount in, TokenAmount out) {
        boolean buy = e.side() == Side.BUY;
        Lamports sol = Lamports.of((buy ? in : out).raw().longValueExact());
        return new WalletSwap(e.at(), e.trader(), e.mint(), e.side(), sol, buy ? out : in, walletSwaps.nextId(e.at()));
    }

    /**
     * A listed token's supply as this market knows it: its pool's token reserve plus what its holders held at the
     * listing. Swaps only move tokens between the pool and wallets, so it stays. (A pump.fun-like launch counts its
     * curve's virtual reserve as supply.)
     */
    private static TokenAmount supply(MarketEvent.TokenListed e) {
        TokenAmount supply = e.tokenReserve();
        for (Holder h : e.holders()) {
            supply = supply.plus(h.amount());
        }
        return supply;
    }

    private TokenState listing(MarketEvent event) {
        TokenState state = tokens.get(event.mint());
        if (state == null) {
            throw new IllegalStateException(
                    "event at " + event.at() + " concerns " + event.mint() + ", which is not listed");
        }
        return state;
    }

    private Pool existing(MarketEvent event) {
        Pool pool = pools.get(event.mint());
        if (pool == null) {
            throw new IllegalStateException(
                    "event at " + event.at() + " concerns " + event.mint() + ", which is not listed");
        }
        return pool;
    }
}
