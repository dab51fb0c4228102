package io.solbot.core.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.solana.Address;
import io.solbot.core.testing.FakeSolanaRpc;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SolanaRpcReadsTest {
    private static final Address WALLET = Address.of("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");

    private final FakeSolanaRpc node = new FakeSolanaRpc();
    private final SolanaRpc rpc = new SolanaRpc(RpcSettings.of(node.uri(), 1000));

    @AfterEach
    void close() {
        node.close();
    }

    private void reply(String method, String result) {
        node.script(method, "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":1}");
    }

    private static String signature(int seed) {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) seed);
        return Base58.encode(bytes);
    }

    @Test
    void shouldReadBalancesLargestAccountsAndSignaturesAsTheNodeWritesThem() {
        reply("getBalance", "{\"context\":{\"slot\":1,\"apiVersion\":\"2.3.6\"},\"value\":1461600}");
        assertThat(rpc.balance(WALLET, Commitment.CONFIRMED)).isEqualTo(1_461_600);

        reply(
                "getTokenLargestAccounts",
                "{\"context\":{\"slot\":1114},\"value\":[{\"address\":\"" + WALLET
                        + "\",\"amount\":\"18446744073709551615\",\"decimals\":2,\"uiAmount\":1.8446744073709552E17,"
                        + "\"uiAmountString\":\"184467440737095516.15\"}]}");
        assertThat(rpc.tokenLargestAccounts(TOKEN, Commitment.CONFIRMED))
                .containsExactly(new LargestAccount(WALLET, new BigInteger("18446744073709551615"), 2));

        reply(
                "getSignaturesForAddress",
                "[{\"signature\":\"" + signature(2) + "\",\"slot\":114,\"err\":null,\"memo\":null,\"blockTime\":null,"
                        + "\"confirmationStatus\":\"finalized\"},{\"signature\":\"" + signature(1)
                        + "\",\"slot\":113,\"err\":{\"InstructionError\":[0,{\"Custom\":1}]},\"memo\":null,"
                        + "\"blockTime\":1764000000,\"confirmationStatus\":\"finalized\"}]");
        List<SignatureInfo> signatures = rpc.signaturesForAddress(
                WALLET, Optional.empty(), Optional.of(TxSignature.of(signature(0))), 10, Commitment.CONFIRMED);
        assertThat(signatures).hasSize(2);
        assertThat(signatures.get(0).blockTime()).isEmpty();
        assertThat(signatures.get(1).err().orElseThrow().json()).contains("Custom");
        assertThat(signatures.get(1).blockTime()).contains(Instant.ofEpochSecond(1_764_000_000L));
        assertThat(node.requests().getLast().body()).contains("\"until\":\"" + signature(0) + "\"", "\"limit\":10");
    }

    @Test
    void shouldNameWhatIsWrongInAReplyOfAnotherShape() {
        reply("getBalance", "{\"context\":{\"slot\":1},\"value\":18446744073709551615}");
        assertThatThrownBy(() -> rpc.balance(WALLET, Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("getBalance")
                .hasMessageContaining("beyond what a long holds");

        reply("getMultipleAccounts", "{\"context\":{\"slot\":1},\"value\":[null]}");
        assertThatThrownBy(() -> rpc.multipleAccounts(List.of(WALLET, WALLET), Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("an array of 2 accounts");

        reply(
                "getMultipleAccounts",
                "{\"context\":{\"slot\":1},\"value\":[{\"data\":{\"parsed\":{}},\"executable\":false,"
                        + "\"lamports\":1,\"owner\":\"" + Address.TOKEN_PROGRAM + "\"}]}");
        assertThatThrownBy(() -> rpc.multipleAccounts(List.of(WALLET), Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("value[0].data");

        reply("getTokenAccountsByOwner", "{\"context\":{\"slot\":1},\"value\":[{\"account\":{}}]}");
        assertThatThrownBy(() -> rpc.tokenAccountsByOwner(WALLET, Address.TOKEN_PROGRAM, Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("pubkey");

        reply("getSignaturesForAddress", "[{\"signature\":\"abc\",\"slot\":1,\"err\":null}]");
        assertThatThrownBy(() ->
                        rpc.signaturesForAddress(WALLET, Optional.empty(), Optional.empty(), 10, Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("result[0].signature is not a transaction signature");

        assertThatThrownBy(() -> rpc.multipleAccounts(List.of(), Commitment.CONFIRMED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void shouldRefuseATransactionWhoseInstructionNamesAnAccountItDoesNotHave() {
        reply(
                "getTransaction",
                "{\"slot\":5,\"blockTime\":1764000000,\"meta\":{\"err\":null,\"fee\":5000,\"preBalances\":[10],"
                        + "\"postBalances\":[5],\"preTokenBalances\":[],\"postTokenBalances\":[],"
                        + "\"innerInstructions\":[],\"loadedAddresses\":{\"writable\":[],\"readonly\":[]}},"
                        + "\"transaction\":{\"signatures\":[\"" + signature(1) + "\"],\"message\":{\"accountKeys\":[\""
                        + WALLET + "\"],\"instructions\":[{\"programIdIndex\":3,\"accounts\":[0],\"data\":\"3Bxs\","
                        + "\"stackHeight\":null}]}},\"version\":0}");

        assertThatThrownBy(() -> rpc.transaction(TxSignature.of(signature(1)), Commitment.CONFIRMED))
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("programIdIndex refers to account 3, beyond the 1 accounts");
    }
}
