package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.MINT;
import static io.solbot.core.engine.Scripted.TENTH_SOL;
import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.execution.LiveExecutor;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeLedger;
import io.solbot.core.testing.FakeSolanaRpc;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot buys and sells through the engine and the live executor, against a fake Jupiter and a fake RPC node. */
class LiveTradingTest {
    private static final Keypair WALLET = Keypair.fromSeed(new byte[] {
        7, 7, 7, 7, 7, 7, 7, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24
    });

    @TempDir
    Path dir;

    /** Buys once; sells what it holds once it holds something. */
    static final class RoundTrip implements Strategy {
        final List<Fill> fills;
        private boolean bought;
        private boolean sold;

        RoundTrip(List<Fill> fills) {
            this.fills = fills;
        }

        @Override
        public void onTick(StrategyContext ctx) {
            if (!bought) {
                bought = true;
                ctx.orders().buy(MINT, TENTH_SOL);
            } else if (!sold && !ctx.positions().isEmpty()) {
                sold = true;
                ctx.orders().sell(MINT, ctx.positions().getFirst().quantity());
            }
        }

        @Override
        public void onFill(StrategyContext ctx, Fill fill) {
            fills.add(fill);
        }
    }

    @Test
    void shouldBuyAndSellThroughTheEngineAndTheLiveExecutor() throws Exception {
        List<Fill> fills = new CopyOnWriteArrayList<>();
        try (FakeSolanaRpc node = new FakeSolanaRpc().fund(WALLET.address(), 1_000_000_000L);
                FakeJupiter jupiter = new FakeJupiter()) {
            // 1,000 lamports buy 1,000 raw units (a USDC micro-unit for a micro-SOL, as in the fixture's market)
            jupiter.price(MINT, 1_000, 1_000).chain(node::blockhash, node::lastValidBlockHeight);
            byte[] mint = new byte[82];
            mint[44] = 6;
            node.account(Address.of(MINT.address()), mint);
            JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000));
            SolanaRpc rpc = new SolanaRpc(RpcSettings.of(node.uri(), 1000));
            try (LiveExecutor live = LiveExecutor.builder(
                                    client.metis(),
                                    rpc,
                                    new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()),
                                    dir.resolve("live.jsonl"))
                            .polling(Duration.ofMillis(5), 2)
                            .build();
                    Scripted.Fixture f = new Scripted.Fixture(
                            SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                            b -> b.swapExecutor(live))) {
                f.engine.start(spec("live", () -> new RoundTrip(fills)).build());

                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (fills.size() < 2 || f.status("live").openPositions() != 0) {
                    assertThat(System.nanoTime()).as("two fills within 30 s").isLessThan(deadline);
                    f.advance(Duration.ofMillis(200));
                    Thread.sleep(5);
                }

                Fill buy = fills.get(0);
                Fill sell = fills.get(1);
                assertThat(buy.side()).isEqualTo(Side.BUY);
                assertThat(buy.amountIn()).isEqualTo(TENTH_SOL.toTokenAmount());
                assertThat(buy.amountOut()).isEqualTo(TokenAmount.of(100_000_000, 6));
                assertThat(sell.side()).isEqualTo(Side.SELL);
                assertThat(sell.amountIn()).isEqualTo(TokenAmount.of(100_000_000, 6));
                assertThat(sell.amountOut()).isEqualTo(TENTH_SOL.toTokenAmount());
                assertThat(List.of(buy.signature().value(), sell.signature().value()))
                        .containsExactlyElementsOf(node.succeeded());
                assertThat(f.stores.trades.fills(BotId.of("live"))).containsExactly(buy, sell);
                assertThat(f.status("live").ordersFilled()).isEqualTo(2);
                assertThat(node.lamports(WALLET.address())).isEqualTo(1_000_000_000L - 2 * 5_000L);
                assertThat(node.tokens(WALLET.address(), MINT)).isEqualTo(BigInteger.ZERO);
                assertThat(buy.fee().plus(sell.fee())).isEqualTo(Lamports.of(10_000));
            }
        }
    }

    /** Reads its wallet's balances on every tick. */
    static final class Balances implements Strategy {
        final List<WalletBalances> seen;

        Balances(List<WalletBalances> seen) {
            this.seen = seen;
        }

        @Override
        public void onTick(StrategyContext ctx) {
            ctx.wallet().balances().ifPresent(seen::add);
        }
    }

    @Test
    void shouldShowAStrategyItsWalletsBalancesReadFromTheChain() throws Exception {
        Mint token2022 = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
        List<WalletBalances> seen = new CopyOnWriteArrayList<>();
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter()) {
            FakeLedger ledger = new FakeLedger(node);
            ledger.account(WALLET.address(), Address.SYSTEM_PROGRAM, new byte[0], 2_500_000_000L);
            ledger.mint(MINT, Address.TOKEN_PROGRAM, 6, BigInteger.valueOf(1_000_000_000_000L), null);
            ledger.mint(token2022, Address.TOKEN_2022_PROGRAM, 9, BigInteger.valueOf(1_000_000_000_000L), null);
            // two accounts of one mint add up; an empty one and one of another owner do not count
            ledger.tokenAccount(address(1), Address.TOKEN_PROGRAM, MINT, WALLET.address(), BigInteger.valueOf(300));
            ledger.tokenAccount(address(2), Address.TOKEN_PROGRAM, MINT, WALLET.address(), BigInteger.valueOf(200));
            ledger.tokenAccount(address(3), Address.TOKEN_PROGRAM, token2022, WALLET.address(), BigInteger.ZERO);
            ledger.tokenAccount(address(4), Address.TOKEN_2022_PROGRAM, token2022, WALLET.address(), BigInteger.TEN);
            ledger.tokenAccount(address(5), Address.TOKEN_PROGRAM, MINT, address(9), BigInteger.valueOf(7));
            JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000));
            SolanaRpc rpc = new SolanaRpc(RpcSettings.of(node.uri(), 1000));
            try (LiveExecutor live = LiveExecutor.builder(
                                    client.metis(),
                                    rpc,
                                    new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()),
                                    dir.resolve("live.jsonl"))
                            .build();
                    Scripted.Fixture f = new Scripted.Fixture(
                            SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                            b -> b.swapExecutor(live))) {
                assertThat(live.capabilities()).containsExactly("wallet-balances");
                f.engine.start(spec("balances", () -> new Balances(seen)).build());

                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.isEmpty()) {
                    assertThat(System.nanoTime()).as("balances within 30 s").isLessThan(deadline);
                    f.advance(Duration.ofMillis(200));
                    Thread.sleep(5);
                }

                WalletBalances balances = seen.getFirst();
                assertThat(balances.sol()).isEqualTo(Lamports.of(2_500_000_000L));
                assertThat(balances.tokens())
                        .extracting(t -> t.mint() + " " + t.amount().raw() + "/"
                                + t.amount().decimals())
                        .containsExactlyInAnyOrder(MINT + " 500/6", token2022 + " 10/9");
            }
        }
    }

    private static Address address(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) (200 + seed));
        return Address.ofBytes(bytes);
    }
}
