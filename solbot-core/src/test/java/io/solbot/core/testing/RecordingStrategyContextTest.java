package io.solbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.spi.MarketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test context answers every read as scripted, and keeps each order's options. */
class RecordingStrategyContextTest {
    private static final Mint A = Markets.TOKEN;
    private static final Mint B = Mint.USDC;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Candle flat(Instant start, String price) {
        Price p = Price.of(price);
        return new Candle(start, start.plusSeconds(60), p, p, p, p, Lamports.ZERO, TokenAmount.zero(6), 0);
    }

    @Test
    void shouldAnswerEveryMarketReadAsScriptedAndEmptyOtherwise() {
        Pool pool = new Pool(A, 6, Lamports.ofSol("100"), TokenAmount.of(1_000_000_000_000L, 6), 25);
        TokenInfo info = new TokenInfo(A, "TKN", 6, TokenAmount.of(1_000_000_000_000L, 6), T0);
        Holder holder = new Holder("pool", TokenAmount.of(5, 6), true);
        NewToken launched = new NewToken(B, "NEW", 6, T0.plusSeconds(5));
        RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("t"))
                .price(A, "0.0001")
                .pool(pool)
                .tokenInfo(info)
                .holders(A, List.of(holder))
                .authorities(A, Authorities.RENOUNCED)
                .newToken(launched)
                .feed(TokenFeed.TRENDING, B, A)
                .trending(Duration.ofHours(1), A)
                .candle(A, Duration.ofMinutes(5), flat(T0, "0.0001"))
                .candles(A, Duration.ofMinutes(1), List.of(flat(T0, "1"), flat(T0.plusSeconds(60), "2")))
                .solUsd("150");
        MarketView market = ctx.market();

        assertThat(market.pool(A)).contains(pool);
        assertThat(market.tokenInfo(A)).contains(info);
        assertThat(market.largestHolders(A, 10)).containsExactly(holder);
        assertThat(market.authorities(A)).contains(Authorities.RENOUNCED);
        assertThat(market.newTokens(T0)).containsExactly(launched);
        assertThat(market.newTokens(T0.plusSeconds(5))).isEmpty();
        assertThat(market.tokens(TokenFeed.TRENDING, 1)).containsExactly(B);
        assertThat(market.tokens(TokenFeed.NEW, 10)).isEmpty();
        assertThat(market.trending(Duration.ofHours(1), 5)).containsExactly(A);
        assertThat(market.candle(A, Duration.ofMinutes(5))).contains(flat(T0, "0.0001"));
        assertThat(market.candles(A, Duration.ofMinutes(1), 1)).containsExactly(flat(T0.plusSeconds(60), "2"));
        assertThat(market.solUsd()).contains(SolUsd.of("150"));
        assertThat(market.pool(B)).isEmpty();
    }

    @Test
    void shouldShowWalletsAtTheScriptedPricesAndKeepEachOrdersOptions() {
        RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("t"))
                .price(A, "0.001")
                .wallet(new WalletBalances(
                        "default",
                        Lamports.ofSol("1"),
                        List.of(TokenBalance.unpriced(A, TokenAmount.of(1_000_000_000L, 6))),
                        T0));

        assertThat(ctx.wallet().balances().orElseThrow().valueSol()).isEqualTo(Lamports.ofSol("2"));
        assertThat(ctx.wallet().balances("w2")).isEmpty();

        ctx.orders().buy(A, Lamports.ofSol("0.1"), OrderOptions.NONE.withSlippageBps(500));
        Fill buy = ctx.fill(ctx.placedOrders().getFirst());
        ctx.orders().sell(A, buy.amountOut(), OrderOptions.NONE.withReason("stop-loss"));
        Fill sell = ctx.fill(ctx.placedOrders().get(1));

        assertThat(ctx.placedOrders().getFirst().options().slippageBps()).hasValue(500);
        assertThat(buy.reason()).isEqualTo("entry");
        assertThat(sell.reason()).isEqualTo("stop-loss");
        assertThat(ctx.positions()).isEmpty();
    }
}
