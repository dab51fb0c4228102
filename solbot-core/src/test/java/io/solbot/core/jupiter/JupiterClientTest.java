package io.solbot.core.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.SignedTransaction;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.Transaction;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.LoopbackServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JupiterClientTest {
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Keypair WALLET = Keypair.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });
    private static final String KEY = "jup-secret-key-0123456789";
    private static final BigInteger ONE_SOL = BigInteger.valueOf(1_000_000_000);

    private final FakeJupiter jupiter = new FakeJupiter().price(TOKEN, 1_000, 40_000);
    private final JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.of(KEY), 1000)
            .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));

    @AfterEach
    void close() {
        jupiter.close();
    }

    @Test
    void shouldQuoteThroughTheMetisApiWithTheKeyInItsHeader() {
        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThat(quote.inAmount()).isEqualTo(ONE_SOL);
        assertThat(quote.outAmount()).isEqualTo(BigInteger.valueOf(40_000_000_000L));
        assertThat(quote.minimumOut()).isEqualTo(BigInteger.valueOf(39_600_000_000L));
        assertThat(quote.slippageBps()).isEqualTo(100);
        assertThat(quote.priceImpact()).isEqualByComparingTo("0.0001");
        assertThat(quote.routeLabels()).containsExactly("Raydium CPMM");
        LoopbackServer.Request request = jupiter.requests("/swap/v1/quote").get(0);
        assertThat(request.query())
                .containsEntry("inputMint", Mint.WRAPPED_SOL.address())
                .containsEntry("outputMint", TOKEN.address())
                .containsEntry("amount", "1000000000")
                .containsEntry("slippageBps", "100");
        assertThat(request.headers()).containsEntry("x-api-key", KEY);
    }

    @Test
    void shouldSendNoKeyHeaderWhenKeyless() {
        JupiterClient keyless = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000));

        keyless.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThat(jupiter.requests().get(0).headers()).doesNotContainKey("x-api-key");
    }

    @Test
    void shouldGetASwapTransactionForTheUnmodifiedQuoteThatOurSignerSigns() throws Exception {
        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        UnsignedSwap swap = client.metis().transaction(quote, WALLET.address(), new SwapFees(12_345, 0));

        ObjectMapper json = new ObjectMapper();
        var body = json.readTree(jupiter.requests("/swap/v1/swap").get(0).body());
        assertThat(body.get("quoteResponse")).isEqualTo(json.readTree(quote.quoteResponse()));
        assertThat(body.get("userPublicKey").asText())
                .isEqualTo(WALLET.address().toString());
        assertThat(body.get("prioritizationFeeLamports").asLong()).isEqualTo(12_345);
        assertThat(swap.lastValidBlockHeight()).isEqualTo(1_000);
        assertThat(swap.prioritizationFeeLamports()).isEqualTo(12_345);
        assertThat(swap.requestId()).isEmpty();
        assertThat(Transaction.read(swap.transaction()).feePayer()).isEqualTo(WALLET.address());
        SignedTransaction signed = new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()).sign(swap.transaction());
        assertThat(client.metis().execute(swap, signed)).isEmpty();
    }

    @Test
    void shouldAskForAJitoTipInsteadOfAPriorityFeeAndRefuseBoth() throws Exception {
        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        client.metis().transaction(quote, WALLET.address(), new SwapFees(0, 5_000));

        var body = new ObjectMapper()
                .readTree(jupiter.requests("/swap/v1/swap").get(0).body());
        assertThat(body.get("prioritizationFeeLamports").get("jitoTipLamports").asLong())
                .isEqualTo(5_000);
        assertThatThrownBy(() -> client.metis().transaction(quote, WALLET.address(), new SwapFees(1, 5_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void shouldOrderAndExecuteThroughSwapApiV2() {
        SwapApi v2 = client.swapV2();
        SwapQuote quote = v2.quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        UnsignedSwap swap = v2.transaction(quote, WALLET.address(), new SwapFees(10_000, 2_000));
        SignedTransaction signed = new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()).sign(swap.transaction());
        SwapExecution execution = v2.execute(swap, signed).orElseThrow();

        assertThat(quote.outAmount()).isEqualTo(BigInteger.valueOf(40_000_000_000L));
        assertThat(quote.priceImpact()).isEqualByComparingTo("-0.0001");
        assertThat(jupiter.requests("/swap/v2/order").get(1).query())
                .containsEntry("taker", WALLET.address().toString())
                .containsEntry("priorityFeeLamports", "10000")
                .containsEntry("jitoTipLamports", "2000");
        assertThat(swap.requestId()).isPresent();
        assertThat(swap.lastValidBlockHeight()).isEqualTo(1_000);
        assertThat(swap.prioritizationFeeLamports()).isEqualTo(12_000);
        assertThat(execution.landed()).isTrue();
        assertThat(execution.signature()).contains(signed.id());
        assertThat(execution.slot()).isEqualTo(324_307_200L);
        assertThat(execution.outputAmount()).contains(BigInteger.valueOf(40_000_000_000L));
    }

    @Test
    void shouldReportAFailedExecutionInsideAnHttp200AsAnOutcomeNotAnError() {
        UnsignedSwap swap = client.swapV2()
                .transaction(
                        client.swapV2().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100), WALLET.address(), SwapFees.NONE);
        SignedTransaction signed = new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()).sign(swap.transaction());
        jupiter.enqueue(
                "/swap/v2/execute",
                200,
                "{\"status\":\"Failed\",\"signature\":\"" + signed.id()
                        + "\",\"slot\":\"0\",\"code\":6001,\"error\":\"Slippage tolerance exceeded\","
                        + "\"totalInputAmount\":\"0\",\"totalOutputAmount\":\"0\"}");

        SwapExecution execution = client.swapV2().execute(swap, signed).orElseThrow();

        assertThat(execution.landed()).isFalse();
        assertThat(execution.code()).isEqualTo(6001);
        assertThat(execution.error()).contains("Slippage tolerance exceeded");
    }

    @Test
    void shouldTellNoRouteFromOtherRefusalsWithoutRetrying() {
        jupiter.untradable(TOKEN);

        assertThatThrownBy(() -> client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100))
                .isInstanceOfSatisfying(JupiterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JupiterException.Reason.NO_ROUTE);
                    assertThat(e.errorCode()).contains("TOKEN_NOT_TRADABLE");
                    assertThat(e.httpStatus()).isEqualTo(400);
                })
                .hasMessage("Jupiter GET /swap/v1/quote: HTTP 400 TOKEN_NOT_TRADABLE: The token " + TOKEN
                        + " is not tradable");
        assertThat(jupiter.requests()).hasSize(1);
    }

    @Test
    void shouldRetryRateLimitsAndServerErrorsThenSucceed() {
        jupiter.enqueue("/swap/v1/quote", 429, "{\"error\":\"[API Gateway] Too many requests\"}");
        jupiter.enqueue("/swap/v1/quote", 503, "upstream unavailable");

        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThat(quote.outAmount()).isPositive();
        assertThat(jupiter.requests("/swap/v1/quote")).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWithTheLastAnswer() {
        for (int i = 0; i < 3; i++) {
            jupiter.enqueue("/swap/v1/quote", 429, "Too many requests");
            jupiter.enqueue("/price/v3", 502, "<html>Bad gateway</html>");
        }

        assertThatThrownBy(() -> client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100))
                .isInstanceOfSatisfying(
                        JupiterException.class,
                        e -> assertThat(e.reason()).isEqualTo(JupiterException.Reason.RATE_LIMITED))
                .hasMessage("Jupiter GET /swap/v1/quote: HTTP 429 Too many requests (3 attempts)");
        assertThatThrownBy(() -> client.prices(List.of(TOKEN)))
                .isInstanceOfSatisfying(
                        JupiterException.class,
                        e -> assertThat(e.reason()).isEqualTo(JupiterException.Reason.SERVER_ERROR))
                .hasMessage("Jupiter GET /price/v3: HTTP 502 <html>Bad gateway</html> (3 attempts)");
        assertThat(jupiter.requests()).hasSize(6);
    }

    @Test
    void shouldTimeOutAnAttemptThatGetsNoAnswerAndRetryIt() {
        // long enough for an answer on a busy machine, short enough for a quick test
        JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.of(KEY), 1000)
                .withRetries(Duration.ofMillis(600), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
        jupiter.hang("/swap/v1/quote");

        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThat(quote.outAmount()).isPositive();
        assertThat(jupiter.requests("/swap/v1/quote")).hasSize(2);
        jupiter.release();
        jupiter.hang("/swap/v1/quote").hang("/swap/v1/quote").hang("/swap/v1/quote");
        assertThatThrownBy(() -> client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100))
                .isInstanceOfSatisfying(
                        JupiterException.class,
                        e -> assertThat(e.reason()).isEqualTo(JupiterException.Reason.UNAVAILABLE))
                .hasMessage("Jupiter GET /swap/v1/quote: no answer within 600 ms (3 attempts)");
        jupiter.release();
        assertThat(client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100).outAmount())
                .isPositive();
    }

    @Test
    void shouldNameWhatIsWrongWithASurprisingReply() {
        String good = quoteReply("\"1000000000\"", "\"40000000000\"", "100");
        Map<String, String> replies = Map.of(
                "{\"inputMint\": ",
                "the reply is not JSON",
                "{\"code\":-1,\"error\":\"Missing cached order\"}",
                "HTTP 200 -1: Missing cached order",
                good.replace("\"40000000000\"", "\"18446744073709551616\""),
                "field outAmount must be an unsigned 64-bit integer, but was 18446744073709551616",
                good.replace("\"slippageBps\":100", "\"slippageBps\":\"100\""),
                "field slippageBps must be an integer, but was \"100\"",
                good.replace("\"40000000000\"", "true"),
                "field outAmount must be an unsigned integer (a number or a string of digits), but was true",
                good.replace("\"1000000000\"", "\"5\""),
                "the quote is for 5 " + Mint.WRAPPED_SOL,
                good.replace("\"priceImpactPct\":\"0.0001\",", ""),
                "field priceImpactPct is missing",
                "[]",
                "field inputMint is missing");
        List<String> messages = new ArrayList<>();
        replies.forEach((body, expected) -> {
            jupiter.enqueue("/swap/v1/quote", 200, body);
            assertThatThrownBy(() -> client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100))
                    .isInstanceOf(JupiterException.class)
                    .hasMessageStartingWith("Jupiter GET /swap/v1/quote: ")
                    .hasMessageContaining(expected)
                    .satisfies(e -> messages.add(e.getMessage()));
        });
        assertThat(String.join("\n", messages)).doesNotContain(KEY);
    }

    @Test
    void shouldReadAmountsBeyondALongExactlyAndNumbersWhereStringsWereDocumented() {
        jupiter.enqueue("/swap/v1/quote", 200, quoteReply("1000000000", "\"18446744073709551615\"", "100"));

        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThat(quote.outAmount()).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void shouldRefuseAV2OrderThatQuotesButBuildsNoTransaction() {
        String order = quoteReply("\"1000000000\"", "\"40000000000\"", "100")
                .replace(
                        "{",
                        "{\"transaction\":\"\",\"router\":\"metis\",\"errorCode\":1,"
                                + "\"errorMessage\":\"Insufficient funds\",\"priceImpact\":0.01,");
        jupiter.enqueue("/swap/v2/order", 200, order);
        SwapQuote quote = client.metis().quote(Mint.WRAPPED_SOL, TOKEN, ONE_SOL, 100);

        assertThatThrownBy(() -> client.swapV2().transaction(quote, WALLET.address(), SwapFees.NONE))
                .isInstanceOfSatisfying(JupiterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JupiterException.Reason.REJECTED);
                    assertThat(e.errorCode()).contains("1");
                })
                .hasMessage("Jupiter GET /swap/v2/order: router metis quoted but built no transaction (errorCode 1):"
                        + " Insufficient funds");
    }

    @Test
    void shouldReadUsdPricesFiftyMintsACallAndLeaveOutUnpricedOnes() {
        jupiter.usdPrice(Mint.WRAPPED_SOL, new BigDecimal("147.48"))
                .usdPrice(TOKEN, new BigDecimal("0.000012345678901234"));
        List<Mint> mints = new ArrayList<>(List.of(Mint.WRAPPED_SOL, TOKEN));
        for (int i = 0; i < 58; i++) {
            byte[] bytes = new byte[32];
            bytes[0] = (byte) (i + 1);
            mints.add(Mint.of(io.solbot.core.domain.Base58.encode(bytes)));
        }

        Map<Mint, UsdPrice> prices = client.prices(mints);

        assertThat(prices).containsOnlyKeys(Mint.WRAPPED_SOL, TOKEN);
        assertThat(prices.get(TOKEN).usdPrice()).isEqualTo(new BigDecimal("0.000012345678901234"));
        assertThat(prices.get(Mint.WRAPPED_SOL).decimals()).isEqualTo(9);
        assertThat(prices.get(Mint.WRAPPED_SOL).blockId()).hasValue(348004023L);
        assertThat(jupiter.requests("/price/v3")).hasSize(2);
        assertThat(jupiter.requests("/price/v3").get(0).query().get("ids").split(","))
                .hasSize(50);
    }

    @Test
    void shouldNeverShowTheApiKey() {
        assertThat(JupiterSettings.of(jupiter.uri(), Optional.of(KEY), 1).toString())
                .doesNotContain(KEY)
                .contains("api key set");
        assertThat(client.toString()).doesNotContain(KEY);
    }

    private static String quoteReply(String inAmount, String outAmount, String slippage) {
        return "{\"inputMint\":\"" + Mint.WRAPPED_SOL + "\",\"inAmount\":" + inAmount + ",\"outputMint\":\"" + TOKEN
                + "\",\"outAmount\":" + outAmount + ",\"otherAmountThreshold\":\"1\",\"swapMode\":\"ExactIn\","
                + "\"slippageBps\":" + slippage + ",\"platformFee\":null,\"priceImpactPct\":\"0.0001\","
                + "\"routePlan\":[],\"contextSlot\":1,\"timeTaken\":0.01,\"someNewField\":{\"x\":1}}";
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
