package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.testing.Markets;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The simulated market's token lists, two hours into a market of four tokens on fee-less pools, all at 0.0001 SOL
 * when listed:
 *
 * <ul>
 *   <li>A, listed at T0 with 100 SOL: bought for 25 SOL at 1 h 30 min, up to 0.00015625 (+56.25 %);
 *   <li>B, listed at T0 with 400 SOL: bought for 100 SOL at 1 h 10 min (800 000 tokens out) and sold back at 1 h 11
 *       min (100 SOL out), 200 SOL of volume in two trades, ending where it began;
 *   <li>D, listed at T0 with 50 SOL: sold for 8.33 SOL at 30 min (down to 0.0000694), then bought for 1 SOL at 1 h 59
 *       min (up 4.9 % to 0.0000728): a spike, since that 1 SOL is all its volume of the hour;
 *   <li>C, listed at 1 h 50 min with 10 SOL (20 SOL of liquidity), never traded.
 * </ul>
 */
class TokenListsTest {
    private static final long SOL = 1_000_000_000L;
    private static final Mint A = Markets.TOKEN;
    private static final Mint B = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Mint C = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
    private static final Mint D = Mint.USDC;
    private static final Instant NOW = T0.plus(Duration.ofHours(2));

    private static MarketEvent.Swapped swap(Mint mint, Duration at, Side side, long amountIn) {
        return new MarketEvent.Swapped(T0.plus(at), mint, side, BigInteger.valueOf(amountIn));
    }

    private static SimulatedMarket market() {
        MarketEvent.TokenListed c = Markets.listing(C, 10 * SOL, 100_000_000_000L, 6, 0);
        SimulatedMarket market = Markets.started(
                Markets.listing(A, 100 * SOL, 1_000_000_000_000L, 6, 0),
                Markets.listing(B, 400 * SOL, 4_000_000_000_000L, 6, 0),
                Markets.listing(D, 50 * SOL, 500_000_000_000L, 6, 0),
                swap(D, Duration.ofMinutes(30), Side.SELL, 100_000_000_000L),
                swap(B, Duration.ofMinutes(70), Side.BUY, 100 * SOL),
                swap(B, Duration.ofMinutes(71), Side.SELL, 800_000_000_000L),
                swap(A, Duration.ofMinutes(90), Side.BUY, 25 * SOL),
                new MarketEvent.TokenListed(
                        T0.plus(Duration.ofMinutes(110)),
                        C,
                        c.symbol(),
                        c.decimals(),
                        c.solReserve(),
                        c.tokenReserve(),
                        c.feeBps(),
                        c.authorities(),
                        true,
                        c.holders()),
                swap(D, Duration.ofMinutes(119), Side.BUY, SOL));
        market.advanceTo(NOW);
        return market;
    }

    @Test
    void shouldRankByVolumeAndTradesOfTheLastHourLeavingOutWhatDidNotTrade() {
        try (SimulatedMarket market = market()) {
            assertThat(market.candle(B, Duration.ofHours(1)).orElseThrow().volume())
                    .isEqualTo(Lamports.ofSol("200"));

            assertThat(market.tokens(TokenFeed.TRENDING, 10)).containsExactly(B, A, D);
            assertThat(market.tokens(TokenFeed.TRENDING, 2)).containsExactly(B, A);
            // A and D traded once each: listing order breaks the tie
            assertThat(market.tokens(TokenFeed.HIGH_TRADE, 10)).containsExactly(B, A, D);
            assertThat(market.trending(Duration.ofMinutes(5), 10)).containsExactly(D);
        }
    }

    @Test
    void shouldRankByLiquidityAndDayVolumeKeepingTokensThatDidNotTrade() {
        try (SimulatedMarket market = market()) {
            // liquidity: B 800 SOL, A 250, D 85.3, C 20
            assertThat(market.tokens(TokenFeed.HIGH_LIQUIDITY, 10)).containsExactly(B, A, D, C);
            // volume of the day: B 200 SOL, A 25, D 9.33, C none
            assertThat(market.tokens(TokenFeed.ALL, 10)).containsExactly(B, A, D, C);
        }
    }

    @Test
    void shouldListRisesSpikesAndMidCapGrowth() {
        try (SimulatedMarket market = market()) {
            // A +56.25 %, D +4.9 %; B and C ended where they began
            assertThat(market.tokens(TokenFeed.PRICE_SURGE, 10)).containsExactly(A, D);
            // D: 1 SOL in the last 5 minutes against 1 SOL in the hour, 12 times the average 5 minutes
            assertThat(market.tokens(TokenFeed.VOLUME_SPIKE, 10)).containsExactly(D);
            // market caps: C 10 SOL, D 36.4, A 156.25, B 400; the middle third is D and A; of those only A rose
            // over the day
            assertThat(market.tokens(TokenFeed.MID_CAP_GROWTH, 10)).containsExactly(A);
        }
    }

    @Test
    void shouldListNewTokensNewestFirstAndThoseWithGoodLiquidity() {
        try (SimulatedMarket market = market()) {
            assertThat(market.tokens(TokenFeed.NEW, 10)).containsExactly(C, D, B, A);
            // C's 20 SOL of liquidity is below 50
            assertThat(market.tokens(TokenFeed.RECENT_GOOD_LIQUIDITY, 10)).containsExactly(D, B, A);

            market.advanceTo(T0.plus(Duration.ofHours(25)));
            assertThat(market.tokens(TokenFeed.NEW, 10)).containsExactly(C);
        }
    }

    @Test
    void shouldLeaveOutTokensWithoutAPriceAndRefuseABadLimit() {
        try (SimulatedMarket market = Markets.started(
                Markets.listing(A, 100 * SOL, 1_000_000_000_000L, 6, 0),
                Markets.listing(B, 400 * SOL, 4_000_000_000_000L, 6, 0),
                new MarketEvent.LiquidityPulled(T0.plusSeconds(1), A, 10_000))) {
            market.advanceTo(T0.plusSeconds(2));

            assertThat(market.tokens(TokenFeed.HIGH_LIQUIDITY, 10)).containsExactly(B);
            assertThat(market.tokens(TokenFeed.NEW, 10)).containsExactly(B);
            assertThatThrownBy(() -> market.tokens(TokenFeed.NEW, 0)).hasMessage("limit must be at least 1, but was 0");
        }
    }
}
