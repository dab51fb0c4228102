package io.solbot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Jupiter on 127.0.0.1, speaking the JSON of its public API: {@code GET /swap/v1/quote}, {@code POST /swap/v1/swap},
 * {@code GET /swap/v2/order}, {@code POST /swap/v2/execute} and {@code GET /price/v3}. Quotes follow the prices set
 * with {@link #price}; swap transactions are real unsigned v0 transactions for the user's wallet (compute budget, a
 * Jupiter instruction that states the swap, see {@link FakeSwap}, and a lookup table) on the blockhash and last valid
 * block height of {@link #chain}. Failures are scripted per path ({@link #enqueue}, {@link #hang}).
 */
public final class FakeJupiter extends LoopbackServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Address AMM = Keypair.fromSeed(filled(77)).address();
    private static final Address TABLE = Keypair.fromSeed(filled(78)).address();

    /** Raw token units per lamport, as a ratio: {@code units} raw units cost {@code lamports}. */
    private record Rate(long lamports, long units) {}

    private final Map<Mint, Rate> rates = new ConcurrentHashMap<>();
    private final Map<Mint, BigDecimal> usdPrices = new ConcurrentHashMap<>();
    private final Map<Mint, BigDecimal> liquidity = new ConcurrentHashMap<>();
    private final Set<Mint> untradable = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Supplier<byte[]>> blockhash = new AtomicReference<>(() -> filled(5));
    private final AtomicReference<LongSupplier> lastValidBlockHeight = new AtomicReference<>(() -> 1_000);
    private final AtomicInteger orders = new AtomicInteger();
    private final AtomicReference<java.util.function.Predicate<String>> lander = new AtomicReference<>(tx -> true);

    /** {@code units} raw units of {@code mint} cost {@code lamports}, both ways, before slippage. */
    public FakeJupiter price(Mint mint, long lamports, long units) {
        rates.put(mint, new Rate(lamports, units));
        return this;
    }

    /** The Price API's answer for {@code mint}. */
    public FakeJupiter usdPrice(Mint mint, BigDecimal usd) {
        usdPrices.put(mint, usd);
        return this;
    }

    /** The Price API's {@code liquidity} (US dollars) for {@code mint}; 621679197.67 unless set. */
    public FakeJupiter liquidity(Mint mint, BigDecimal usd) {
        liquidity.put(mint, usd);
        return this;
    }

    /** Quotes of {@code mint} answer 400 TOKEN_NOT_TRADABLE. */
    public FakeJupiter untradable(Mint mint) {
        untradable.add(mint);
        return this;
    }

    /** Where swap transactions get their blockhash and last valid block height (a fake RPC's chain). */
    public FakeJupiter chain(Supplier<byte[]> blockhash, LongSupplier lastValidBlockHeight) {
        this.blockhash.set(blockhash);
        this.lastValidBlockHeight.set(lastValidBlockHeight);
        return this;
    }

    /**
     * How {@code /swap/v2/execute} lands a signed transaction (base64): {@code land} sends it on (to a fake node's
     * {@link FakeSolanaRpc#submit}) and says whether it landed; by default it "lands" nowhere and succeeds.
     */
    public FakeJupiter lander(java.util.function.Predicate<String> land) {
        lander.set(land);
        return this;
    }

    /** How many transactions {@code /swap/v1/swap} and {@code /swap/v2/order} built. */
    public int transactionsBuilt() {
        return orders.get();
    }

    @Override
    protected Answer answer(Request request) {
        return switch (request.path()) {
            case "/swap/v1/quote" -> quoteV1(request.query());
            case "/swap/v1/swap" -> swapV1(parse(request.body()));
            case "/swap/v2/order" -> orderV2(request.query());
            case "/swap/v2/execute" -> executeV2(parse(request.body()));
            case "/price/v3" -> prices(request.query().getOrDefault("ids", ""));
            default -> new Answer(404, "{\"message\":\"Route not found\"}");
        };
    }

    private Answer quoteV1(Map<String, String> query) {
        Optional<Answer> refused = refusal(query);
        if (refused.isPresent()) {
            return refused.get();
        }
        return new Answer(200, quote(query).toString());
    }

    private Optional<Answer> refusal(Map<String, String> query) {
        for (String side : new String[] {"inputMint", "outputMint"}) {
            String mint = query.get(side);
            if (mint == null || !Mint.isValid(mint)) {
                return Optional.of(new Answer(
                        400,
                        "{\"error\":\"Query parameter " + side
                                + " cannot be parsed: Invalid\",\"errorCode\":\"INVALID_REQUEST\"}"));
            }
            if (untradable.contains(Mint.of(mint))) {
                return Optional.of(new Answer(
                        400,
                        "{\"error\":\"The token " + mint + " is not tradable\",\"errorCode\":\"TOKEN_NOT_TRADABLE\"}"));
            }
        }
        Mint in = Mint.of(query.get("inputMint"));
        Mint out = Mint.of(query.get("outputMint"));
        Mint token = in.equals(Mint.WRAPPED_SOL) ? out : in;
        if (!rates.containsKey(token)) {
            return Optional.of(new Answer(
                    400, "{\"error\":\"Could not find any route\"," + "\"errorCode\":\"COULD_NOT_FIND_ANY_ROUTE\"}"));
        }
        return Optional.empty();
    }

    private ObjectNode quote(Map<String, String> query) {
        Mint in = Mint.of(query.get("inputMint"));
        Mint out = Mint.of(query.get("outputMint"));
        BigInteger amount = new BigInteger(query.get("amount"));
        int slippageBps = Integer.parseInt(query.getOrDefault("slippageBps", "50"));
        BigInteger outAmount;
        if (in.equals(Mint.WRAPPED_SOL)) {
            Rate rate = rates.get(out);
            outAmount = amount.multiply(BigInteger.valueOf(rate.units())).divide(BigInteger.valueOf(rate.lamports()));
        } else {
            Rate rate = rates.get(in);
            outAmount = amount.multiply(BigInteger.valueOf(rate.lamports())).divide(BigInteger.valueOf(rate.units()));
        }
        BigInteger minimum =
                outAmount.multiply(BigInteger.valueOf(10_000 - slippageBps)).divide(BigInteger.valueOf(10_000));
        ObjectNode quote = JSON.createObjectNode();
        quote.put("inputMint", in.address());
        quote.put("inAmount", amount.toString());
        quote.put("outputMint", out.address());
        quote.put("outAmount", outAmount.toString());
        quote.put("otherAmountThreshold", minimum.toString());
        quote.put("swapMode", "ExactIn");
        quote.put("slippageBps", slippageBps);
        quote.putNull("platformFee");
        quote.put("priceImpactPct", "0.0001");
        ArrayNode plan = quote.putArray("routePlan");
        ObjectNode step = plan.addObject();
        ObjectNode info = step.putObject("swapInfo");
        info.put("ammKey", AMM.toString());
        info.put("label", "Raydium CPMM");
        info.put("inputMint", in.address());
        info.put("outputMint", out.address());
        info.put("inAmount", amount.toString());
        info.put("outAmount", outAmount.toString());
        info.put("feeAmount", "0");
        info.put("feeMint", in.address());
        step.put("percent", 100);
        step.put("bps", 10_000);
        quote.put("contextSlot", 324_307_186L);
        quote.put("timeTaken", 0.012);
        quote.put("swapUsdValue", "0.99957");
        quote.put("simplerRouteUsed", false);
        quote.putObject("mostReliableAmmsQuoteReport").putObject("info").put(AMM.toString(), outAmount.toString());
        quote.putNull("useIncurredSlippageForQuoting");
        quote.putNull("otherRoutePlans");
        quote.put("loadedLongtailToken", false);
        quote.put("instructionVersion", "V1");
        return quote;
    }

    private Answer swapV1(JsonNode body) {
        JsonNode quote = body.get("quoteResponse");
        String user = body.path("userPublicKey").asText("");
        if (quote == null || !quote.isObject() || !Mint.isValid(user)) {
            return new Answer(400, "{\"error\":\"Invalid request body\",\"errorCode\":\"INVALID_REQUEST\"}");
        }
        long tip =
                body.path("prioritizationFeeLamports").path("jitoTipLamports").asLong(0);
        long priorityFee = body.path("prioritizationFeeLamports").isNumber()
                ? body.get("prioritizationFeeLamports").asLong()
                : tip;
        byte[] wire = transaction(Address.of(user), quote, tip);
        ObjectNode reply = JSON.createObjectNode();
        reply.put("swapTransaction", Base64.getEncoder().encodeToString(wire));
        reply.put("lastValidBlockHeight", lastValidBlockHeight.get().getAsLong());
        reply.put("prioritizationFeeLamports", priorityFee);
        reply.put("computeUnitLimit", 388_876);
        reply.putObject("prioritizationType")
                .putObject("computeBudget")
                .put("microLamports", 25_715)
                .put("estimatedMicroLamports", 785_154);
        reply.putNull("dynamicSlippageReport");
        reply.putNull("simulationError");
        return new Answer(200, reply.toString());
    }

    private Answer orderV2(Map<String, String> query) {
        Optional<Answer> refused = refusal(query);
        if (refused.isPresent()) {
            // v2 answers an untradable mint opaquely
            return refused.get().body().contains("TOKEN_NOT_TRADABLE")
                    ? new Answer(500, "{\"error\":\"Something unexpected occurred\"}")
                    : refused.get();
        }
        ObjectNode order = quote(query);
        order.remove("priceImpactPct");
        order.put("mode", "ultra");
        order.put("router", "metis");
        order.put("priceImpact", -0.0001);
        order.put("inUsdValue", 19.91);
        order.put("outUsdValue", 19.90);
        order.put("feeBps", 0);
        order.put("signatureFeeLamports", 5_000);
        order.put(
                "prioritizationFeeLamports",
                Long.parseLong(query.getOrDefault("priorityFeeLamports", "0"))
                        + Long.parseLong(query.getOrDefault("jitoTipLamports", "0")));
        order.put("rentFeeLamports", 0);
        order.put("gasless", false);
        order.put("totalTime", 181);
        String taker = query.get("taker");
        if (taker == null) {
            order.putNull("transaction");
            order.putNull("taker");
        } else {
            long tip = Long.parseLong(query.getOrDefault("jitoTipLamports", "0"));
            order.put("transaction", Base64.getEncoder().encodeToString(transaction(Address.of(taker), order, tip)));
            order.put(
                    "lastValidBlockHeight",
                    Long.toString(lastValidBlockHeight.get().getAsLong()));
            order.put("taker", taker);
        }
        order.put("requestId", "019a4b2c-" + orders.get() + "-7f00-8000-00000000c0de");
        return new Answer(200, order.toString());
    }

    private Answer executeV2(JsonNode body) {
        String signed = body.path("signedTransaction").asText("");
        if (signed.isEmpty() || body.path("requestId").asText("").isEmpty()) {
            return new Answer(400, "{\"code\":-1,\"error\":\"Missing cached order\"}");
        }
        Transaction tx;
        try {
            tx = Transaction.read(Base64.getDecoder().decode(signed));
        } catch (RuntimeException e) {
            return new Answer(
                    200,
                    "{\"status\":\"Failed\",\"signature\":\"\",\"code\":-2,"
                            + "\"error\":\"Invalid signed transaction\",\"totalInputAmount\":\"0\",\"totalOutputAmount\":\"0\"}");
        }
        if (!Keypair.verify(tx.feePayer(), tx.messageBytes(), tx.signature(0))) {
            return new Answer(
                    200,
                    "{\"status\":\"Failed\",\"signature\":\"\",\"code\":-1003,"
                            + "\"error\":\"Transaction is not fully signed\"}");
        }
        FakeSwap swap = FakeSwap.in(tx).orElseThrow();
        if (!lander.get().test(signed)) {
            return new Answer(
                    200,
                    "{\"status\":\"Failed\",\"signature\":\"" + Base58.encode(tx.signature(0))
                            + "\",\"code\":-1000,\"error\":\"Failed to land\",\"totalInputAmount\":\"0\","
                            + "\"totalOutputAmount\":\"0\"}");
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("status", "Success");
        reply.put("signature", Base58.encode(tx.signature(0)));
        reply.put("slot", "324307200");
        reply.put("code", 0);
        reply.put("totalInputAmount", swap.inAmount().toString());
        reply.put("totalOutputAmount", swap.outAmount().toString());
        reply.put("inputAmountResult", swap.inAmount().toString());
        reply.put("outputAmountResult", swap.outAmount().toString());
        ObjectNode event = reply.putArray("swapEvents").addObject();
        event.put("inputMint", swap.in().address());
        event.put("inputAmount", swap.inAmount().toString());
        event.put("outputMint", swap.out().address());
        event.put("outputAmount", swap.outAmount().toString());
        return new Answer(200, reply.toString());
    }

    private Answer prices(String ids) {
        ObjectNode reply = JSON.createObjectNode();
        for (String id : ids.split(",")) {
            BigDecimal usd = Mint.isValid(id) ? usdPrices.get(Mint.of(id)) : null;
            if (usd != null) {
                ObjectNode price = reply.putObject(id);
                price.put("createdAt", "2024-06-05T08:55:25.527Z");
                price.put("liquidity", liquidity.getOrDefault(Mint.of(id), new BigDecimal("621679197.67")));
                price.put("usdPrice", usd);
                price.put("blockId", 348004023L);
                price.put("decimals", Mint.of(id).equals(Mint.WRAPPED_SOL) ? 9 : 6);
                price.put("priceChange24h", 1.29);
            }
        }
        return new Answer(200, reply.toString());
    }

    /**
     * An unsigned v0 transaction for {@code user} that carries out {@code quote}: what Jupiter's builder returns. A
     * Jito tip is a System transfer to a tip account, a static key (never loaded through a lookup table).
     */
    private byte[] transaction(Address user, JsonNode quote, long tipLamports) {
        orders.incrementAndGet();
        FakeSwap swap = new FakeSwap(
                Mint.of(quote.get("inputMint").asText()),
                Mint.of(quote.get("outputMint").asText()),
                new BigInteger(quote.get("inAmount").asText()),
                new BigInteger(quote.get("outAmount").asText()));
        boolean tip = tipLamports > 0;
        WireTransactions tx = WireTransactions.v0(user);
        if (tip) {
            tx.key(JITO_TIP_ACCOUNT);
        }
        int budget = tip ? 2 : 1;
        tx.key(Address.COMPUTE_BUDGET_PROGRAM).key(Address.JUPITER_V6_PROGRAM);
        if (tip) {
            tx.key(Address.SYSTEM_PROGRAM);
        }
        int total = tip ? 5 : 3;
        tx.readonly(0, tip ? 3 : 2)
                .blockhash(blockhash.get().get())
                .instruction(budget, new int[] {}, new byte[] {2, (byte) 0x0c, (byte) 0xef, 5, 0})
                .instruction(budget, new int[] {}, new byte[] {3, (byte) 0x73, (byte) 0x64, 0, 0, 0, 0, 0, 0})
                .instruction(budget + 1, new int[] {0, total}, swap.data());
        if (tip) {
            byte[] transfer = ByteBuffer.allocate(12)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(2)
                    .putLong(tipLamports)
                    .array();
            tx.instruction(4, new int[] {0, 1}, transfer);
        }
        return tx.lookup(TABLE, new int[] {0}, new int[] {}).build();
    }

    /** One of Jito's tip accounts. */
    public static final Address JITO_TIP_ACCOUNT = Address.of("96gYZGLnJYVFmbjzopPSU6QiEV5fGqZNyN9nmNhvrZU5");

    /**
     * The swap a fake transaction states in its Jupiter instruction's data: 8 bytes of discriminator, the input and
     * output mints, then the input and output amounts as u64 little-endian. A fake RPC node reads it to move balances.
     */
    public record FakeSwap(Mint in, Mint out, BigInteger inAmount, BigInteger outAmount) {
        private static final byte[] DISCRIMINATOR = {(byte) 0xe5, 0x17, (byte) 0xcb, (byte) 0x97, 0x5a, 0x11, 0x2e, 0x01
        };

        byte[] data() {
            ByteBuffer out = ByteBuffer.allocate(8 + 64 + 16).order(ByteOrder.LITTLE_ENDIAN);
            out.put(DISCRIMINATOR).put(in.bytes()).put(this.out.bytes());
            out.putLong(inAmount.longValueExact()).putLong(outAmount.longValueExact());
            return out.array();
        }

        /** The swap {@code tx} states, if it has a fake Jupiter instruction. */
        public static Optional<FakeSwap> in(Transaction tx) {
            for (Transaction.Instruction ix : tx.instructions()) {
                byte[] data = ix.data();
                if (ix.programId().equals(Address.JUPITER_V6_PROGRAM)
                        && data.length == 88
                        && Arrays.equals(data, 0, 8, DISCRIMINATOR, 0, 8)) {
                    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                    return Optional.of(new FakeSwap(
                            Mint.of(Base58.encode(Arrays.copyOfRange(data, 8, 40))),
                            Mint.of(Base58.encode(Arrays.copyOfRange(data, 40, 72))),
                            new BigInteger(Long.toUnsignedString(in.getLong(72))),
                            new BigInteger(Long.toUnsignedString(in.getLong(80)))));
                }
            }
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        bytes[0] = (byte) (value + 1);
        return bytes;
    }
}
