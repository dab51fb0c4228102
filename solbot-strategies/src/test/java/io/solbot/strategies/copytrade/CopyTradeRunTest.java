package io.solbot.strategies.copytrade;

import static io.solbot.strategies.common.internal.Scripts.JUP;
import static io.solbot.strategies.common.internal.Scripts.WIF;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The copy trader in a real engine, with the paper executor, on simulated markets whose named traders it follows. */
class CopyTradeRunTest {
    private static final Instant T0 = EngineRuns.START;
    private static final String LEADER = RandomMarketSettings.smartWallet(0);

    private static MarketEvent.TokenListed listing(Mint mint, Authorities authorities) {
        // 30 holders of 10 000 tokens each, so that the holder-concentration check passes
        List<Holder> holders = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            byte[] owner = new byte[32];
            owner[0] = (byte) i;
            holders.add(
                    new Holder(Base58.encode(owner), TokenAmount.ofRaw(BigInteger.valueOf(10_000_000_000L), 6), false));
        }
        // 100 SOL against 1 000 000 tokens of 6 decimals: 0.0001 SOL each
        return new MarketEvent.TokenListed(
                T0,
                mint,
                "TKN",
                6,
                Lamports.ofSol("100"),
                TokenAmount.ofRaw(BigInteger.valueOf(1_000_000_000_000L), 6),
                25,
                authorities,
                true,
                holders);
    }

    @Test
    void shouldCopyAScaledBuyAndMirrorAHalfSellAndLetTheSafetyChecksRefuseARiskyToken() {
        // the leader buys both for 1 SOL, getting floor(10^12 × 10^9 × 9975 / (10^15 + 10^9 × 9975)) raw units of
        // each; it sells half of its WIF a minute later
        long leaderTokens = 9_876_482_091L;
        List<MarketEvent> events = List.of(
                listing(WIF, Authorities.RENOUNCED),
                listing(JUP, new Authorities("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", null)),
                new MarketEvent.Swapped(T0.plusSeconds(10), WIF, Side.BUY, BigInteger.valueOf(1_000_000_000), LEADER),
                new MarketEvent.Swapped(T0.plusSeconds(10), JUP, Side.BUY, BigInteger.valueOf(1_000_000_000), LEADER),
                new MarketEvent.Swapped(
                        T0.plusSeconds(70), WIF, Side.SELL, BigInteger.valueOf(leaderTokens / 2), LEADER));
        CopyTradeConfig config = Scripts.config(
                "copy-trade",
                "{wallets: [" + LEADER + "], scalePct: 10, maxSolPerBuy: 1, copyDelayMs: 2000, interval: 1}");
        List<EngineEvent.OrderRefused> refusals = new CopyOnWriteArrayList<>();
        Backtest.Result result;
        try (SimulatedMarket market = SimulatedMarket.of(events);
                Backtest backtest = Backtest.builder(market)
                        .paper(PaperSettings.defaults(7))
                        .safetyChecks()
                        .engine(b -> b.strategyProvider(new CopyTradeProvider())
                                .seed(1)
                                .subscriber(e -> {
                                    if (e instanceof EngineEvent.OrderRefused r) {
                                        refusals.add(r);
                                    }
                                }))
                        .build()) {
            backtest.engine()
                    .start(BotSpec.builder(BotId.of("copy-1"), "copy-trade", config)
                            .build());
            result = backtest.runUntil(T0.plus(Duration.ofMinutes(5)));
        }

        List<Fill> buys =
                result.fills().stream().filter(f -> f.side() == Side.BUY).toList();
        List<Fill> sells =
                result.fills().stream().filter(f -> f.side() == Side.SELL).toList();
        assertThat(buys).extracting(Fill::mint).containsOnly(WIF);
        assertThat(buys.stream().mapToLong(f -> f.sol().value()).sum()).isEqualTo(100_000_000L); // 10 % of 1 SOL
        assertThat(buys).allSatisfy(f -> assertThat(f.submittedAt()).isAfterOrEqualTo(T0.plusSeconds(12)));
        BigInteger bought = buys.stream().map(f -> f.tokens().raw()).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger sold = sells.stream().map(f -> f.amountIn().raw()).reduce(BigInteger.ZERO, BigInteger::add);
        // the leader sold 4 938 241 045 of its 9 876 482 091: a hair under half, rounded down to a raw unit
        BigInteger share =
                bought.multiply(BigInteger.valueOf(leaderTokens / 2)).divide(BigInteger.valueOf(leaderTokens));
        assertThat(sold).isBetween(share.subtract(BigInteger.ONE), share);
        assertThat(sells).extracting(Fill::reason).containsOnly(CopyTrade.SELL_REASON);
        assertThat(sells).allSatisfy(f -> assertThat(f.submittedAt()).isAfterOrEqualTo(T0.plusSeconds(72)));
        assertThat(refusals)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.mint()).isEqualTo(JUP))
                .allSatisfy(r -> assertThat(r.reason()).contains("safety refused", "mint-authority"));
    }

    @Test
    void shouldFollowTheSmartWalletsOfARandomMarketBuyingAndSellingWithThem() {
        RandomMarketSettings settings = RandomMarketSettings.defaults(23, T0).withSmartWallets(3, 0.02);
        CopyTradeConfig config = Scripts.config(
                "copy-trade",
                "{wallets: [" + RandomMarketSettings.smartWallet(0) + ", " + RandomMarketSettings.smartWallet(1) + ", "
                        + RandomMarketSettings.smartWallet(2) + "], scalePct: 5, maxSolPerBuy: 0.05, interval: 1,"
                        + " maxOpenPositions: 10}");
        Backtest.Result result;
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN);
                Backtest backtest = Backtest.builder(market)
                        .paper(PaperSettings.defaults(23))
                        .engine(b -> b.strategyProvider(new CopyTradeProvider()).seed(23))
                        .build()) {
            backtest.engine()
                    .start(BotSpec.builder(BotId.of("copy-1"), "copy-trade", config)
                            .build());
            result = backtest.runUntil(T0.plus(Duration.ofMinutes(30)));
        }

        List<Fill> buys =
                result.fills().stream().filter(f -> f.side() == Side.BUY).toList();
        assertThat(buys).hasSizeGreaterThan(5);
        assertThat(buys).allSatisfy(f -> assertThat(f.sol().value()).isBetween(1L, 50_000_000L));
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .contains(CopyTrade.SELL_REASON);
        Set<Mint> bought = new HashSet<>();
        for (Fill f : result.fills()) {
            if (f.side() == Side.BUY) {
                bought.add(f.mint());
            } else {
                assertThat(bought).as("a sell of %s", f).contains(f.mint());
            }
        }
    }
}
