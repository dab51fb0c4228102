package io.solbot.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.account.AccountBytes;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeLedger;
import io.solbot.core.testing.FakeSolanaRpc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveMarketReadsTest {
    static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    static final Address RAYDIUM_AUTHORITY = Address.of("5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1");
    static final Address INCINERATOR = Address.of(Holder.INCINERATOR);
    static final Address PUMP = Address.of("6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P");

    private final FakeSolanaRpc node = new FakeSolanaRpc();
    private final FakeJupiter jupiter = new FakeJupiter();
    private final FakeLedger ledger = new FakeLedger(node);
    private final LiveMarket market = new LiveMarket(
            new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000)),
            new SolanaRpc(RpcSettings.of(node.uri(), 1000)));

    @AfterEach
    void close() {
        node.close();
        jupiter.close();
    }

    static Address address(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return Address.ofBytes(bytes);
    }

    /**
     * A mint of 1,000,000 tokens (6 decimals): 400,000 in a Raydium vault, 200,000 on a pump.fun bonding curve (an
     * account the pump program owns), 100,000 burnt, 150,000 and 50,000 with two people; 100,000 elsewhere.
     */
    private void holders() {
        ledger.mint(TOKEN, Address.TOKEN_PROGRAM, 6, BigInteger.valueOf(1_000_000_000_000L), null);
        Address curve = address(40);
        ledger.account(curve, PUMP, new byte[81], 1_000_000);
        Address alice = address(41);
        Address bob = address(42);
        ledger.account(alice, Address.SYSTEM_PROGRAM, new byte[0], 5_000_000_000L);
        ledger.tokenAccount(address(50), Address.TOKEN_PROGRAM, TOKEN, RAYDIUM_AUTHORITY, units(400_000));
        ledger.tokenAccount(address(51), Address.TOKEN_PROGRAM, TOKEN, curve, units(200_000));
        ledger.tokenAccount(address(52), Address.TOKEN_PROGRAM, TOKEN, INCINERATOR, units(100_000));
        ledger.tokenAccount(address(53), Address.TOKEN_PROGRAM, TOKEN, alice, units(150_000));
        ledger.tokenAccount(address(54), Address.TOKEN_PROGRAM, TOKEN, bob, units(50_000));
        ledger.tokenAccount(address(55), Address.TOKEN_PROGRAM, TOKEN, bob, BigInteger.ZERO);
    }

    static BigInteger units(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    @Test
    void shouldTakeAPercentileOfTheRecentSlotsLowestLandedComputeUnitPrices() {
        // the node's reply: slot and fee per slot, unordered, as getRecentPrioritizationFees answers
        node.handle("getRecentPrioritizationFees", params -> {
            assertThat(params.get(0).isArray()).isTrue();
            var slots = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            long[] fees = {500, 0, 12_000, 1_000, 2_500, 0, 7_000, 1_000, 40_000, 3_000};
            for (int i = 0; i < fees.length; i++) {
                slots.addObject().put("slot", 348_125_000L + i).put("prioritizationFee", fees[i]);
            }
            return slots;
        });

        // sorted: 0 0 500 1000 1000 2500 3000 7000 12000 40000
        assertThat(market.recentPriorityFee(50)).hasValue(1_000);
        assertThat(market.recentPriorityFee(75)).hasValue(7_000);
        assertThat(market.recentPriorityFee(100)).hasValue(40_000);
        assertThat(market.recentPriorityFee(0)).hasValue(0);
        assertThat(market.capabilities()).contains("priority-fees");
        assertThatThrownBy(() -> market.recentPriorityFee(101)).isInstanceOf(IllegalArgumentException.class);

        node.handle(
                "getRecentPrioritizationFees",
                params -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
        assertThat(market.recentPriorityFee(50)).isEmpty();
        node.handle(
                "getRecentPrioritizationFees",
                params -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .arrayNode()
                        .add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                                .objectNode()
                                .put("slot", 1)
                                .put("prioritizationFee", -5)));
        assertThatThrownBy(() -> market.recentPriorityFee(50))
                .isInstanceOf(io.solbot.core.solana.rpc.RpcException.class)
                .hasMessageContaining("prioritizationFee");
    }

    @Test
    void shouldListTheLargestHoldersWithOwnersResolvedAndPoolsMarkedAsTheSimulatedMarketDoes() {
        holders();

        List<Holder> holders = market.largestHolders(TOKEN, 20);

        assertThat(holders)
                .extracting(h -> h.owner() + " " + h.amount().raw() + " " + h.pool() + " " + h.isBurnt())
                .containsExactly(
                        RAYDIUM_AUTHORITY + " 400000000000 true false",
                        address(40) + " 200000000000 true false",
                        address(41) + " 150000000000 false false",
                        INCINERATOR + " 100000000000 false true",
                        address(42) + " 50000000000 false false");
        assertThat(market.largestHolders(TOKEN, 2)).hasSize(2);
        assertThat(holders.getFirst().amount().decimals()).isEqualTo(6);
    }

    @Test
    void shouldAnswerNoHoldersWhenAListedAccountIsNotATokenAccountOrTheReplyIsMalformed() {
        holders();
        // a listed account that is not a token account (a wallet): the list is not trusted
        node.script(
                "getTokenLargestAccounts",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},\"value\":[{\"address\":\"" + address(41)
                        + "\",\"amount\":\"771\",\"decimals\":6,\"uiAmount\":0.000771,\"uiAmountString\":\"0.000771\"}]},"
                        + "\"id\":1}");
        assertThat(market.largestHolders(TOKEN, 20)).isEmpty();
        // a token account of another mint
        ledger.tokenAccount(address(50), Address.TOKEN_PROGRAM, Mint.USDC, RAYDIUM_AUTHORITY, units(400_000));
        node.script(
                "getTokenLargestAccounts",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},\"value\":[{\"address\":\"" + address(50)
                        + "\",\"amount\":\"771\",\"decimals\":6,\"uiAmount\":0.000771,\"uiAmountString\":\"0.000771\"}]},"
                        + "\"id\":1}");
        assertThat(market.largestHolders(TOKEN, 20)).isEmpty();
        assertThat(market.largestHolders(TOKEN, 20)).hasSize(4);

        node.script(
                "getTokenLargestAccounts",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},\"value\":[{\"address\":\"" + address(53)
                        + "\",\"uiAmount\":7.71,\"decimals\":6}]},\"id\":1}");
        // amount missing (only the deprecated float): malformed
        assertThat(market.largestHolders(TOKEN, 20)).isEmpty();
    }

    @Test
    void shouldServeRawAccountBytesTokenInfoAndAnEquivalentPool() {
        holders();
        ledger.signature(Address.of(TOKEN.address()), sig(1), 100, 1_700_000_000L, null);
        ledger.signature(Address.of(TOKEN.address()), sig(2), 120, 1_700_000_600L, null);
        jupiter.usdPrice(Mint.WRAPPED_SOL, new BigDecimal("150"))
                .usdPrice(TOKEN, new BigDecimal("0.0003"))
                .liquidity(TOKEN, new BigDecimal("30000"));

        AccountBytes mint = market.account(TOKEN.address()).orElseThrow();
        assertThat(mint.owner()).isEqualTo(Address.TOKEN_PROGRAM.toString());
        assertThat(mint.mint().supply()).isEqualTo(units(1_000_000));
        assertThat(market.account(address(99).toString())).isEmpty();
        assertThat(market.account("not an address")).isEmpty();

        TokenInfo info = market.tokenInfo(TOKEN).orElseThrow();
        assertThat(info.decimals()).isEqualTo(6);
        assertThat(info.supply().raw()).isEqualTo(units(1_000_000));
        assertThat(info.symbol()).isEqualTo("DezX");
        // the oldest of a history shorter than a page is the mint's creation
        assertThat(info.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));

        // $30,000 at $150 a SOL is 200 SOL of depth: 100 SOL a side, and the other side at 0.000002 SOL a token
        Pool pool = market.pool(TOKEN).orElseThrow();
        assertThat(pool.liquidity()).isEqualTo(Lamports.ofSol(new BigDecimal("200")));
        assertThat(pool.solReserve()).isEqualTo(Lamports.ofSol(new BigDecimal("100")));
        assertThat(pool.tokenReserve().raw()).isEqualTo(units(50_000_000));
        assertThat(pool.price().orElseThrow().value()).isEqualByComparingTo("0.000002");
        assertThat(market.pool(Mint.USDC)).isEmpty();

        assertThat(market.capabilities())
                .containsExactlyInAnyOrder(
                        "prices", "sol-usd", "pools", "token-info", "accounts", "wallet-swaps", "priority-fees");
    }

    static String sig(int seed) {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) seed);
        return io.solbot.core.domain.Base58.encode(bytes);
    }
}
