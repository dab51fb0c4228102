package io.solbot.core.market;

import static io.solbot.core.market.LiveMarketReadsTest.address;
import static io.solbot.core.market.LiveMarketReadsTest.sig;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeLedger;
import io.solbot.core.testing.FakeSolanaRpc;
import io.solbot.core.testing.TransactionJson;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveWalletSwapsTest {
    private static final Mint TOKEN = LiveMarketReadsTest.TOKEN;
    private static final Address WALLET = address(60);
    private static final Address POOL = address(61);
    private static final Address TOKEN_ACCOUNT = address(62);
    private static final Address WSOL_ACCOUNT = address(63);

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

    /** A buy: 0.5 SOL out of the wallet (and the 5,000 lamport fee), 1,000 tokens into a new token account. */
    private static String buy(String signature, long at) {
        TransactionJson tx = new TransactionJson(signature).blockTime(at);
        tx.account(WALLET, 10_000_000_000L, 9_499_995_000L);
        int account = tx.account(TOKEN_ACCOUNT, 0, 2_039_280);
        tx.account(POOL, 80_000_000_000L, 80_500_000_000L);
        tx.token(account, TOKEN, WALLET, 6, null, BigInteger.valueOf(1_000_000_000));
        tx.instruction(Address.JUPITER_V6_PROGRAM, List.of(WALLET, TOKEN_ACCOUNT, POOL), new byte[] {1, 2, 3});
        return tx.json();
    }

    private void listed(String signature, long at, String err, String transaction) {
        ledger.signature(WALLET, signature, at, at, err);
        if (transaction != null) {
            ledger.transaction(signature, transaction);
        }
    }

    @Test
    void shouldReadBuysAndSellsFromTheWalletsTransactionsAndSkipEverythingElse() {
        listed(sig(1), 1_000, null, buy(sig(1), 1_000));
        listed(sig(2), 1_100, "{\"InstructionError\":[2,{\"Custom\":6001}]}", buy(sig(2), 1_100));
        TransactionJson transfer = new TransactionJson(sig(3)).blockTime(1_200L);
        transfer.account(WALLET, 9_499_995_000L, 8_499_990_000L);
        transfer.account(address(70), 0, 1_000_000_000);
        transfer.instruction(Address.SYSTEM_PROGRAM, List.of(WALLET, address(70)), new byte[] {2, 0, 0, 0});
        listed(sig(3), 1_200, null, transfer.json());
        // a sell paid into the wallet's wrapped SOL account: 0.6 SOL in, the fee out of its lamports
        TransactionJson sell = new TransactionJson(sig(4)).blockTime(1_300L);
        sell.account(WALLET, 8_499_990_000L, 8_499_985_000L);
        int tokens = sell.account(TOKEN_ACCOUNT, 2_039_280, 2_039_280);
        int wsol = sell.account(WSOL_ACCOUNT, 2_039_280, 602_039_280);
        sell.token(tokens, TOKEN, WALLET, 6, BigInteger.valueOf(1_000_000_000), BigInteger.ZERO);
        sell.token(wsol, Mint.WRAPPED_SOL, WALLET, 9, BigInteger.ZERO, BigInteger.valueOf(600_000_000));
        listed(sig(4), 1_300, null, sell.json());
        // a swap between two tokens: no SOL moved
        TransactionJson tokenToToken = new TransactionJson(sig(5)).blockTime(1_400L);
        tokenToToken.account(WALLET, 8_499_985_000L, 8_499_980_000L);
        int usdc = tokenToToken.account(address(64), 2_039_280, 2_039_280);
        int token = tokenToToken.account(TOKEN_ACCOUNT, 2_039_280, 2_039_280);
        tokenToToken.token(usdc, Mint.USDC, WALLET, 6, BigInteger.valueOf(5_000_000), BigInteger.ZERO);
        tokenToToken.token(token, TOKEN, WALLET, 6, BigInteger.ZERO, BigInteger.valueOf(70_000_000));
        listed(sig(5), 1_400, null, tokenToToken.json());

        List<WalletSwap> swaps = market.walletSwaps(WALLET.toString(), Instant.EPOCH);

        assertThat(swaps)
                .containsExactly(
                        new WalletSwap(
                                Instant.ofEpochSecond(1_000),
                                WALLET.toString(),
                                TOKEN,
                                Side.BUY,
                                Lamports.of(500_000_000),
                                TokenAmount.ofRaw(BigInteger.valueOf(1_000_000_000), 6),
                                sig(1)),
                        new WalletSwap(
                                Instant.ofEpochSecond(1_300),
                                WALLET.toString(),
                                TOKEN,
                                Side.SELL,
                                Lamports.of(600_000_000),
                                TokenAmount.ofRaw(BigInteger.valueOf(1_000_000_000), 6),
                                sig(4)));
        // the failed one is never fetched
        assertThat(node.calls("getTransaction")).isEqualTo(4);
        assertThat(market.walletSwaps(WALLET.toString(), Instant.ofEpochSecond(1_000)))
                .extracting(WalletSwap::id)
                .containsExactly(sig(4));
    }

    @Test
    void shouldFetchEachSignatureOnceAndReadOnFromTheNewestSeen() {
        listed(sig(1), 1_000, null, buy(sig(1), 1_000));
        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH)).hasSize(1);
        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH)).hasSize(1);
        assertThat(node.calls("getTransaction")).isEqualTo(1);

        // listed before getTransaction serves it: not a swap yet, and not forgotten
        listed(sig(2), 1_100, null, null);
        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH))
                .extracting(WalletSwap::id)
                .containsExactly(sig(1));
        ledger.transaction(sig(2), buy(sig(2), 1_100));
        listed(sig(3), 1_200, null, buy(sig(3), 1_200));

        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH))
                .extracting(WalletSwap::id)
                .containsExactly(sig(1), sig(2), sig(3));
        assertThat(node.calls("getTransaction")).isEqualTo(4);
        // the last read asked only for what came after the newest signature it had read
        assertThat(node.requests().stream()
                        .filter(r -> r.body().contains("getSignaturesForAddress"))
                        .toList()
                        .getLast()
                        .body())
                .contains("\"until\":\"" + sig(1) + "\"");
    }

    @Test
    void shouldNotReadSignaturesOlderThanAfterNorAnswerForABadWalletOrAFailingNode() {
        listed(sig(1), 1_000, null, buy(sig(1), 1_000));
        assertThat(market.walletSwaps(WALLET.toString(), Instant.ofEpochSecond(1_000)))
                .isEmpty();
        assertThat(node.calls("getTransaction")).isZero();

        assertThat(market.walletSwaps("not-a-wallet", Instant.EPOCH)).isEmpty();
        node.script("getSignaturesForAddress", "{\"jsonrpc\":\"2.0\",\"result\":{\"signatures\":[]},\"id\":1}");
        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH)).isEmpty();
        assertThat(market.walletSwaps(WALLET.toString(), Instant.EPOCH)).hasSize(1);
    }
}
