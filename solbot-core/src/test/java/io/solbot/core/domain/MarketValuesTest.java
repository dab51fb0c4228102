package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value types strategies read of the market: candles, token info, the SOL price, feeds, wallets, price impact. */
class MarketValuesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Mint TOKEN = Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr");

    private static Candle candle(String open, String high, String low, String close, long volume, long tokens) {
        return new Candle(
                T0,
                T0.plusSeconds(60),
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(close),
                Lamports.of(volume),
                TokenAmount.of(tokens, 6),
                tokens == 0 ? 0 : 3);
    }

    @Test
    void shouldComputeChangeRangeAndVwapOfACandleExactly() {
        // 50 SOL for 400 000 tokens: 0.000125 SOL per token
        Candle c = candle("0.0001", "0.0004", "0.00008", "0.0003", 50_000_000_000L, 400_000_000_000L);

        assertThat(c.changePercent()).isEqualByComparingTo("200");
        assertThat(c.rangePercent()).isEqualByComparingTo("400");
        assertThat(c.vwap()).contains(Price.of("0.000125"));
        assertThat(c.span()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldHaveNoVwapWithoutTrades() {
        assertThat(candle("0.0001", "0.0001", "0.0001", "0.0001", 0, 0).vwap()).isEmpty();
    }

    @Test
    void shouldRefuseACandleWhosePricesAreOutsideItsRange() {
        assertThatThrownBy(() -> candle("0.0005", "0.0004", "0.0001", "0.0002", 0, 0))
                .hasMessageContaining("must lie between low 0.0001 and high 0.0004");
        assertThatThrownBy(() -> candle("0.0002", "0.0004", "0.0001", "0.00005", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptWindowsOfWholeSecondsUpToADay() {
        assertThat(Candle.checkWindow("window", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Candle.checkWindow("window", Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofHours(25))) {
            assertThatThrownBy(() -> Candle.checkWindow("window", bad))
                    .hasMessage("window must be whole seconds from 1 second to 24 hours, but was " + bad);
        }
    }

    @Test
    void shouldGiveATokensAgeAndMarketCapInSolAndUsd() {
        // 1 000 000 000 tokens of 6 decimals
        TokenInfo info = new TokenInfo(TOKEN, "TKN", 6, TokenAmount.of(1_000_000_000_000_000L, 6), T0);

        assertThat(info.age(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(info.age(T0.minusSeconds(1))).isEqualTo(Duration.ZERO);
        // 1e9 × 0.0000002 = 200 SOL; at 150 USD: 30 000 USD
        assertThat(info.marketCapSol(Price.of("0.0000002"))).isEqualByComparingTo("200");
        assertThat(info.marketCapUsd(Price.of("0.0000002"), SolUsd.of("150"))).isEqualByComparingTo("30000");
        assertThatThrownBy(() -> new TokenInfo(TOKEN, "TKN", 9, TokenAmount.of(1, 6), T0))
                .hasMessageContaining("has 6 decimals, but the token has 9");
    }

    @Test
    void shouldConvertBetweenUsdAndSolExactlyAndLamportsRoundedDown() {
        SolUsd solUsd = SolUsd.of("150");

        assertThat(solUsd.usd(Lamports.ofSol("2.5"))).isEqualByComparingTo("375");
        assertThat(solUsd.usdPerToken(Price.of("0.0001"))).isEqualByComparingTo("0.015");
        // 5 USD / 150 = 0.0333333333… SOL: 33 333 333 lamports, rounded down
        assertThat(solUsd.lamportsFor(new BigDecimal("5"))).isEqualTo(Lamports.of(33_333_333));
        assertThat(solUsd.lamportsFor(new BigDecimal("50000"))).isEqualTo(Lamports.ofSol("333.333333333"));
        assertThatThrownBy(() -> SolUsd.of("0")).hasMessageContaining("must be more than 0 USD");
    }

    @Test
    void shouldNameFeedsAsConfigsSpellThem() {
        assertThat(TokenFeed.of("high-liquidity")).isEqualTo(TokenFeed.HIGH_LIQUIDITY);
        assertThat(TokenFeed.of("RECENT_GOOD_LIQUIDITY")).isEqualTo(TokenFeed.RECENT_GOOD_LIQUIDITY);
        assertThat(TokenFeed.of("volumeSpike")).isEqualTo(TokenFeed.VOLUME_SPIKE);
        assertThat(TokenFeed.TRENDING.id()).isEqualTo("trending");
        assertThatThrownBy(() -> TokenFeed.of("monitored"))
                .hasMessageStartingWith("a token feed is one of [new, trending,")
                .hasMessageEndingWith("but was 'monitored'");
    }

    @Test
    void shouldValueAWalletAtItsTokensPricesLeavingUnpricedTokensOut() {
        Mint other = Mint.USDC;
        WalletBalances wallet = new WalletBalances(
                "main",
                Lamports.ofSol("1"),
                List.of(
                        TokenBalance.unpriced(TOKEN, TokenAmount.of(1_000_000_000L, 6)),
                        TokenBalance.unpriced(other, TokenAmount.of(5_000_000L, 6))),
                T0);
        Map<Mint, Price> prices = Map.of(TOKEN, Price.of("0.0001"));

        WalletBalances priced = wallet.withPrices(m -> Optional.ofNullable(prices.get(m)));

        // 1 SOL + 1 000 tokens × 0.0001 = 1.1 SOL; the unpriced token counts as nothing
        assertThat(priced.valueSol()).isEqualTo(Lamports.ofSol("1.1"));
        assertThat(priced.token(TOKEN).orElseThrow().value()).contains(Lamports.ofSol("0.1"));
        assertThat(priced.token(other).orElseThrow().value()).isEmpty();
        // ordered by mint, whatever the order given
        assertThat(priced.tokens()).extracting(TokenBalance::mint).isSorted();
        assertThatThrownBy(() -> new WalletBalances("main", Lamports.of(-1), List.of(), T0))
                .hasMessageContaining("cannot hold negative SOL");
        assertThatThrownBy(() -> TokenBalance.unpriced(TOKEN, TokenAmount.zero(6)))
                .hasMessageContaining("more than zero");
    }

    @Test
    void shouldMeasurePriceImpactAgainstTheMidPriceFeeIncluded() {
        Pool pool = new Pool(TOKEN, 6, Lamports.of(100_000_000_000L), TokenAmount.of(1_000_000_000_000L, 6), 25);

        // at mid 1 SOL buys 1e10 raw; the pool pays 9 876 482 091: (1e10 − 9 876 482 091) × 10⁴ / 1e10 = 123.517909
        assertThat(pool.priceImpactBps(Side.BUY, TokenAmount.of(1_000_000_000L, 9)))
                .isEqualByComparingTo("123.52");
        Pool drained = new Pool(TOKEN, 6, Lamports.ZERO, TokenAmount.zero(6), 25);
        assertThat(drained.priceImpactBps(Side.BUY, TokenAmount.of(1_000_000_000L, 9)))
                .isEqualByComparingTo("10000");
    }
}
