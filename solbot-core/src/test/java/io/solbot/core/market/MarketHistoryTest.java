package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.testing.Markets;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the simulated market remembers of a token's trading: candles over windows and in series, token info and the
 * SOL price, against hand-computed figures. The pool of these tests has no fee, so that its swaps come out round: 100
 * SOL against 1 000 000 tokens (6 decimals), 0.0001 SOL each.
 */
class MarketHistoryTest {
    private static final long SOL = 1_000_000_000L;

    /**
     * Listed at T0 at 0.0001; at T0+10 s someone buys for 25 SOL: out = 1e12 × 25e9 / (1e11 + 25e9) = 2e11 raw
     * (200 000 tokens), leaving 125 SOL / 800 000 tokens, 0.00015625; at T0+20 s someone sells those 200 000 tokens:
     * out = 125e9 × 2e11 / (8e11 + 2e11) = 25 SOL, back to 0.0001; at T0+70 s an arbitrageur reprices the pool to
     * 0.0004 (k = 1e23 stays: 500 000 tokens against 200 SOL), without a trade.
     */
    private static SimulatedMarket market() {
        SimulatedMarket market = Markets.started(
                Markets.listing(TOKEN, 100 * SOL, 1_000_000_000_000L, 6, 0),
                new MarketEvent.Swapped(T0.plusSeconds(10), TOKEN, Side.BUY, BigInteger.valueOf(25 * SOL)),
                new MarketEvent.Swapped(T0.plusSeconds(20), TOKEN, Side.SELL, BigInteger.valueOf(200_000_000_000L)),
                new MarketEvent.Repriced(T0.plusSeconds(70), TOKEN, Price.of("0.0004")));
        market.advanceTo(T0.plusSeconds(90));
        return market;
    }

    private static Candle candle(
            int startSecond,
            int endSecond,
            String open,
            String high,
            String low,
            String close,
            long volume,
            long tokens,
            long trades) {
        return new Candle(
                T0.plusSeconds(startSecond),
                T0.plusSeconds(endSecond),
                Price.of(open),
                Price.of(high),
                Price.of(low),
                Price.of(close),
                Lamports.of(volume),
                TokenAmount.of(tokens, 6),
                trades);
    }

    @Test
    void shouldSumAWindowsSwapsFromTheListingOn() {
        try (SimulatedMarket market = market()) {
            // from the listing: both swaps, 25 SOL each way for 200 000 tokens each way
            Candle all = market.candle(TOKEN, Duration.ofSeconds(90)).orElseThrow();

            assertThat(all)
                    .isEqualTo(candle(0, 90, "0.0001", "0.0004", "0.0001", "0.0004", 50 * SOL, 400_000_000_000L, 2));
            assertThat(all.vwap()).contains(Price.of("0.000125"));
            assertThat(all.changePercent()).isEqualByComparingTo("300");
        }
    }

    @Test
    void shouldOpenAWindowAtThePriceBeforeIt() {
        try (SimulatedMarket market = market()) {
            // from T0+15 s: the sell and the reprice; it opens at the price the buy left, 0.00015625
            Candle sinceBuy = market.candle(TOKEN, Duration.ofSeconds(75)).orElseThrow();
            // from T0+30 s: only the reprice, no trade
            Candle quiet = market.candle(TOKEN, Duration.ofSeconds(60)).orElseThrow();

            assertThat(sinceBuy)
                    .isEqualTo(
                            candle(15, 90, "0.00015625", "0.0004", "0.0001", "0.0004", 25 * SOL, 200_000_000_000L, 1));
            assertThat(sinceBuy.changePercent()).isEqualByComparingTo("156");
            assertThat(quiet).isEqualTo(candle(30, 90, "0.0001", "0.0004", "0.0001", "0.0004", 0, 0, 0));
            assertThat(quiet.vwap()).isEmpty();
        }
    }

    @Test
    void shouldSplitHistoryIntoCandlesAlignedToTheirWidth() {
        try (SimulatedMarket market = market()) {
            List<Candle> candles = market.candles(TOKEN, Duration.ofSeconds(30), 4);

            assertThat(candles)
                    .containsExactly(
                            candle(0, 30, "0.0001", "0.00015625", "0.0001", "0.0001", 50 * SOL, 400_000_000_000L, 2),
                            candle(30, 60, "0.0001", "0.0001", "0.0001", "0.0001", 0, 0, 0),
                            candle(60, 90, "0.0001", "0.0004", "0.0001", "0.0004", 0, 0, 0),
                            // the current candle has only begun
                            candle(90, 90, "0.0004", "0.0004", "0.0004", "0.0004", 0, 0, 0));
            // none before the listing
            assertThat(market.candles(TOKEN, Duration.ofSeconds(30), 10)).hasSize(4);
        }
    }

    @Test
    void shouldCountOurOwnSwapsAndIdealFillsAsTrades() {
        try (SimulatedMarket market = Markets.started(Markets.listing(TOKEN, 100 * SOL, 1_000_000_000_000L, 6, 0))) {
            // 25 SOL in: 200 000 tokens out, as above
            market.swap(TOKEN, Side.BUY, TokenAmount.of(25 * SOL, 9), TokenAmount.zero(6));
            // at mid (0.00015625 now), 100 000 tokens bring 15.625 SOL; the pool does not move
            market.fillAtMid(TOKEN, Side.SELL, TokenAmount.of(100_000_000_000L, 6));

            Candle c = market.candle(TOKEN, Duration.ofMinutes(1)).orElseThrow();

            assertThat(c.trades()).isEqualTo(2);
            assertThat(c.volume()).isEqualTo(Lamports.ofSol("40.625"));
            assertThat(c.tokenVolume()).isEqualTo(TokenAmount.of(300_000_000_000L, 6));
            assertThat(c.close()).isEqualTo(Price.of("0.00015625"));
        }
    }

    @Test
    void shouldReadWindowsOverAnHourToTheMinuteAndForgetWhatIsADayOld() {
        try (SimulatedMarket market = Markets.started(
                Markets.listing(TOKEN, 100 * SOL, 1_000_000_000_000L, 6, 0),
                new MarketEvent.Swapped(T0.plusSeconds(30), TOKEN, Side.BUY, BigInteger.valueOf(25 * SOL)),
                new MarketEvent.Swapped(
                        T0.plus(Duration.ofHours(2)), TOKEN, Side.SELL, BigInteger.valueOf(200_000_000_000L)))) {
            market.advanceTo(T0.plus(Duration.ofHours(2)).plusSeconds(45));

            // 3 hours back, to the minute: from 23:00:00, the start of the minute of the window's start (23:00:45)
            Candle threeHours = market.candle(TOKEN, Duration.ofHours(3)).orElseThrow();
            assertThat(threeHours.start()).isEqualTo(T0.minus(Duration.ofHours(1)));
            assertThat(threeHours.trades()).isEqualTo(2);
            assertThat(threeHours.high()).isEqualTo(Price.of("0.00015625"));

            // a day and a minute later only the sell is within 24 hours; the window opens at the price the buy left
            market.advanceTo(T0.plus(Duration.ofHours(24)).plusSeconds(105));
            Candle day = market.candle(TOKEN, Duration.ofDays(1)).orElseThrow();
            assertThat(day.trades()).isEqualTo(1);
            assertThat(day.open()).isEqualTo(Price.of("0.00015625"));
            assertThat(day.close()).isEqualTo(Price.of("0.0001"));
            // and an hour's window of a token that has not moved for hours is flat at its last price
            assertThat(market.candle(TOKEN, Duration.ofHours(1)).orElseThrow())
                    .extracting(Candle::open, Candle::high, Candle::low, Candle::close, Candle::trades)
                    .containsExactly(
                            Price.of("0.0001"), Price.of("0.0001"), Price.of("0.0001"), Price.of("0.0001"), 0L);
        }
    }

    @Test
    void shouldGiveTheSameWindowFromTheMinutesWithTheSecondsAtItsEdgesAsFromEverySecond() {
        // a long window reads its whole minutes from the minute buckets: it must equal the window summed from one-
        // second candles, which read the second buckets only, on a busy random market at odd times and windows
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(7, T0).withLaunches(0.05, 0.001, 0.1))) {
            int checked = 0;
            for (int minute = 3; minute <= 80; minute += 11) {
                market.advanceTo(T0.plusSeconds(minute * 60L + 17));
                for (Duration window : List.of(
                        Duration.ofSeconds(61),
                        Duration.ofSeconds(299),
                        Duration.ofMinutes(17).plusSeconds(13),
                        Duration.ofMinutes(59))) {
                    for (Mint mint : market.mints()) {
                        long now = market.now().getEpochSecond();
                        int seconds = (int) (now - Math.floorDiv(now - window.toSeconds(), 1) + 1);
                        List<Candle> each = market.candles(mint, Duration.ofSeconds(1), seconds);
                        if (each.size() != seconds) {
                            continue; // listed within the window: the one-second series starts later
                        }
                        Candle whole = market.candle(mint, window).orElseThrow();
                        assertThat(whole)
                                .as("%s over %s at %s", mint, window, market.now())
                                .isEqualTo(sum(each));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    @Test
    void shouldTellAWindowsOpenCloseVolumeAndSwapsFromItsEndsAsItsCandleDoes() {
        // the token lists rank every token by these figures, read from the running totals of the buckets at the
        // window's two ends: over a day and more of a busy market (buckets dropped, tokens rugged and idle), at odd
        // times, for windows of each tier and at the horizons, they must be the candle's
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(11, T0).withLaunches(0.01, 0.002, 0.1))) {
            int checked = 0;
            for (long second = 61; second < 26 * 3600; second += 7919) {
                market.advanceTo(T0.plusSeconds(second));
                for (Duration window : List.of(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(59),
                        Duration.ofMinutes(5).plusSeconds(3),
                        Duration.ofHours(1),
                        Duration.ofHours(1).plusSeconds(1),
                        Duration.ofHours(7).plusMinutes(3),
                        Duration.ofDays(1))) {
                    for (Mint mint : market.mints()) {
                        Optional<Candle> candle = market.candle(mint, window);
                        Optional<TradeHistory.Activity> activity =
                                market.model().history(mint).activity(market.now(), window);
                        assertThat(activity.isPresent())
                                .as("%s over %s", mint, window)
                                .isEqualTo(candle.isPresent());
                        if (candle.isPresent()) {
                            TradeHistory.Activity a = activity.orElseThrow();
                            assertThat(List.of(
                                            a.open().price().orElseThrow(),
                                            a.close().price().orElseThrow(),
                                            a.volume(),
                                            a.trades()))
                                    .as("%s over %s at %s", mint, window, market.now())
                                    .isEqualTo(List.of(
                                            candle.get().open(),
                                            candle.get().close(),
                                            candle.get().volume().value(),
                                            candle.get().trades()));
                            checked++;
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThan(1000);
        }
    }

    private static Candle sum(List<Candle> candles) {
        Price high = candles.getFirst().high();
        Price low = candles.getFirst().low();
        long volume = 0;
        TokenAmount tokens = TokenAmount.zero(candles.getFirst().tokenVolume().decimals());
        long trades = 0;
        for (Candle c : candles) {
            high = c.high().compareTo(high) > 0 ? c.high() : high;
            low = c.low().compareTo(low) < 0 ? c.low() : low;
            volume += c.volume().value();
            tokens = tokens.plus(c.tokenVolume());
            trades += c.trades();
        }
        return new Candle(
                candles.getFirst().start(),
                candles.getLast().end(),
                candles.getFirst().open(),
                high,
                low,
                candles.getLast().close(),
                Lamports.of(volume),
                tokens,
                trades);
    }

    @Test
    void shouldRefuseWindowsAndCandlesItCannotAnswer() {
        try (SimulatedMarket market = market()) {
            assertThatThrownBy(() -> market.candle(TOKEN, Duration.ofHours(25)))
                    .hasMessageContaining("from 1 second to 24 hours");
            assertThatThrownBy(() -> market.candles(TOKEN, Duration.ofSeconds(90), 60))
                    .hasMessageContaining("width of whole minutes");
            assertThatThrownBy(() -> market.candles(TOKEN, Duration.ofHours(1), 25))
                    .hasMessageContaining("at most 24 hours");
            assertThat(market.candle(io.solbot.core.domain.Mint.USDC, Duration.ofMinutes(1)))
                    .isEmpty();
        }
    }

    @Test
    void shouldKnowATokensSupplyAgeAndMarketCapFromItsListing() {
        Holder creator =
                new Holder("9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin", TokenAmount.of(250_000_000_000L, 6), false);
        MarketEvent.TokenListed listing = new MarketEvent.TokenListed(
                T0,
                TOKEN,
                "TKN",
                6,
                Lamports.of(100 * SOL),
                TokenAmount.of(1_000_000_000_000L, 6),
                25,
                io.solbot.core.domain.Authorities.RENOUNCED,
                true,
                List.of(creator));
        try (SimulatedMarket market = Markets.started(listing)) {
            market.advanceTo(T0.plusSeconds(90));

            TokenInfo info = market.tokenInfo(TOKEN).orElseThrow();

            // the pool's 1 000 000 tokens and the creator's 250 000
            assertThat(info).isEqualTo(new TokenInfo(TOKEN, "TKN", 6, TokenAmount.of(1_250_000_000_000L, 6), T0));
            assertThat(info.age(market.now())).isEqualTo(Duration.ofSeconds(90));
            // 1 250 000 × 0.0001 = 125 SOL, 18 750 USD at the default 150 USD
            Price price = market.price(TOKEN).orElseThrow();
            assertThat(info.marketCapUsd(price, market.solUsd().orElseThrow())).isEqualByComparingTo("18750");
            market.setSolUsd(SolUsd.of("200"));
            assertThat(market.solUsd()).contains(SolUsd.of("200"));
            assertThat(market.capabilities())
                    .contains("prices", "pools", "new-tokens", "token-info", "price-history", "trending", "sol-usd");
        }
    }
}
