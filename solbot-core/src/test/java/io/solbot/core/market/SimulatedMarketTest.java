package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.testing.Markets;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    private static final Mint OTHER = Mint.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    private static String record(RandomMarketSettings settings, Duration length) {
        StringWriter out = new StringWriter();
        try (SimulatedMarket market = SimulatedMarket.random(settings);
                MarketRecorder recorder = MarketRecorder.to(out)) {
            market.listen(recorder);
            market.advanceTo(settings.start().plus(length));
        }
        return out.toString();
    }

    private static List<MarketEvent> events(RandomMarketSettings settings, Duration length) {
        List<MarketEvent> events = new ArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings)) {
            market.listen(events::add);
            market.advanceTo(settings.start().plus(length));
        }
        return events;
    }

    @Test
    void shouldListTokensUnderTheCallersMintsAtTheirPriceAndWalkThem() {
        Mint bonk = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
        Listing listing = new Listing(bonk, "BONK", 5, Lamports.ofSol("500"), Price.of("0.00000012"));
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(3, T0).withInitialTokens(2), List.of(listing))) {
            market.advanceTo(T0);
            assertThat(market.mints()).hasSize(3).contains(bonk);
            assertThat(market.decimals(bonk)).contains(5);
            Price start = market.price(bonk).orElseThrow();
            assertThat(start.value())
                    .isCloseTo(
                            new java.math.BigDecimal("0.00000012"),
                            org.assertj.core.data.Percentage.withPercentage(0.0001));
            market.advanceTo(T0.plusSeconds(60));
            assertThat(market.price(bonk).orElseThrow()).isNotEqualTo(start);
        }
        assertThatThrownBy(
                        () -> SimulatedMarket.random(RandomMarketSettings.defaults(3, T0), List.of(listing, listing)))
                .hasMessageContaining("two listings share a mint");
    }

    @Test
    void shouldListItsStartTokensWithTheirPricesBeforeItIsFirstAdvanced() {
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(3, T0).withInitialTokens(2), Listing.WELL_KNOWN)) {
            assertThat(market.now()).isEqualTo(T0);
            assertThat(market.mints())
                    .hasSize(5)
                    .startsWith(Listing.BONK.mint(), Listing.JUP.mint(), Listing.WIF.mint());
            for (Listing listing : Listing.WELL_KNOWN) {
                assertThat(market.price(listing.mint()).orElseThrow().value())
                        .isCloseTo(listing.price().value(), org.assertj.core.data.Percentage.withPercentage(0.0001));
                assertThat(market.decimals(listing.mint())).contains(listing.decimals());
            }
            assertThat(market.newTokens(T0.minusMillis(1))).hasSize(5);
        }
        List<MarketEvent> events = List.of(new MarketEvent.TokenListed(
                T0,
                TOKEN,
                "TKN",
                6,
                Lamports.ofSol("10"),
                TokenAmount.of(1_000, 6),
                25,
                Authorities.RENOUNCED,
                true,
                List.of()));
        assertThat(SimulatedMarket.of(events).mints()).containsExactly(TOKEN);
        assertThat(SimulatedMarket.of(List.of()).mints()).isEmpty();
    }

    @Test
    void shouldLetAListenerAddedAfterTheOpeningRecordAMarketThatReplaysTheSame() {
        RandomMarketSettings settings = RandomMarketSettings.defaults(5, T0).withInitialTokens(2);
        StringWriter recorded = new StringWriter();
        List<String> original = new ArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN);
                MarketRecorder recorder = MarketRecorder.to(recorded)) {
            market.advanceTo(T0); // nothing more is due at the start: the opening stays for a first listener
            market.listen(recorder);
            market.advanceTo(T0.plusSeconds(30));
            market.mints().forEach(m -> original.add(m + " " + market.pool(m).orElseThrow()));
        }
        assertThat(recorded.toString().lines().limit(5)).allMatch(line -> line.contains("\"e\":\"listed\""));
        try (SimulatedMarket replay = SimulatedMarket.replay(new StringReader(recorded.toString()))) {
            replay.advanceTo(T0.plusSeconds(30));
            assertThat(replay.mints().stream()
                            .map(m -> m + " " + replay.pool(m).orElseThrow())
                            .toList())
                    .isEqualTo(original);
        }
    }

    @Test
    void shouldTellAListenerAddedLaterOnlyWhatHappensFromThenOn() {
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(5, T0).withInitialTokens(2))) {
            market.advanceTo(T0.plusSeconds(10));
            List<MarketEvent> heard = new ArrayList<>();
            market.listen(heard::add);
            market.advanceTo(T0.plusSeconds(11));
            assertThat(heard).isNotEmpty().allMatch(e -> e.at().isAfter(T0.plusSeconds(10)));
        }
    }

    @Test
    void shouldNameTheWellKnownListingsUnderTheirRealMints() {
        assertThat(Listing.WELL_KNOWN).extracting(Listing::symbol).containsExactly("BONK", "JUP", "WIF");
        assertThat(Listing.BONK.mint()).isEqualTo(Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263"));
        assertThat(Listing.JUP.mint()).isEqualTo(Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN"));
        assertThat(Listing.WIF.mint()).isEqualTo(Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm"));
    }

    @Test
    void shouldGenerateTheSameMarketFromTheSameSeed() {
        RandomMarketSettings settings = RandomMarketSettings.defaults(42, T0);
        String first = record(settings, Duration.ofMinutes(5));
        assertThat(first).isEqualTo(record(settings, Duration.ofMinutes(5)));
        assertThat(first).isNotEqualTo(record(settings.withSeed(43), Duration.ofMinutes(5)));
        assertThat(first.lines().count()).isGreaterThan(5 * 60 * 4);
    }

    @Test
    void shouldLaunchRugAndHoneypotTokensAtRoughlyTheirConfiguredRates() {
        RandomMarketSettings settings =
                RandomMarketSettings.defaults(7, T0).withInitialTokens(2).withLaunches(0.5, 0.01, 0.5);
        List<MarketEvent> events = events(settings, Duration.ofSeconds(999));
        List<MarketEvent.TokenListed> launches = events.stream()
                .filter(e -> e instanceof MarketEvent.TokenListed l && l.feeBps() == 100)
                .map(e -> (MarketEvent.TokenListed) e)
                .toList();
        long rugs = events.stream()
                .filter(e -> e instanceof MarketEvent.LiquidityPulled)
                .map(MarketEvent::mint)
                .distinct()
                .count();
        long honeypots = launches.stream().filter(l -> !l.sellable()).count();
        // 1000 steps (0 s to 999 s) at 0.5: 500 ± 15.8 (1 sd); every bound here is 4.5 sd
        int steps = 1000;
        assertThat((double) launches.size()).isCloseTo(steps * 0.5, within(4.5 * Math.sqrt(steps * 0.25)));
        // each launch is a honeypot with 0.5
        assertThat((double) honeypots)
                .isCloseTo(launches.size() * 0.5, within(4.5 * Math.sqrt(launches.size() * 0.25)));
        // a token launched at step i is rugged by the end with q = 1 - 0.99^(steps - 1 - i); the launch and its rug are
        // independent draws, so the rugs are a sum of independent Bernoulli(0.5 q): about 450 ± 16
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < steps; i++) {
            double p = 0.5 * (1 - Math.pow(0.99, steps - 1 - i));
            mean += p;
            variance += p * (1 - p);
        }
        assertThat((double) rugs).isCloseTo(mean, within(4.5 * Math.sqrt(variance)));
        assertThat(launches)
                .anyMatch(l -> l.authorities().mint().isPresent())
                .anyMatch(l -> l.authorities().freeze().isPresent())
                .anyMatch(l -> l.authorities().isRenounced());
        // every launch distributes exactly the supply outside the bonding curve
        for (MarketEvent.TokenListed l : launches) {
            BigInteger held = l.holders().stream().map(h -> h.amount().raw()).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(held).isEqualTo(new BigInteger("206900000000000"));
            assertThat(l.holders()).hasSize(20);
        }
    }

    @Test
    void shouldNeverLetOthersSellAHoneypot() {
        RandomMarketSettings settings =
                RandomMarketSettings.defaults(11, T0).withInitialTokens(0).withLaunches(0.2, 0, 1);
        List<MarketEvent> events = events(settings, Duration.ofSeconds(300));
        assertThat(events).anyMatch(e -> e instanceof MarketEvent.Swapped s && s.side() == Side.BUY);
        assertThat(events).noneMatch(e -> e instanceof MarketEvent.Swapped s && s.side() == Side.SELL);
    }

    @Test
    void shouldCollapseTheGeneratedRugsPriceSoThatAHolderGetsAlmostNothing() {
        Lamports stake = Lamports.ofSol("1");
        int rugs = 0;
        for (long seed = 1; seed <= 5; seed++) {
            RandomMarketSettings settings =
                    RandomMarketSettings.defaults(seed, T0).withInitialTokens(0).withLaunches(0.2, 0.02, 0.3);
            List<MarketEvent> step = new ArrayList<>();
            try (SimulatedMarket market = SimulatedMarket.random(settings)) {
                market.listen(step::add);
                for (int s = 0; s <= 600; s++) {
                    Map<Mint, Pool> before = new HashMap<>();
                    for (Mint m : market.mints()) {
                        before.put(m, market.pool(m).orElseThrow());
                    }
                    step.clear();
                    market.advanceTo(T0.plusSeconds(s));
                    for (MarketEvent e : step) {
                        if (!(e instanceof MarketEvent.LiquidityPulled pulled)) {
                            continue;
                        }
                        rugs++;
                        Pool was = before.get(pulled.mint());
                        Pool now = market.pool(pulled.mint()).orElseThrow();
                        BigDecimal priceWas = was.price().orElseThrow().value();
                        assertThat(now.price().orElseThrow().value())
                                .as("price of %s after its rug at %s s, seed %d", pulled.mint(), s, seed)
                                .isLessThan(priceWas.movePointLeft(2));
                        // a holder of 1 SOL worth of tokens at the last price sells them after the rug
                        TokenAmount held = was.amountAtMid(Side.BUY, TokenAmount.of(stake.value(), 9));
                        TokenAmount got = now.amountOut(Side.SELL, held);
                        assertThat(got.raw()).isLessThan(BigInteger.valueOf(stake.value() / 20));
                        // the dump came from named insiders, who no longer hold the token
                        List<String> dumpers = step.stream()
                                .filter(d -> d instanceof MarketEvent.Swapped sw
                                        && sw.mint().equals(pulled.mint())
                                        && sw.trader() != null)
                                .map(d -> ((MarketEvent.Swapped) d).trader())
                                .toList();
                        assertThat(dumpers).isNotEmpty();
                        assertThat(market.holdersOf(pulled.mint()))
                                .extracting(Holder::owner)
                                .doesNotContainAnyElementsOf(dumpers);
                    }
                }
            }
        }
        // 120 launches a seed on average, each rugged within the run with about 0.5 (2 % a step)
        assertThat(rugs).isGreaterThan(100);
    }

    @Test
    void shouldLetAnInsidersDumpAfterThePullLeaveHoldersAlmostNothing() {
        String dev = "dev1111111111111111111111111111111111111111";
        String fan = "fan1111111111111111111111111111111111111111";
        MarketEvent.TokenListed l = Markets.listing(TOKEN, 30_000_000_000L, 1_073_000_000_000_000L, 6, 100);
        SimulatedMarket market = Markets.started(
                new MarketEvent.TokenListed(
                        T0,
                        TOKEN,
                        "TKN",
                        6,
                        l.solReserve(),
                        l.tokenReserve(),
                        100,
                        Authorities.RENOUNCED,
                        true,
                        List.of(
                                new Holder(dev, TokenAmount.of(150_000_000_000_000L, 6), false),
                                new Holder(fan, TokenAmount.of(50_000_000_000_000L, 6), false))),
                new MarketEvent.LiquidityPulled(T0.plusSeconds(1), TOKEN, 9_900),
                new MarketEvent.Swapped(
                        T0.plusSeconds(1), TOKEN, Side.SELL, BigInteger.valueOf(150_000_000_000_000L), dev),
                new MarketEvent.Swapped(T0.plusSeconds(2), TOKEN, Side.BUY, BigInteger.valueOf(1_000_000L), fan),
                new MarketEvent.Swapped(
                        T0.plusSeconds(3), TOKEN, Side.SELL, BigInteger.valueOf(100_000_000_000_000L), fan));
        Price start = market.price(TOKEN).orElseThrow();
        TokenAmount bought = market.swap(TOKEN, Side.BUY, TokenAmount.of(1_000_000_000L, 9), TokenAmount.zero(6));
        market.advanceTo(T0.plusSeconds(1));
        assertThat(market.price(TOKEN).orElseThrow().value())
                .isLessThan(start.value().movePointLeft(2));
        TokenAmount back = market.swap(TOKEN, Side.SELL, bought, TokenAmount.zero(9));
        assertThat(back.raw()).isLessThan(BigInteger.valueOf(10_000_000L)); // under 1 % of the SOL spent
        // the dev sold out; the fan's buy adds to its holding
        assertThat(market.largestHolders(TOKEN, 5)).extracting(Holder::owner).doesNotContain(dev);
        market.advanceTo(T0.plusSeconds(2));
        assertThat(market.holdersOf(TOKEN)).singleElement().satisfies(h -> {
            assertThat(h.owner()).isEqualTo(fan);
            assertThat(h.amount()).isGreaterThan(TokenAmount.of(50_000_000_000_000L, 6));
        });
        // a named trader cannot sell more than it holds: a recording that does not fit its own history
        assertThatThrownBy(() -> market.advanceTo(T0.plusSeconds(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(fan + " sells 100000000000000 raw units");
    }

    @Test
    void shouldWidenTheStepsWithJumps() {
        // 5 tokens, 1 % volatility, jumps of 15 %: with a 20 % jump chance a step's spread is sqrt(0.01^2 + 0.2 ×
        // 0.15^2) = 6.8 %, and the largest of 5000 steps is a jump of about 3.3 sd (50 %) instead of ~4 % without
        for (long seed = 1; seed <= 5; seed++) {
            RandomMarketSettings calm = jumps(seed, 0);
            RandomMarketSettings jumpy = jumps(seed, 0.2);
            double[] calmSteps = logReturns(calm, 1000);
            double[] jumpySteps = logReturns(jumpy, 1000);
            assertThat(calmSteps).hasSize(5000);
            assertThat(spread(calmSteps)).as("seed %d", seed).isCloseTo(0.01, within(0.001));
            assertThat(largest(calmSteps)).as("seed %d", seed).isLessThan(0.06);
            assertThat(spread(jumpySteps)).as("seed %d", seed).isGreaterThan(4 * spread(calmSteps));
            assertThat(largest(jumpySteps)).as("seed %d", seed).isGreaterThan(0.3);
        }
    }

    private static RandomMarketSettings jumps(long seed, double jumpProbability) {
        RandomMarketSettings d = RandomMarketSettings.defaults(seed, T0);
        return new RandomMarketSettings(
                seed, T0, d.step(), 5, 100, jumpProbability, 1500, 0, 0, 0, 0, 0, d.holdersPerToken());
    }

    /** Every token's log-return over each of {@code steps} steps. */
    private static double[] logReturns(RandomMarketSettings settings, int steps) {
        List<Double> out = new ArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings)) {
            market.advanceTo(settings.start());
            Map<Mint, Double> last = new HashMap<>();
            for (Mint m : market.mints()) {
                last.put(m, logPrice(market.pool(m).orElseThrow()));
            }
            for (int s = 1; s <= steps; s++) {
                market.advanceTo(settings.start().plus(settings.step().multipliedBy(s)));
                for (Mint m : market.mints()) {
                    double now = logPrice(market.pool(m).orElseThrow());
                    out.add(now - last.put(m, now));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double logPrice(Pool pool) {
        return Math.log(pool.solReserve().value())
                - Math.log(pool.tokenReserve().raw().doubleValue());
    }

    private static double spread(double[] xs) {
        double mean = java.util.Arrays.stream(xs).average().orElseThrow();
        return Math.sqrt(
                java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1));
    }

    private static double largest(double[] xs) {
        return java.util.Arrays.stream(xs).map(Math::abs).max().orElseThrow();
    }

    @Test
    void shouldFeedNewTokensListedAfterAGivenTime() {
        RandomMarketSettings settings =
                RandomMarketSettings.defaults(3, T0).withInitialTokens(2).withLaunches(0.3, 0, 0);
        try (SimulatedMarket market = SimulatedMarket.random(settings)) {
            market.advanceTo(T0);
            assertThat(market.newTokens(T0.minusMillis(1))).hasSize(2);
            assertThat(market.newTokens(T0)).isEmpty();
            market.advanceTo(T0.plusSeconds(60));
            List<NewToken> launched = market.newTokens(T0);
            assertThat(launched).isNotEmpty().allMatch(t -> t.listedAt().isAfter(T0));
            assertThat(market.mints()).hasSize(2 + launched.size());
            NewToken last = launched.getLast();
            assertThat(market.newTokens(last.listedAt())).isEmpty();
            assertThat(market.decimals(last.mint())).contains(6);
        }
    }

    @Test
    void shouldQuoteRecentPriorityFeesThatRiseWithTheMarketsActivity() {
        SimulatedMarket market = Markets.onePool();
        // a quiet market: the median is 1 000 micro-lamports per compute unit; the percentiles from a third of it
        assertThat(market.recentPriorityFee(50)).hasValue(1_000);
        assertThat(market.recentPriorityFee(0)).hasValue(333);
        assertThat(market.recentPriorityFee(100)).hasValue(1_666);
        for (int i = 0; i < 4; i++) {
            market.swap(TOKEN, Side.BUY, TokenAmount.of(1_000_000L, 9), TokenAmount.zero(6));
        }
        // four swaps within the last minute: 50 more each
        assertThat(market.recentPriorityFee(50)).hasValue(1_200);
        assertThat(market.recentPriorityFee(75)).hasValue(1_600);
        market.advanceTo(T0.plusSeconds(120));
        assertThat(market.recentPriorityFee(50)).hasValue(1_000);
        assertThat(market.capabilities()).contains("priority-fees");
        assertThatThrownBy(() -> market.recentPriorityFee(101))
                .hasMessage("percentile must be between 0 and 100, but was 101");
    }

    @Test
    void shouldMoveThePoolWithOurOwnTrades() {
        SimulatedMarket market = Markets.onePool();
        TokenAmount out = market.swap(TOKEN, Side.BUY, TokenAmount.of(1_000_000_000L, 9), TokenAmount.zero(6));
        assertThat(out).isEqualTo(TokenAmount.of(9_876_482_091L, 6));
        Pool pool = market.pool(TOKEN).orElseThrow();
        assertThat(pool.solReserve()).isEqualTo(Lamports.of(101_000_000_000L));
        assertThat(market.price(TOKEN).orElseThrow()).isGreaterThan(Price.of("0.0001"));
    }

    @Test
    void shouldRefuseASwapBelowItsMinimumWithoutMovingThePool() {
        SimulatedMarket market = Markets.onePool();
        assertThatThrownBy(() -> market.swap(
                        TOKEN, Side.BUY, TokenAmount.of(1_000_000_000L, 9), TokenAmount.of(9_876_482_092L, 6)))
                .isInstanceOf(TradeRefusedException.class)
                .hasMessageContaining("slippage exceeded");
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(100_000_000_000L));
    }

    @Test
    void shouldRefuseToSellAHoneypotButLetItBeBought() {
        MarketEvent.TokenListed l = Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25);
        SimulatedMarket market = Markets.started(new MarketEvent.TokenListed(
                l.at(),
                l.mint(),
                l.symbol(),
                6,
                l.solReserve(),
                l.tokenReserve(),
                25,
                l.authorities(),
                false,
                List.of()));
        market.swap(TOKEN, Side.BUY, TokenAmount.of(1_000_000_000L, 9), TokenAmount.zero(6));
        assertThatThrownBy(() -> market.swap(TOKEN, Side.SELL, TokenAmount.of(1_000, 6), TokenAmount.zero(9)))
                .isInstanceOf(TradeRefusedException.class)
                .hasMessageContaining("cannot be sold")
                .extracting(e -> ((TradeRefusedException) e).stage())
                .isEqualTo("land");
    }

    @Test
    void shouldDrainAPoolWhenItsLiquidityIsPulled() {
        SimulatedMarket market = Markets.started(
                Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25),
                new MarketEvent.LiquidityPulled(T0.plusSeconds(1), TOKEN, 9_900),
                new MarketEvent.LiquidityPulled(T0.plusSeconds(2), TOKEN, 10_000));
        market.advanceTo(T0.plusSeconds(1));
        assertThat(market.pool(TOKEN).orElseThrow().liquidity()).isEqualTo(Lamports.of(2_000_000_000L));
        assertThat(market.price(TOKEN)).contains(Price.of("0.0001"));
        market.advanceTo(T0.plusSeconds(2));
        assertThat(market.price(TOKEN)).isEmpty();
        assertThatThrownBy(() -> market.swap(TOKEN, Side.BUY, TokenAmount.of(1, 9), TokenAmount.zero(6)))
                .hasMessageContaining("drained");
    }

    @Test
    void shouldListTheLargestHoldersWithThePoolMarked() {
        Holder whale = new Holder(OTHER.address(), TokenAmount.of(5_000_000_000_000L, 6), false);
        Holder small = new Holder(TOKEN.address(), TokenAmount.of(1_000, 6), false);
        MarketEvent.TokenListed l = Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25);
        SimulatedMarket market = Markets.started(new MarketEvent.TokenListed(
                T0,
                TOKEN,
                "TKN",
                6,
                l.solReserve(),
                l.tokenReserve(),
                25,
                new Authorities("auth", null),
                true,
                List.of(whale, small)));
        List<Holder> top = market.largestHolders(TOKEN, 2);
        assertThat(top).hasSize(2);
        assertThat(top.get(0)).isEqualTo(whale);
        assertThat(top.get(1).pool()).isTrue();
        assertThat(top.get(1).amount()).isEqualTo(l.tokenReserve());
        assertThat(market.authorities(TOKEN)).contains(new Authorities("auth", null));
        assertThat(market.authorities(OTHER)).isEmpty();
    }

    @Test
    void shouldNotGoBackInTime() {
        SimulatedMarket market = Markets.onePool();
        market.advanceTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> market.advanceTo(T0))
                .hasMessage("the market is at 2026-01-01T00:00:05Z and cannot go back to 2026-01-01T00:00:00Z");
    }

    @Test
    void shouldFollowAScriptedCsvSeries() {
        String csv = """
                time,mint,price,solReserve,decimals
                2026-01-01T00:00:00Z,%1$s,0.0001,100,6
                2026-01-01T00:00:01Z,%1$s,0.0002,,
                1767225602000,%1$s,0.00015,,
                """.formatted(TOKEN.address());
        SimulatedMarket market = SimulatedMarket.scripted(new StringReader(csv));
        assertThat(market.now()).isEqualTo(T0);
        market.advanceTo(T0);
        assertThat(market.price(TOKEN)).contains(Price.of("0.0001"));
        Pool listed = market.pool(TOKEN).orElseThrow();
        market.advanceTo(T0.plusSeconds(1));
        assertThat(market.price(TOKEN)).contains(Price.of("0.0002"));
        Pool repriced = market.pool(TOKEN).orElseThrow();
        // an arbitrage along the curve: the product of the reserves stays (to rounding)
        BigInteger k0 = BigInteger.valueOf(listed.solReserve().value())
                .multiply(listed.tokenReserve().raw());
        BigInteger k1 = BigInteger.valueOf(repriced.solReserve().value())
                .multiply(repriced.tokenReserve().raw());
        assertThat(k1.subtract(k0).abs()).isLessThan(k0.divide(BigInteger.valueOf(1_000_000_000L)));
        market.advanceTo(T0.plusSeconds(2));
        assertThat(market.price(TOKEN)).contains(Price.of("0.00015"));
        assertThat(market.nextEventTime()).isEmpty();
    }

    @Test
    void shouldNameTheLineAndColumnOfABadCsvValue() {
        String csv = "time,mint,price\n2026-01-01T00:00:00Z," + TOKEN.address() + ",-1\n";
        assertThatThrownBy(() -> SimulatedMarket.scripted(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: price '-1' is not valid");
        assertThatThrownBy(() -> SimulatedMarket.scripted(new StringReader("time,mint,cost\n")))
                .hasMessageContaining("unknown column 'cost'");
    }

    @Test
    void shouldServeWholeEventsToConcurrentReaders() throws Exception {
        RandomMarketSettings settings = RandomMarketSettings.defaults(5, T0);
        try (SimulatedMarket market = SimulatedMarket.random(settings)) {
            market.advanceTo(T0);
            List<Mint> mints = market.mints();
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (!done.get()) {
                        for (Mint m : mints) {
                            Pool p = market.pool(m).orElseThrow();
                            assertThat(p.solReserve().value()).isPositive();
                            market.price(m).orElseThrow();
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            for (int s = 1; s <= 2_000; s++) {
                market.advanceTo(T0.plusSeconds(s));
            }
            done.set(true);
            reader.join();
            assertThat(failure.get()).isNull();
            assertThat(market.eventsApplied()).isGreaterThan(2_000);
        }
    }

    @Test
    void shouldRefuseEventsOutOfTimeOrder() {
        Instant later = T0.plusSeconds(1);
        assertThatThrownBy(() -> SimulatedMarket.of(List.of(
                        new MarketEvent.Swapped(later, TOKEN, Side.BUY, BigInteger.TEN),
                        new MarketEvent.Swapped(T0, TOKEN, Side.BUY, BigInteger.TEN))))
                .hasMessageContaining("time order");
    }
}
