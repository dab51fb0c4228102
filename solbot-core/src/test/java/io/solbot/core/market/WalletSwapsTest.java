package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.testing.Markets;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalletSwapsTest {
    private static final String LEADER = RandomMarketSettings.smartWallet(0);

    @Test
    void shouldGiveEveryNamedSwapWithTheSolAndTokensThePoolPaid() {
        // 100 SOL against 1 000 000 tokens (6 decimals), 0.25 % fee; the leader buys for 1 SOL, then sells half
        try (SimulatedMarket market = Markets.started(
                Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25),
                new MarketEvent.Swapped(T0.plusSeconds(1), TOKEN, Side.BUY, BigInteger.valueOf(1_000_000_000), LEADER),
                new MarketEvent.Swapped(T0.plusSeconds(1), TOKEN, Side.BUY, BigInteger.valueOf(5_000_000)),
                new MarketEvent.Swapped(
                        T0.plusSeconds(2), TOKEN, Side.SELL, BigInteger.valueOf(4_938_241_045L), LEADER))) {
            market.advanceTo(T0.plusSeconds(2));

            List<WalletSwap> swaps = market.walletSwaps(LEADER, T0);

            // out = floor(10^12 × 10^9 × 9975 / (10^11 × 10^4 + 10^9 × 9975)); the anonymous buy is nobody's
            assertThat(swaps).hasSize(2);
            WalletSwap buy = swaps.getFirst();
            assertThat(buy.side()).isEqualTo(Side.BUY);
            assertThat(buy.at()).isEqualTo(T0.plusSeconds(1));
            assertThat(buy.mint()).isEqualTo(TOKEN);
            assertThat(buy.sol()).isEqualTo(Lamports.of(1_000_000_000));
            assertThat(buy.tokens()).isEqualTo(TokenAmount.ofRaw(BigInteger.valueOf(9_876_482_091L), 6));
            WalletSwap sell = swaps.getLast();
            assertThat(sell.side()).isEqualTo(Side.SELL);
            assertThat(sell.tokens()).isEqualTo(TokenAmount.ofRaw(BigInteger.valueOf(4_938_241_045L), 6));
            // the anonymous 0.005 SOL buy moved the pool in between: computed on 101.005 SOL
            assertThat(sell.sol().value()).isEqualTo(sellOut(101_005_000_000L, 1_000_000_000_000L - 9_876_482_091L));
            assertThat(buy.id()).isNotEqualTo(sell.id());
            assertThat(market.walletSwaps(LEADER, T0.plusSeconds(1))).containsExactly(sell);
            assertThat(market.walletSwaps(LEADER, T0.plusSeconds(2))).isEmpty();
            assertThat(market.walletSwaps("someone-else", T0)).isEmpty();
            assertThat(market.capabilities()).contains("wallet-swaps");
        }
    }

    /** The SOL a sell of 4 938 241 045 raw units gets from a pool after the anonymous buy of 5 000 000 lamports. */
    private static long sellOut(long solBefore, long tokensBefore) {
        BigInteger in = BigInteger.valueOf(5_000_000L * 9975);
        BigInteger anonOut = BigInteger.valueOf(tokensBefore)
                .multiply(in)
                .divide(BigInteger.valueOf(solBefore - 5_000_000L)
                        .multiply(BigInteger.valueOf(10_000))
                        .add(in));
        BigInteger sol = BigInteger.valueOf(solBefore);
        BigInteger tokens = BigInteger.valueOf(tokensBefore).subtract(anonOut);
        BigInteger sold = BigInteger.valueOf(4_938_241_045L * 9975);
        return sol.multiply(sold)
                .divide(tokens.multiply(BigInteger.valueOf(10_000)).add(sold))
                .longValueExact();
    }

    @Test
    void shouldNameSmartWalletsThatAreSolanaAddressesTheSameForEverySeed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < RandomMarketSettings.MAX_SMART_WALLETS; i++) {
            String address = RandomMarketSettings.smartWallet(i);
            assertThat(Base58.decode(address)).hasSize(32);
            assertThat(address).startsWith("SmartWa11et");
            seen.add(address);
        }
        assertThat(seen).hasSize(RandomMarketSettings.MAX_SMART_WALLETS);
        assertThatThrownBy(() -> RandomMarketSettings.smartWallet(20)).hasMessageContaining("between 0 and 19");
        assertThatThrownBy(() -> RandomMarketSettings.defaults(1, T0).withSmartWallets(21, 2))
                .hasMessageContaining("smartWallets must be between 0 and 20, but was 21")
                .hasMessageContaining("smartWalletActivity must be between 0 and 1, but was 2.0");
    }

    @Test
    void shouldLetSmartWalletsBuyThenSellWhatTheyBoughtAndBagsTheyHeldFromTheStart() {
        RandomMarketSettings settings = RandomMarketSettings.defaults(5, T0).withSmartWallets(3, 0.05);
        Map<String, List<WalletSwap>> swaps = new HashMap<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN)) {
            market.advanceTo(T0.plus(Duration.ofMinutes(30)));
            for (String wallet : settings.smartWalletAddresses()) {
                swaps.put(wallet, market.walletSwaps(wallet, T0.minusMillis(1)));
            }
        }
        List<WalletSwap> all = swaps.values().stream().flatMap(List::stream).toList();
        // 3 wallets × 1800 steps × 5 %: about 270 swaps
        assertThat(all).hasSizeBetween(150, 400);
        assertThat(all).extracting(WalletSwap::id).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(s -> assertThat(s.sol().value()).isPositive());
        assertThat(all)
                .filteredOn(s -> s.side() == Side.BUY)
                .allSatisfy(s -> assertThat(s.sol().value()).isBetween(100_000_000L, 2_000_000_000L));
        int soldWhatTheyBought = 0;
        int soldABag = 0;
        for (List<WalletSwap> ofWallet : swaps.values()) {
            Set<Mint> bought = new HashSet<>();
            for (WalletSwap s : ofWallet) {
                if (s.side() == Side.BUY) {
                    bought.add(s.mint());
                } else if (bought.contains(s.mint())) {
                    soldWhatTheyBought++;
                } else {
                    soldABag++;
                }
            }
        }
        assertThat(soldWhatTheyBought).isGreaterThan(20);
        assertThat(soldABag).isPositive();
    }

    @Test
    void shouldGiveTheSameSwapsForTheSameSeedAndInTheReplayOfItsRecording() {
        RandomMarketSettings settings = RandomMarketSettings.defaults(11, T0)
                .withLaunches(0.2, 0.02, 0.3)
                .withSmartWallets(2, 0.1);
        List<WalletSwap> first = new ArrayList<>();
        StringWriter recording = new StringWriter();
        try (SimulatedMarket market = SimulatedMarket.random(settings);
                MarketRecorder recorder = MarketRecorder.to(recording)) {
            market.listen(recorder);
            market.advanceTo(T0.plus(Duration.ofMinutes(10)));
            first.addAll(market.walletSwaps(RandomMarketSettings.smartWallet(1), Instant.EPOCH));
        }
        try (SimulatedMarket again = SimulatedMarket.random(settings)) {
            again.advanceTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(again.walletSwaps(RandomMarketSettings.smartWallet(1), Instant.EPOCH))
                    .isEqualTo(first);
        }
        try (SimulatedMarket replay = SimulatedMarket.replay(new StringReader(recording.toString()))) {
            replay.advanceTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(replay.walletSwaps(RandomMarketSettings.smartWallet(1), Instant.EPOCH))
                    .isEqualTo(first);
        }
        assertThat(first).isNotEmpty();
    }

    @Test
    void shouldLeaveAMarketWithoutSmartWalletsAsItWas() {
        RandomMarketSettings plain = RandomMarketSettings.defaults(3, T0);
        RandomMarketSettings none = plain.withSmartWallets(0, 0.5);
        List<MarketEvent> a = new ArrayList<>();
        List<MarketEvent> b = new ArrayList<>();
        try (SimulatedMarket x = SimulatedMarket.random(plain);
                SimulatedMarket y = SimulatedMarket.random(none)) {
            x.listen(a::add);
            y.listen(b::add);
            x.advanceTo(T0.plus(Duration.ofMinutes(5)));
            y.advanceTo(T0.plus(Duration.ofMinutes(5)));
        }
        assertThat(b).isEqualTo(a);
    }
}
