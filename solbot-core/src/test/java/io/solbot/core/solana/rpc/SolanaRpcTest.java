package io.solbot.core.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.jupiter.SwapFees;
import io.solbot.core.jupiter.SwapQuote;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.SignedTransaction;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeSolanaRpc;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SolanaRpcTest {
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Keypair WALLET = Keypair.fromSeed(new byte[] {
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });
    private static final String API_KEY = "helius-secret-4242";

    private final FakeSolanaRpc node = new FakeSolanaRpc().fund(WALLET.address(), 10_000_000_000L);
    private final FakeJupiter jupiter =
            new FakeJupiter().price(TOKEN, 1_000, 40_000).chain(node::blockhash, node::lastValidBlockHeight);
    private final SolanaRpc rpc = new SolanaRpc(RpcSettings.of(URI.create(node.uri() + "/?api-key=" + API_KEY), 1000)
            .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
    private final JupiterClient jup = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000));
    private final TransactionSigner signer = new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps());

    @AfterEach
    void close() {
        node.close();
        jupiter.close();
    }

    private SignedTransaction buy(long lamports) {
        SwapQuote quote = jup.metis().quote(Mint.WRAPPED_SOL, TOKEN, BigInteger.valueOf(lamports), 100);
        return signer.sign(
                jup.metis().transaction(quote, WALLET.address(), SwapFees.NONE).transaction());
    }

    @Test
    void shouldReadTheLatestBlockhashAndBlockHeight() {
        node.advance(7);

        Blockhash blockhash = rpc.latestBlockhash(Commitment.CONFIRMED);

        assertThat(rpc.blockHeight(Commitment.CONFIRMED)).isEqualTo(207);
        assertThat(blockhash.lastValidBlockHeight()).isEqualTo(357);
        assertThat(blockhash.blockhash()).isEqualTo(io.solbot.core.domain.Base58.encode(node.blockhash()));
        assertThat(blockhash.contextSlot()).isEqualTo(1_207);
    }

    @Test
    void shouldSendWithExplicitSettingsAndReadTheLandedSwapsBalanceChanges() {
        SignedTransaction tx = buy(1_000_000_000L);

        TxSignature sent = rpc.sendTransaction(tx, SendOptions.firstSend());

        assertThat(sent).isEqualTo(tx.id());
        var config = io.solbot.core.internal.Json.parse(
                        node.requests().getLast().body())
                .get("params")
                .get(1);
        assertThat(config.get("encoding").asText()).isEqualTo("base64");
        assertThat(config.get("skipPreflight").asBoolean()).isFalse();
        assertThat(config.get("preflightCommitment").asText()).isEqualTo("processed");
        assertThat(config.get("maxRetries").asInt()).isZero();
        SignatureStatus status =
                rpc.signatureStatuses(List.of(tx.id()), false).get(0).orElseThrow();
        assertThat(status.succeeded()).isTrue();
        assertThat(status.reached(Commitment.CONFIRMED)).isTrue();
        assertThat(status.reached(Commitment.FINALIZED)).isFalse();
        LandedTransaction landed =
                rpc.transaction(tx.id(), Commitment.CONFIRMED).orElseThrow();
        assertThat(landed.err()).isEmpty();
        assertThat(landed.feeLamports()).isEqualTo(5_000);
        assertThat(landed.lamportChange(WALLET.address())).isEqualTo(-1_000_005_000L);
        assertThat(landed.tokenChange(WALLET.address(), TOKEN)).isEqualTo(BigInteger.valueOf(40_000_000_000L));
        assertThat(landed.tokenBalances().get(0).before()).isZero();
    }

    @Test
    void shouldAskWhetherABlockhashIsStillValid() {
        String current = io.solbot.core.domain.Base58.encode(node.blockhash());

        assertThat(rpc.isBlockhashValid(current, Commitment.PROCESSED)).isTrue();
        assertThat(rpc.isBlockhashValid(FakeSolanaRpc.blockhashAt(node.blockHeight() + 1), Commitment.PROCESSED))
                .isFalse();
        node.advance(FakeSolanaRpc.VALIDITY);
        assertThat(rpc.isBlockhashValid(current, Commitment.PROCESSED)).isTrue();
        node.advance(1);
        assertThat(rpc.isBlockhashValid(current, Commitment.PROCESSED)).isFalse();
        assertThat(node.requests().getLast().body())
                .contains(
                        "\"method\":\"isBlockhashValid\"",
                        "\"params\":[\"" + current + "\",{\"commitment\":\"processed\"}]");
    }

    @Test
    void shouldSendATransactionOnceWhoseAnswerIsLostForItMayHaveReachedTheNode() {
        SignedTransaction tx = buy(1_000_000_000L);
        node.loseNextSendReply();

        assertThatThrownBy(() -> rpc.sendTransaction(tx, SendOptions.firstSend()))
                .isInstanceOfSatisfying(
                        RpcException.class, e -> assertThat(e.reason()).isEqualTo(RpcException.Reason.SERVER_ERROR))
                .hasMessageEndingWith("(1 attempt)");

        assertThat(node.receipts(tx.id())).isEqualTo(1);
        assertThat(node.landed()).containsExactly(tx.id().value());
    }

    @Test
    void shouldLandOneTransactionHoweverOftenItsBytesAreSent() {
        SignedTransaction tx = buy(1_000_000_000L);

        rpc.sendTransaction(tx, SendOptions.firstSend());
        rpc.sendTransaction(tx, SendOptions.resend());
        assertThatThrownBy(() -> rpc.sendTransaction(tx, SendOptions.firstSend()))
                .isInstanceOfSatisfying(
                        RpcException.class,
                        e -> assertThat(e.error()).contains(new TransactionError("\"AlreadyProcessed\"")));

        assertThat(node.receipts(tx.id())).isEqualTo(3);
        assertThat(node.landed()).containsExactly(tx.id().value());
        assertThat(node.tokens(WALLET.address(), TOKEN)).isEqualTo(BigInteger.valueOf(40_000_000_000L));
    }

    @Test
    void shouldReportAFailedPreflightWithItsErrorAndLogsAndSendNothing() {
        node.fates(FakeSolanaRpc.Fate.FAIL);
        SignedTransaction tx = buy(1_000_000_000L);

        assertThatThrownBy(() -> rpc.sendTransaction(tx, SendOptions.firstSend()))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RpcException.Reason.PREFLIGHT_FAILED);
                    assertThat(e.code()).hasValue(-32002);
                    assertThat(e.error().orElseThrow().customCode()).hasValue(6001);
                    assertThat(e.logs()).anySatisfy(l -> assertThat(l).contains("Error"));
                })
                .hasMessageStartingWith(
                        "Solana RPC sendTransaction: preflight failed (-32002 Transaction simulation" + " failed: ");
        assertThat(node.landed()).isEmpty();
    }

    @Test
    void shouldCallALandedTransactionWithAnErrFailedNotSucceeded() {
        node.fates(FakeSolanaRpc.Fate.FAIL);
        SignedTransaction tx = buy(1_000_000_000L);
        SignedTransaction other = buy(2_000_000_000L);

        rpc.sendTransaction(tx, SendOptions.resend());

        List<Optional<SignatureStatus>> statuses = rpc.signatureStatuses(List.of(tx.id(), other.id()), false);
        assertThat(statuses.get(0).orElseThrow().succeeded()).isFalse();
        assertThat(statuses.get(0).orElseThrow().err().orElseThrow().json())
                .isEqualTo("{\"InstructionError\":[2,{\"Custom\":6001}]}");
        assertThat(statuses.get(1)).isEmpty();
        assertThat(rpc.transaction(tx.id(), Commitment.CONFIRMED).orElseThrow().lamportChange(WALLET.address()))
                .isEqualTo(-5_000);
        assertThat(rpc.transaction(other.id(), Commitment.CONFIRMED)).isEmpty();
    }

    @Test
    void shouldSimulateAndReadRawAccountBytes() {
        node.fates(FakeSolanaRpc.Fate.FAIL);
        byte[] mint = new byte[82];
        mint[44] = 6;
        mint[45] = 1;
        node.account(Address.of(TOKEN.address()), mint);

        Simulation simulation = rpc.simulate(buy(1_000_000_000L), Commitment.PROCESSED);

        assertThat(simulation.err().orElseThrow().customCode()).hasValue(6001);
        assertThat(simulation.unitsConsumed()).hasValue(48_213);
        RawAccount account = rpc.accountInfo(Address.of(TOKEN.address()), Commitment.CONFIRMED)
                .orElseThrow();
        assertThat(account.data()).isEqualTo(mint);
        assertThat(account.owner()).isEqualTo(Address.TOKEN_PROGRAM);
        assertThat(rpc.accountInfo(WALLET.address(), Commitment.CONFIRMED)).isEmpty();
    }

    @Test
    void shouldRetryRateLimitsAndServerErrorsAndThenGiveUpClearly() {
        node.enqueue("/", 429, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":429,\"message\":\"Too many requests\"}}");
        node.enqueue("/", 502, "Bad Gateway");

        assertThat(rpc.blockHeight(Commitment.CONFIRMED)).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            node.enqueue("/", 503, "Service Unavailable");
        }
        assertThatThrownBy(() -> rpc.blockHeight(Commitment.CONFIRMED))
                .isInstanceOfSatisfying(
                        RpcException.class, e -> assertThat(e.reason()).isEqualTo(RpcException.Reason.SERVER_ERROR))
                .hasMessage("Solana RPC getBlockHeight: HTTP 503 Service Unavailable (3 attempts)");
    }

    @Test
    void shouldNameWhatIsWrongWithAReplyAndNeverShowTheEndpoint() {
        node.script(
                "getBlockHeight",
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Node is behind" + " by 42 slots\"}}");
        node.script("getBlockHeight", "{\"jsonrpc\":\"2.0\",\"result\":18446744073709551615}");
        node.script(
                "getLatestBlockhash",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},"
                        + "\"value\":{\"blockhash\":\"abc\",\"lastValidBlockHeight\":1.5}}}");
        node.script(
                "getAccountInfo",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},\"value\":{"
                        + "\"data\":{\"parsed\":{}},\"executable\":false,\"lamports\":1,\"owner\":\"x\"}}}");
        node.script("getBlockHeight", "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":99999}");

        List<String> messages = List.of(
                message(() -> rpc.blockHeight(Commitment.CONFIRMED)),
                message(() -> rpc.blockHeight(Commitment.CONFIRMED)),
                message(() -> rpc.latestBlockhash(Commitment.CONFIRMED)),
                message(() -> rpc.accountInfo(WALLET.address(), Commitment.CONFIRMED)));

        assertThat(messages)
                .containsExactly(
                        "Solana RPC getBlockHeight: error -32005 Node is behind by 42 slots",
                        "Solana RPC getBlockHeight: field result is 18446744073709551615, beyond what a long holds",
                        "Solana RPC getLatestBlockhash: field lastValidBlockHeight must be an unsigned integer (a number or a"
                                + " string of digits), but was 1.5",
                        "Solana RPC getAccountInfo: field value.data must be [<base64>, \"base64\"], but was {\"parsed\":{}}");
        assertThat(String.join("\n", messages) + rpc).doesNotContain(API_KEY);
    }

    @Test
    void shouldReadAStatusWithAnUnknownConfirmationStatusByItsConfirmations() {
        node.script(
                "getSignatureStatuses",
                "{\"jsonrpc\":\"2.0\",\"result\":{\"context\":{\"slot\":1},\"value\":["
                        + "{\"slot\":5,\"confirmations\":null,\"err\":null,\"confirmationStatus\":\"rooted\"},"
                        + "{\"slot\":6,\"confirmations\":3,\"err\":null,\"confirmationStatus\":\"optimistic\"}]}}");

        List<Optional<SignatureStatus>> statuses =
                rpc.signatureStatuses(List.of(buy(1_000).id(), buy(2_000).id()), false);

        SignatureStatus rooted = statuses.get(0).orElseThrow();
        SignatureStatus unknown = statuses.get(1).orElseThrow();
        assertThat(rooted.confirmationStatus()).isEmpty();
        assertThat(rooted.reached(Commitment.FINALIZED)).isTrue();
        assertThat(unknown.succeeded()).isTrue();
        assertThat(unknown.reached(Commitment.PROCESSED)).isTrue();
        assertThat(unknown.reached(Commitment.CONFIRMED)).isFalse();
    }

    private static String message(Runnable call) {
        try {
            call.run();
        } catch (RpcException e) {
            return e.getMessage();
        }
        throw new AssertionError("the call did not fail");
    }
}
