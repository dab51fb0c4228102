package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.solana.account.AccountState;
import io.solbot.core.solana.account.Extension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a market step by step (see {@link RandomMarketSettings}). Each step's events are sized from the pools as
 * they are when the step comes due, our trades included; the events themselves carry absolute amounts, so a
 * recording of them replays without this generator.
 *
 * <p>The random draws use {@link SplittableRandom} and {@link StrictMath}, so a seed gives the same market on every
 * JVM.
 */
final class RandomMarket implements EventSource {
    private static final long PUMP_SOL = 30_000_000_000L;
    private static final BigInteger PUMP_TOKENS = new BigInteger("1073000000000000");
    /** The share of a pump.fun supply outside the curve at launch: 1e15 − 793.1e12 raw units. */
    private static final BigInteger PUMP_FLOAT = new BigInteger("206900000000000");

    /** The share of launches whose creator burnt its tokens (sent them to the incinerator). */
    private static final double BURNT_BY_CREATOR = 0.3;
    /** The share of launches that are not honeypots and have a Token-2022 mint. */
    private static final double TOKEN_2022_SHARE = 0.3;

    /** The small holders of an established token (see {@link #widelyHeld}). */
    private static final int SMALL_HOLDERS = 180;

    private static final long SMALL_HOLDERS_SALT = 0x5EED_5A11_0000_0001L;

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final RandomMarketSettings settings;
    private final SplittableRandom random;
    private final Duration step;
    private final ArrayDeque<MarketEvent> due = new ArrayDeque<>();
    private final List<Mint> live = new ArrayList<>();
    // membership only, asked for every live token each step: sets, as the launched grow by the thousand a day
    private final Set<Mint> launched = new HashSet<>();
    private final Set<Mint> honeypots = new HashSet<>();
    private final List<Listing> listings;
    private final SmartWallets smartWallets;
    private Instant nextStep;
    private boolean started;

    RandomMarket(RandomMarketSettings settings, List<Listing> listings) {
        this.settings = settings;
        this.listings = List.copyOf(listings);
        this.random = new SplittableRandom(settings.seed());
        this.step = settings.step();
        this.nextStep = settings.start();
        this.smartWallets = new SmartWallets(settings);
    }

    @Override
    public MarketEvent next(Instant until, SimulatedMarket market) {
        while (due.isEmpty() && !nextStep.isAfter(until)) {
            generateStep(nextStep, market);
            nextStep = nextStep.plus(step);
        }
        return due.poll();
    }

    @Override
    public Instant nextTime() {
        return due.isEmpty() ? nextStep : due.peek().at();
    }

    private void generateStep(Instant at, SimulatedMarket market) {
        if (!started) {
            started = true;
            List<MarketEvent.TokenListed> opening = new ArrayList<>();
            for (Listing listing : listings) {
                opening.add(listed(at, listing));
            }
            for (int i = 0; i < settings.initialTokens(); i++) {
                opening.add(established(at));
            }
            smartWallets.withBags(opening).forEach(this::list);
        }
        for (Mint mint : List.copyOf(live)) {
            Pool pool = market.poolOf(mint);
            if (pool == null) {
                continue; // listed in this very step: its pool opens when the listing applies
            }
            if (pool.isDrained()) {
                live.remove(mint);
                continue;
            }
            if (launched.contains(mint) && random.nextDouble() < settings.rugProbability()) {
                rug(at, pool, market.holdersOf(mint));
                live.remove(mint);
                continue;
            }
            walk(at, pool, honeypots.contains(mint));
        }
        if (random.nextDouble() < settings.launchProbability()) {
            MarketEvent.TokenListed launch = launch(at);
            list(launch);
            launched.add(launch.mint());
            if (!launch.sellable()) {
                honeypots.add(launch.mint());
            }
        }
        if (!smartWallets.isEmpty()) {
            smartWallets.trade(at, live, honeypots, market, due::add);
        }
    }

    private void list(MarketEvent.TokenListed event) {
        due.add(event);
        live.add(event.mint());
    }

    /**
     * A rug pull: the developer pulls the liquidity, then the insiders (the largest holders, down to the first who
     * together hold at least half of what all holders hold) sell everything they hold into what is left. It draws
     * nothing at random, so the rest of the market walks on as it would have.
     *
     * <p>The pull takes at least 99 % of both reserves, and more (up to 99.99 %) when the insiders' tokens are few
     * against the pool: it leaves at most {@code 0.99 × dumped / 9} tokens, so that the dump (after the 1 % fee of a
     * launch) takes the price down to at most 1 % of what it was (unless the insiders hold less than 1/1100 of the
     * pool's tokens, far fewer than a launch gives them). A holder's sell afterwards meets a pool of almost no SOL.
     * The insiders sell a honeypot too: its contract lets them.
     */
    private void rug(Instant at, Pool pool, List<Holder> holders) {
        BigInteger held = BigInteger.ZERO;
        for (Holder h : holders) {
            held = held.add(h.amount().raw());
        }
        List<Holder> insiders = new ArrayList<>();
        BigInteger dumped = BigInteger.ZERO;
        for (Holder h : holders) {
            if (dumped.shiftLeft(1).compareTo(held) >= 0) {
                break;
            }
            // the smart wallets are traders, not the developer's insiders
            if (h.amount().signum() > 0 && !h.isBurnt() && !smartWallets.contains(h.owner())) {
                insiders.add(h);
                dumped = dumped.add(h.amount().raw());
            }
        }
        // keep/10000 × tokens ≤ 0.99 × dumped / 9, i.e. keep ≤ 1100 × dumped / tokens, within 1 to 100 bps
        long keepBps = dumped.multiply(BigInteger.valueOf(1_100))
                .divide(pool.tokenReserve().raw())
                .min(BigInteger.valueOf(100))
                .max(BigInteger.ONE)
                .longValueExact();
        due.add(new MarketEvent.LiquidityPulled(at, pool.mint(), (int) (10_000 - keepBps)));
        for (Holder insider : insiders) {
            due.add(new MarketEvent.Swapped(
                    at, pool.mint(), Side.SELL, insider.amount().raw(), insider.owner()));
        }
    }

    /** One random-walk step of {@code pool}'s price, made by a swap that moves it by the drawn log-return. */
    private void walk(Instant at, Pool pool, boolean honeypot) {
        double r = random.nextGaussian() * settings.volatilityBps() / 10_000.0;
        if (random.nextDouble() < settings.jumpProbability()) {
            r += random.nextGaussian() * settings.jumpBps() / 10_000.0;
        }
        // a swap of x SOL into a pool of X SOL moves its price by about ((X + x) / X)^2
        double root = StrictMath.exp(r / 2);
        if (r > 0) {
            BigInteger in = scale(BigInteger.valueOf(pool.solReserve().value()), root - 1);
            if (in.signum() > 0) {
                due.add(new MarketEvent.Swapped(at, pool.mint(), Side.BUY, in));
            }
        } else if (r < 0 && !honeypot) {
            BigInteger in = scale(pool.tokenReserve().raw(), 1 / root - 1);
            if (in.signum() > 0) {
                due.add(new MarketEvent.Swapped(at, pool.mint(), Side.SELL, in));
            }
        }
    }

    private static BigInteger scale(BigInteger value, double factor) {
        return new BigDecimal(value)
                .multiply(BigDecimal.valueOf(factor))
                .setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
    }

    private MarketEvent.TokenListed established(Instant at) {
        Mint mint = new Mint(address());
        int decimals = random.nextBoolean() ? 6 : 9;
        long sol = Lamports.PER_SOL * (100 + random.nextLong(901));
        // price log-uniform between 1e-7 and 1e-2 SOL per token
        double price = StrictMath.pow(10, -7 + 5 * random.nextDouble());
        BigInteger tokens = BigDecimal.valueOf(sol)
                .divide(BigDecimal.valueOf(price), Pool.PRICE_MATH)
                .movePointLeft(Lamports.SOL_DECIMALS - decimals)
                .setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
        BigInteger supplyOutsidePool = tokens.multiply(BigInteger.valueOf(1 + random.nextLong(4)));
        return new MarketEvent.TokenListed(
                at,
                mint,
                symbol(),
                decimals,
                Lamports.of(sol),
                new TokenAmount(tokens, decimals),
                25,
                Authorities.RENOUNCED,
                true,
                widelyHeld(mint, supplyOutsidePool, decimals));
    }

    private MarketEvent.TokenListed listed(Instant at, Listing listing) {
        BigInteger tokens = listing.solReserve()
                .toSol()
                .divide(listing.price().value(), Pool.PRICE_MATH)
                .movePointRight(listing.decimals())
                .setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
        return new MarketEvent.TokenListed(
                at,
                listing.mint(),
                listing.symbol(),
                listing.decimals(),
                listing.solReserve(),
                new TokenAmount(tokens, listing.decimals()),
                25,
                Authorities.RENOUNCED,
                true,
                widelyHeld(listing.mint(), tokens.multiply(BigInteger.TWO), listing.decimals()));
    }

    private MarketEvent.TokenListed launch(Instant at) {
        Mint mint = new Mint(address());
        boolean honeypot = random.nextDouble() < settings.honeypotProbability();
        String mintAuthority = random.nextDouble() < settings.mintAuthorityProbability() ? address() : null;
        String freezeAuthority = random.nextDouble() < settings.freezeAuthorityProbability() ? address() : null;
        String symbol = symbol();
        List<Holder> holders = holders(PUMP_FLOAT, 6);
        // what the launch looks like on chain is drawn from the mint itself, not from the market's stream, so that
        // every other draw of a seed stays as it was
        SplittableRandom chain =
                new SplittableRandom(ByteBuffer.wrap(mint.bytes()).getLong());
        if (chain.nextDouble() < BURNT_BY_CREATOR) {
            Holder creator = holders.getFirst();
            holders = new ArrayList<>(holders);
            holders.set(0, new Holder(Holder.INCINERATOR, creator.amount(), false));
        }
        return new MarketEvent.TokenListed(
                at,
                mint,
                symbol,
                6,
                Lamports.of(PUMP_SOL),
                new TokenAmount(PUMP_TOKENS, 6),
                100,
                new Authorities(mintAuthority, freezeAuthority),
                !honeypot,
                holders,
                extensions(mint, honeypot, freezeAuthority != null, chain));
    }

    /**
     * A launch's Token-2022 extensions, or none for an SPL Token mint. A honeypot's sells revert because of a transfer
     * hook; of the other launches 30 % are Token-2022 mints with a metadata pointer (as pump.fun's {@code create_v2}
     * makes them), and some of those carry a risk: a transfer fee (scheduled to change), a permanent delegate, a close
     * authority, a pause authority, or (with a freeze authority) accounts frozen by default. Our own swaps pay for
     * them as on chain ({@code Transfers}): the fee is withheld, and a buy of a frozen-by-default token reverts.
     */
    private static List<Extension> extensions(Mint mint, boolean honeypot, boolean freezes, SplittableRandom chain) {
        Extension metadata = new Extension.MetadataPointer(Optional.empty(), Optional.of(mint.address()));
        if (honeypot) {
            return List.of(
                    metadata, new Extension.TransferHook(Optional.of(address(chain)), Optional.of(address(chain))));
        }
        if (chain.nextDouble() >= TOKEN_2022_SHARE) {
            return List.of();
        }
        double risk = chain.nextDouble();
        Extension risky;
        if (risk < 0.15) {
            BigInteger newerEpoch = BigInteger.valueOf(800 + chain.nextInt(50));
            risky = new Extension.TransferFeeConfig(
                    chain.nextBoolean() ? Optional.of(address(chain)) : Optional.empty(),
                    Optional.of(address(chain)),
                    BigInteger.ZERO,
                    new Extension.TransferFee(BigInteger.ZERO, U64_MAX, 100 * (1 + chain.nextInt(3))),
                    new Extension.TransferFee(newerEpoch, U64_MAX, 100 * (1 + chain.nextInt(10))));
        } else if (risk < 0.25) {
            risky = new Extension.PermanentDelegate(Optional.of(address(chain)));
        } else if (risk < 0.30) {
            risky = new Extension.MintCloseAuthority(Optional.of(address(chain)));
        } else if (risk < 0.35) {
            risky = new Extension.Pausable(Optional.of(address(chain)), false);
        } else if (risk < 0.40 && freezes) {
            risky = new Extension.DefaultAccountState(AccountState.FROZEN);
        } else {
            return List.of(metadata);
        }
        return List.of(metadata, risky);
    }

    private static String address(SplittableRandom chain) {
        byte[] bytes = new byte[32];
        chain.nextBytes(bytes);
        return Base58.encode(bytes);
    }

    /**
     * The holders of an established token: the configured number of large holders ({@link #holders}) share 30 % of
     * {@code supply}, and {@value #SMALL_HOLDERS} small ones, drawn from the mint itself so that the market's stream
     * stays as it was, share the rest about evenly. So the largest holders of a token that has traded for long hold
     * far less of it than a fresh launch's.
     */
    private List<Holder> widelyHeld(Mint mint, BigInteger supply, int decimals) {
        BigInteger large = supply.multiply(BigInteger.valueOf(3)).divide(BigInteger.TEN);
        List<Holder> out = new ArrayList<>(holders(large, decimals));
        SplittableRandom chain =
                new SplittableRandom(ByteBuffer.wrap(mint.bytes()).getLong() ^ SMALL_HOLDERS_SALT);
        long[] weights = new long[SMALL_HOLDERS];
        long total = 0;
        for (int i = 0; i < SMALL_HOLDERS; i++) {
            weights[i] = 500 + chain.nextLong(1000);
            total += weights[i];
        }
        BigInteger rest = supply.subtract(large);
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < SMALL_HOLDERS; i++) {
            BigInteger amount = i == SMALL_HOLDERS - 1
                    ? rest.subtract(assigned)
                    : rest.multiply(BigInteger.valueOf(weights[i])).divide(BigInteger.valueOf(total));
            assigned = assigned.add(amount);
            out.add(new Holder(address(chain), new TokenAmount(amount, decimals), false));
        }
        out.sort((a, b) -> b.amount().compareTo(a.amount()));
        return out;
    }

    /**
     * Splits {@code supply} among the configured number of holders, exactly: shares falling off as {@code 1/√rank}
     * (the first, the creator, usually the largest; the ten largest of 20 holding about two thirds, so that the
     * holder-concentration check refuses some tokens, not all), largest first, the rounding remainder to the largest.
     */
    private List<Holder> holders(BigInteger supply, int decimals) {
        int n = settings.holdersPerToken();
        long[] weights = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + (long) (1_000_000 * random.nextDouble() / StrictMath.sqrt(i + 1));
            total += weights[i];
        }
        BigInteger[] amounts = new BigInteger[n];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            amounts[i] = supply.multiply(BigInteger.valueOf(weights[i])).divide(BigInteger.valueOf(total));
            assigned = assigned.add(amounts[i]);
        }
        List<Holder> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Holder(address(), new TokenAmount(amounts[i], decimals), false));
        }
        int largest = 0;
        for (int i = 1; i < n; i++) {
            if (amounts[i].compareTo(amounts[largest]) > 0) {
                largest = i;
            }
        }
        Holder top = out.get(largest);
        out.set(
                largest,
                new Holder(
                        top.owner(), top.amount().plus(new TokenAmount(supply.subtract(assigned), decimals)), false));
        out.sort((a, b) -> b.amount().compareTo(a.amount()));
        return out;
    }

    private String address() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base58.encode(bytes);
    }

    private String symbol() {
        int length = 3 + random.nextInt(3);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }
}
