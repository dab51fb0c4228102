package io.solbot.core.jupiter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Mint;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.SignedTransaction;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/** The Metis Swap API v1: {@code GET /swap/v1/quote}, then {@code POST /swap/v1/swap} with the quote unmodified. */
final class MetisSwapApi implements SwapApi {
    private final JupiterClient client;

    MetisSwapApi(JupiterClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "metis";
    }

    @Override
    public SwapQuote quote(Mint input, Mint output, BigInteger amount, int slippageBps) {
        Map<String, String> query = Map.of(
                "inputMint", input.address(),
                "outputMint", output.address(),
                "amount", amount.toString(),
                "slippageBps", Integer.toString(slippageBps),
                "swapMode", "ExactIn");
        return client.get("/swap/v1/quote", query, "outAmount", reply -> {
            SwapQuote quote = new SwapQuote(
                    JupiterClient.mint(reply, "inputMint"),
                    JupiterClient.mint(reply, "outputMint"),
                    Json.u64(reply, "inAmount"),
                    Json.u64(reply, "outAmount"),
                    Json.u64(reply, "otherAmountThreshold"),
                    Json.integer(reply, "slippageBps"),
                    Json.decimal(reply, "priceImpactPct"),
                    JupiterClient.routeLabels(reply),
                    reply.toString());
            JupiterClient.checkAnswers(quote, input, output, amount);
            return quote;
        });
    }

    @Override
    public UnsignedSwap transaction(SwapQuote quote, Address wallet, SwapFees fees) {
        if (fees.priorityFeeLamports() > 0 && fees.jitoTipLamports() > 0) {
            // prioritizationFeeLamports is one or the other; both need /swap-instructions and our own message
            throw new IllegalArgumentException(
                    "the Metis API pays a priority fee or a Jito tip, not both; use Swap API v2 for both");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("userPublicKey", wallet.toString());
        body.set("quoteResponse", Json.parse(quote.quoteResponse()));
        body.put("wrapAndUnwrapSol", true);
        body.put("dynamicComputeUnitLimit", true);
        if (fees.jitoTipLamports() > 0) {
            body.putObject("prioritizationFeeLamports").put("jitoTipLamports", fees.jitoTipLamports());
        } else if (fees.priorityFeeLamports() > 0) {
            body.put("prioritizationFeeLamports", fees.priorityFeeLamports());
        }
        return client.post("/swap/v1/swap", body, "swapTransaction", reply -> {
            JsonNode simulationError = reply.get("simulationError");
            if (simulationError != null && !simulationError.isNull()) {
                throw new JupiterClient.Refused(
                        null, "Jupiter's simulation of the swap failed: " + Json.show(simulationError.toString()));
            }
            byte[] transaction = JupiterClient.base64("swapTransaction", Json.text(reply, "swapTransaction"));
            long lastValid = Json.nonNegativeLong(reply, "lastValidBlockHeight");
            JsonNode fee = reply.get("prioritizationFeeLamports");
            long paid = fee == null || fee.isNull() ? 0 : Json.nonNegativeLongValue("prioritizationFeeLamports", fee);
            return new UnsignedSwap(quote, transaction, lastValid, paid, null);
        });
    }

    @Override
    public Optional<SwapExecution> execute(UnsignedSwap swap, SignedTransaction signed) {
        return Optional.empty();
    }
}
