package io.solbot.core.jupiter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.SignedTransaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Swap API v2: {@code GET /swap/v2/order} (a quote without a taker; with one, also the transaction and a request id)
 * and {@code POST /swap/v2/execute}.
 */
final class V2SwapApi implements SwapApi {
    private final JupiterClient client;

    V2SwapApi(JupiterClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "v2";
    }

    @Override
    public SwapQuote quote(Mint input, Mint output, BigInteger amount, int slippageBps) {
        return order(input, output, amount, slippageBps, null, SwapFees.NONE).quote();
    }

    @Override
    public UnsignedSwap transaction(SwapQuote quote, Address wallet, SwapFees fees) {
        return order(quote.inputMint(), quote.outputMint(), quote.inAmount(), quote.slippageBps(), wallet, fees);
    }

    private UnsignedSwap order(
            Mint input, Mint output, BigInteger amount, int slippageBps, Address taker, SwapFees fees) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("inputMint", input.address());
        query.put("outputMint", output.address());
        query.put("amount", amount.toString());
        query.put("slippageBps", Integer.toString(slippageBps));
        if (taker != null) {
            query.put("taker", taker.toString());
            if (fees.priorityFeeLamports() > 0) {
                query.put("priorityFeeLamports", Long.toString(fees.priorityFeeLamports()));
            }
            if (fees.jitoTipLamports() > 0) {
                query.put("jitoTipLamports", Long.toString(fees.jitoTipLamports()));
            }
        }
        return client.get("/swap/v2/order", query, "outAmount", reply -> {
            JsonNode impact = reply.get("priceImpact");
            BigDecimal priceImpact = impact != null && !impact.isNull()
                    ? Json.decimal(reply, "priceImpact")
                    : Json.decimal(reply, "priceImpactPct");
            SwapQuote quote = new SwapQuote(
                    JupiterClient.mint(reply, "inputMint"),
                    JupiterClient.mint(reply, "outputMint"),
                    Json.u64(reply, "inAmount"),
                    Json.u64(reply, "outAmount"),
                    Json.u64(reply, "otherAmountThreshold"),
                    Json.integer(reply, "slippageBps"),
                    priceImpact,
                    JupiterClient.routeLabels(reply),
                    reply.toString());
            JupiterClient.checkAnswers(quote, input, output, amount);
            if (taker == null) {
                return new UnsignedSwap(quote, new byte[0], 0, 0, null);
            }
            Optional<String> transaction = Json.optionalText(reply, "transaction");
            if (transaction.isEmpty() || transaction.get().isEmpty()) {
                // the router quoted but cannot build: its errorCode says why (1 = insufficient funds, ...)
                String router = Json.optionalText(reply, "router").orElse("unknown");
                JsonNode code = reply.get("errorCode");
                String text = Json.optionalText(reply, "errorMessage")
                        .or(() -> Json.optionalText(reply, "error"))
                        .orElse("no transaction");
                String codeText = code == null || code.isNull() ? null : code.asText();
                throw new JupiterClient.Refused(
                        codeText,
                        "router " + router + " quoted but built no transaction"
                                + (codeText == null ? "" : " (errorCode " + codeText + ")") + ": " + Json.show(text));
            }
            byte[] wire = JupiterClient.base64("transaction", transaction.get());
            long lastValid = Json.nonNegativeLong(reply, "lastValidBlockHeight");
            String requestId = Json.text(reply, "requestId");
            JsonNode fee = reply.get("prioritizationFeeLamports");
            long paid = fee == null || fee.isNull() ? 0 : Json.nonNegativeLongValue("prioritizationFeeLamports", fee);
            return new UnsignedSwap(quote, wire, lastValid, paid, requestId);
        });
    }

    @Override
    public Optional<SwapExecution> execute(UnsignedSwap swap, SignedTransaction signed) {
        String requestId = swap.requestId()
                .orElseThrow(() -> new IllegalArgumentException(
                        "this swap has no request id: it was not ordered" + " through Swap API v2"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("signedTransaction", signed.base64());
        body.put("requestId", requestId);
        body.put("lastValidBlockHeight", Long.toString(swap.lastValidBlockHeight()));
        return Optional.of(client.post("/swap/v2/execute", body, "status", reply -> {
            String status = Json.text(reply, "status");
            if (!status.equals("Success") && !status.equals("Failed")) {
                throw new Json.Malformed("field status must be Success or Failed, but was " + Json.show(status));
            }
            Optional<TxSignature> signature = Json.optionalText(reply, "signature")
                    .filter(s -> !s.isEmpty())
                    .map(s -> {
                        try {
                            return TxSignature.of(s);
                        } catch (IllegalArgumentException e) {
                            throw new Json.Malformed("field signature is not a transaction signature: " + Json.show(s));
                        }
                    });
            if (signature.isPresent() && !signature.get().equals(signed.id())) {
                throw new Json.Malformed(
                        "Jupiter reports signature " + signature.get() + ", but ours is " + signed.id());
            }
            JsonNode slot = reply.get("slot");
            long landedSlot = slot == null || slot.isNull() ? 0 : Json.nonNegativeLongValue("slot", slot);
            JsonNode code = reply.get("code");
            int codeValue = code == null || code.isNull() ? 0 : Json.integer(reply, "code");
            return new SwapExecution(
                    status.equals("Success"),
                    signature,
                    landedSlot,
                    codeValue,
                    Json.optionalText(reply, "error"),
                    optionalU64(reply, "inputAmountResult").or(() -> optionalU64(reply, "totalInputAmount")),
                    optionalU64(reply, "outputAmountResult").or(() -> optionalU64(reply, "totalOutputAmount")));
        }));
    }

    private static Optional<BigInteger> optionalU64(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(Json.u64Value(field, value));
    }
}
