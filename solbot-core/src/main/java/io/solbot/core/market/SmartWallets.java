package io.solbot.core.market;

import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The named traders of a generated market that a copy trader follows (see {@link RandomMarketSettings}): each step
 * each may buy a live token that can be sold or sell some of one it holds. Their draws come from a stream of their
 * own, seeded from the market's seed, so that the market's other draws stay as they were.
 *
 * <p>What a wallet holds is read from the market's holders when it sells (so a sell never spends more than the
 * market says it holds); which tokens it holds is remembered here, in the order it got them.
 */
final class SmartWallets {
    private static final long SALT = 0x5EED_C0B1_0000_0002L;
    private static final long MIN_BUY = 100_000_000L;
    private static final long MAX_BUY = 2_000_000_000L;

    private final List<String> addresses;
    private final Set<String> named;
    private final double activity;
    private final SplittableRandom random;
    private final List<Set<Mint>> held = new ArrayList<>();

    SmartWallets(RandomMarketSettings settings) {
        this.addresses = settings.smartWalletAddresses();
        this.named = Set.copyOf(addresses);
        this.activity = settings.smartWalletActivity();
        this.random = new SplittableRandom(settings.seed() ^ SALT);
        for (int i = 0; i < addresses.size(); i++) {
            held.add(new LinkedHashSet<>());
        }
    }

    boolean isEmpty() {
        return addresses.isEmpty();
    }

    /** Whether {@code owner} is one of the smart wallets. */
    boolean contains(String owner) {
        return named.contains(owner);
    }

    /**
     * The tokens listed at the start with each smart wallet holding a bag of one of them: 0.2 % to 1 % of its pool's
     * tokens, got elsewhere, which a copier never saw it buy.
     */
    List<MarketEvent.TokenListed> withBags(List<MarketEvent.TokenListed> listed) {
        if (listed.isEmpty() || addresses.isEmpty()) {
            return listed;
        }
        List<MarketEvent.TokenListed> out = new ArrayList<>(listed);
        for (int i = 0; i < addresses.size(); i++) {
            int which = random.nextInt(out.size());
            MarketEvent.TokenListed e = out.get(which);
            BigInteger bag = e.tokenReserve()
                    .raw()
                    .multiply(BigInteger.valueOf(20 + random.nextLong(81)))
                    .divide(BigInteger.valueOf(10_000));
            if (bag.signum() == 0) {
                continue;
            }
            List<Holder> holders = new ArrayList<>(e.holders());
            holders.add(new Holder(addresses.get(i), new TokenAmount(bag, e.decimals()), false));
            holders.sort(Comparator.comparing(Holder::amount).reversed());
            out.set(
                    which,
                    new MarketEvent.TokenListed(
                            e.at(),
                            e.mint(),
                            e.symbol(),
                            e.decimals(),
                            e.solReserve(),
                            e.tokenReserve(),
                            e.feeBps(),
                            e.authorities(),
                            e.sellable(),
                            holders,
                            e.extensions()));
            held.get(i).add(e.mint());
        }
        return out;
    }

    /**
     * This step's trades at {@code at}, each of a token of {@code live} with an open pool (not {@code honeypots}, for
     * buys), sized from the pools and holdings as they are now; given to {@code due} in wallet order.
     */
    void trade(Instant at, List<Mint> live, Set<Mint> honeypots, SimulatedMarket market, Consumer<MarketEvent> due) {
        for (int i = 0; i < addresses.size(); i++) {
            if (random.nextDouble() >= activity) {
                continue;
            }
            Set<Mint> mine = held.get(i);
            mine.removeIf(mint -> !live.contains(mint)); // rugged or drained: stuck with it, never traded again
            List<Mint> sellable = new ArrayList<>();
            for (Mint mint : mine) {
                Pool pool = market.poolOf(mint);
                if (pool != null && !pool.isDrained()) {
                    sellable.add(mint);
                }
            }
            boolean sells = !sellable.isEmpty() && (sellable.size() >= 3 || random.nextDouble() < 0.4);
            if (sells) {
                sell(at, addresses.get(i), sellable.get(random.nextInt(sellable.size())), market, mine, due);
            } else {
                buy(at, addresses.get(i), live, honeypots, market, mine, due);
            }
        }
    }

    private void sell(
            Instant at, String wallet, Mint mint, SimulatedMarket market, Set<Mint> mine, Consumer<MarketEvent> due) {
        BigInteger holding = BigInteger.ZERO;
        for (Holder h : market.holdersOf(mint)) {
            if (h.owner().equals(wallet)) {
                holding = h.amount().raw();
                break;
            }
        }
        double share = random.nextDouble();
        // all of it half the time, else half or a quarter
        BigInteger amount = share < 0.5 ? holding : holding.divide(BigInteger.valueOf(share < 0.8 ? 2 : 4));
        if (amount.equals(holding)) {
            mine.remove(mint);
        }
        if (amount.signum() > 0) {
            due.accept(new MarketEvent.Swapped(at, mint, Side.SELL, amount, wallet));
        }
    }

    private void buy(
            Instant at,
            String wallet,
            List<Mint> live,
            Set<Mint> honeypots,
            SimulatedMarket market,
            Set<Mint> mine,
            Consumer<MarketEvent> due) {
        List<Mint> candidates = new ArrayList<>(live.size());
        for (Mint mint : live) {
            Pool pool = market.poolOf(mint);
            if (pool != null && !pool.isDrained() && !honeypots.contains(mint)) {
                candidates.add(mint);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Mint mint = candidates.get(random.nextInt(candidates.size()));
        long lamports = MIN_BUY + random.nextLong(MAX_BUY - MIN_BUY + 1);
        mine.add(mint);
        due.accept(new MarketEvent.Swapped(at, mint, Side.BUY, BigInteger.valueOf(lamports), wallet));
    }
}
