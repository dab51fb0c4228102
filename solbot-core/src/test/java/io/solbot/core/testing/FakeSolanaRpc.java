package io.solbot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Solana RPC node on 127.0.0.1 in front of a tiny simulated chain, speaking the JSON-RPC of the real one: {@code
 * getLatestBlockhash}, {@code getBlockHeight}, {@code isBlockhashValid}, {@code sendTransaction}, {@code
 * getSignatureStatuses}, {@code simulateTransaction}, {@code getTransaction} and {@code getAccountInfo}.
 *
 * <p>The chain: a block height that moves only when the test says ({@link #advance}); a blockhash per height, valid for
 * 150 blocks; wallets with lamports and token balances. A sent transaction must verify (every signature) and carry a
 * live blockhash. It then lands at once (by default), never ({@link Fate#DROP}), or fails ({@link Fate#FAIL}): each
 * new signature takes the next fate of {@link #fates}. A landed transaction that states a {@link FakeJupiter.FakeSwap}
 * moves its wallet's SOL and tokens; one signature lands once, however often it is sent. Errors are scripted per
 * method with {@link #script}; a send whose answer is lost on the way back with {@link #loseNextSendReply} and {@link
 * #deliverNextSendTwice}.
 */
public final class FakeSolanaRpc extends LoopbackServer {
    /** The fee of one signature, in lamports. */
    public static final long SIGNATURE_FEE = 5_000;

    /** Blocks a blockhash stays valid for. */
    public static final long VALIDITY = 150;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What becomes of a new transaction. */
    public enum Fate {
        /** Lands (succeeds, or fails for lack of funds). */
        LAND,
        /** Accepted, never lands: lost on the way to the leader. */
        DROP,
        /** Lands and fails: the swap's minimum was not met (Jupiter's 6001). Preflight sees it too. */
        FAIL,
        /** Passes preflight, then lands and fails (6001): the pool moved between simulation and landing. */
        REVERT
    }

    private record Landed(
            long slot,
            String err,
            long fee,
            List<String> keys,
            long[] pre,
            long[] post,
            ArrayNode preTokens,
            ArrayNode postTokens) {}

    private long blockHeight = 200;
    private final Map<String, Long> lastValid = new HashMap<>();
    private final Map<Address, Long> lamports = new HashMap<>();
    private final Map<String, BigInteger> tokens = new HashMap<>();
    private final Map<Address, byte[]> accounts = new HashMap<>();
    private final Map<Address, Address> owners = new HashMap<>();
    private final Map<String, java.util.function.Function<JsonNode, JsonNode>> handlers = new HashMap<>();
    private final Map<String, Fate> fateOf = new HashMap<>();
    private final Map<String, Integer> receipts = new LinkedHashMap<>();
    private final Map<String, Landed> landed = new LinkedHashMap<>();
    private final Deque<Fate> fates = new ArrayDeque<>();
    private final Map<String, Deque<String>> scripts = new HashMap<>();
    private final Deque<SendQuirk> sendQuirks = new ArrayDeque<>();

    /** What happens to a {@code sendTransaction} between the client and the node. */
    private enum SendQuirk {
        LOSE_REPLY,
        DELIVER_TWICE
    }

    public FakeSolanaRpc() {
        lastValid.put(blockhashText(blockHeight), blockHeight + VALIDITY);
    }

    /** Moves the chain {@code blocks} blocks on; blockhashes older than 150 blocks expire. */
    public synchronized FakeSolanaRpc advance(long blocks) {
        blockHeight += blocks;
        lastValid.putIfAbsent(blockhashText(blockHeight), blockHeight + VALIDITY);
        return this;
    }

    public synchronized long blockHeight() {
        return blockHeight;
    }

    /** The current blockhash's 32 bytes (for {@link FakeJupiter#chain}). */
    public synchronized byte[] blockhash() {
        return blockhashBytes(blockHeight);
    }

    /** The last block height at which a transaction on the current blockhash lands. */
    public synchronized long lastValidBlockHeight() {
        return blockHeight + VALIDITY;
    }

    public synchronized FakeSolanaRpc fund(Address wallet, long lamports) {
        this.lamports.merge(wallet, lamports, Long::sum);
        return this;
    }

    public synchronized long lamports(Address wallet) {
        return lamports.getOrDefault(wallet, 0L);
    }

    public synchronized BigInteger tokens(Address owner, Mint mint) {
        return tokens.getOrDefault(owner + "/" + mint, BigInteger.ZERO);
    }

    /** An account {@code getAccountInfo} returns, owned by the System program. */
    public synchronized FakeSolanaRpc account(Address address, byte[] data) {
        accounts.put(address, data.clone());
        return this;
    }

    /** An account {@code getAccountInfo} returns, owned by {@code program}. */
    public synchronized FakeSolanaRpc account(Address address, Address program, byte[] data) {
        accounts.put(address, data.clone());
        owners.put(address, program);
        return this;
    }

    /**
     * Answers calls of {@code method} with {@code result} of their params (a JSON-RPC {@code result}); where it
     * returns null, the node answers as it would without (methods it does not know: -32601).
     */
    public synchronized FakeSolanaRpc handle(String method, java.util.function.Function<JsonNode, JsonNode> result) {
        handlers.put(method, result);
        return this;
    }

    /** The fates of the next new transactions, in order; after them, transactions land. */
    public synchronized FakeSolanaRpc fates(Fate... next) {
        fates.addAll(List.of(next));
        return this;
    }

    /** Answers the next call of {@code method} with the JSON-RPC {@code reply} (its id is set to the request's). */
    public synchronized FakeSolanaRpc script(String method, String reply) {
        scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /**
     * The node handles the next {@code sendTransaction} (it may land), but its answer is lost: the client gets HTTP 503
     * from a gateway in front of the node, as when the node answered too late.
     */
    public synchronized FakeSolanaRpc loseNextSendReply() {
        sendQuirks.add(SendQuirk.LOSE_REPLY);
        return this;
    }

    /**
     * The next {@code sendTransaction} reaches the node twice, as when a gateway in front of it retries after losing
     * the first answer; the client gets the second copy's answer ({@code AlreadyProcessed} once the first landed).
     */
    public synchronized FakeSolanaRpc deliverNextSendTwice() {
        sendQuirks.add(SendQuirk.DELIVER_TWICE);
        return this;
    }

    /**
     * Takes {@code transaction} (base64 wire bytes) as a leader would from another sender (Jupiter's {@code /execute}):
     * without preflight, landing per its fate. Returns its signature.
     */
    public synchronized String submit(String transaction) {
        ArrayNode params = JSON.createArrayNode().add(transaction);
        params.addObject().put("encoding", "base64").put("skipPreflight", true);
        return send(params).asText();
    }

    /** How many JSON-RPC calls of {@code method} the node received. */
    public int calls(String method) {
        return (int) requests().stream()
                .filter(r -> r.body().contains("\"method\":\"" + method + "\""))
                .count();
    }

    /** The blockhash the chain has at {@code height}, base58 (the next ones, before the chain reaches them). */
    public static String blockhashAt(long height) {
        return blockhashText(height);
    }

    /** The same as raw bytes (for {@link FakeJupiter#chain}). */
    public static byte[] blockhashBytesAt(long height) {
        return blockhashBytes(height);
    }

    /** How often a transaction with {@code signature} was received. */
    public synchronized int receipts(TxSignature signature) {
        return receipts.getOrDefault(signature.value(), 0);
    }

    /** Signatures received, in order of first receipt. */
    public synchronized List<String> received() {
        return List.copyOf(receipts.keySet());
    }

    /** Signatures that landed, in order. */
    public synchronized List<String> landed() {
        return List.copyOf(landed.keySet());
    }

    /** Signatures that landed without an error. */
    public synchronized List<String> succeeded() {
        return landed.entrySet().stream()
                .filter(e -> e.getValue().err() == null)
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    protected synchronized Answer answer(Request request) {
        JsonNode call;
        try {
            call = JSON.readTree(request.body());
        } catch (IOException e) {
            return new Answer(
                    200, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
        }
        JsonNode id = call.get("id");
        String method = call.path("method").asText();
        Deque<String> script = scripts.get(method);
        if (script != null && !script.isEmpty()) {
            String reply = script.poll();
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(reply);
                node.set("id", id);
                return new Answer(200, node.toString());
            } catch (IOException | ClassCastException e) {
                return new Answer(200, reply);
            }
        }
        JsonNode params = call.path("params");
        SendQuirk quirk = method.equals("sendTransaction") ? sendQuirks.poll() : null;
        if (quirk == SendQuirk.LOSE_REPLY) {
            reply(method, params, id);
            return new Answer(503, "<html><body><h1>503 Service Unavailable</h1></body></html>");
        }
        if (quirk == SendQuirk.DELIVER_TWICE) {
            reply(method, params, id);
        }
        return new Answer(200, reply(method, params, id));
    }

    private String reply(String method, JsonNode params, JsonNode id) {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        try {
            reply.set("result", result(method, params));
        } catch (RpcError e) {
            reply.set("error", e.error);
        }
        reply.set("id", id);
        return reply.toString();
    }

    private static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ObjectNode error;

        RpcError(long code, String message, JsonNode data) {
            super(message);
            error = JSON.createObjectNode().put("code", code).put("message", message);
            if (data != null) {
                error.set("data", data);
            }
        }
    }

    private JsonNode result(String method, JsonNode params) {
        java.util.function.Function<JsonNode, JsonNode> handler = handlers.get(method);
        JsonNode handled = handler == null ? null : handler.apply(params);
        if (handled != null) {
            return handled;
        }
        return switch (method) {
            case "getLatestBlockhash" -> {
                ObjectNode result = context();
                result.putObject("value")
                        .put("blockhash", blockhashText(blockHeight))
                        .put("lastValidBlockHeight", blockHeight + VALIDITY);
                yield result;
            }
            case "getBlockHeight" -> JSON.getNodeFactory().numberNode(blockHeight);
            case "isBlockhashValid" -> {
                Long valid = lastValid.get(params.path(0).asText());
                ObjectNode result = context();
                result.put("value", valid != null && blockHeight <= valid);
                yield result;
            }
            case "sendTransaction" -> send(params);
            case "simulateTransaction" -> simulate(params);
            case "getSignatureStatuses" -> statuses(params);
            case "getTransaction" -> transaction(params.path(0).asText());
            case "getAccountInfo" -> accountInfo(params.path(0).asText());
            default -> throw new RpcError(-32601, "Method not found", null);
        };
    }

    private Transaction decode(JsonNode params) {
        if (!"base64".equals(params.path(1).path("encoding").asText())) {
            throw new RpcError(-32602, "invalid transaction: base58 is deprecated in this fake; send base64", null);
        }
        Transaction tx;
        try {
            tx = Transaction.read(Base64.getDecoder().decode(params.path(0).asText()));
        } catch (RuntimeException e) {
            throw new RpcError(-32602, "invalid transaction: failed to deserialize VersionedTransaction", null);
        }
        for (int slot = 0; slot < tx.signatureCount(); slot++) {
            if (!Keypair.verify(tx.staticKeys().get(slot), tx.messageBytes(), tx.signature(slot))) {
                throw new RpcError(-32003, "Transaction signature verification failure", null);
            }
        }
        return tx;
    }

    private JsonNode send(JsonNode params) {
        Transaction tx = decode(params);
        String signature = Base58.encode(tx.signature(0));
        boolean preflight = !params.path(1).path("skipPreflight").asBoolean(false);
        receipts.merge(signature, 1, Integer::sum);
        Fate fate = fateOf.computeIfAbsent(signature, s -> fates.isEmpty() ? Fate.LAND : fates.poll());
        if (landed.containsKey(signature)) {
            if (preflight) {
                throw preflightFailure("\"AlreadyProcessed\"", List.of());
            }
            return JSON.getNodeFactory().textNode(signature);
        }
        Long valid = lastValid.get(tx.recentBlockhash());
        if (valid == null || valid < blockHeight) {
            if (preflight) {
                throw preflightFailure("\"BlockhashNotFound\"", List.of());
            }
            return JSON.getNodeFactory().textNode(signature);
        }
        String err = outcome(tx, fate == Fate.REVERT ? Fate.LAND : fate);
        if (preflight && err != null) {
            throw preflightFailure(
                    err,
                    List.of(
                            "Program " + Address.JUPITER_V6_PROGRAM + " invoke [1]",
                            "Program log: Error: " + err,
                            "Program " + Address.JUPITER_V6_PROGRAM + " failed"));
        }
        if (fate == Fate.REVERT) {
            err = outcome(tx, Fate.FAIL);
        }
        if (fate != Fate.DROP) {
            land(tx, signature, err);
        }
        return JSON.getNodeFactory().textNode(signature);
    }

    /** Null if {@code tx} would succeed now, else its {@code err} as JSON. */
    private String outcome(Transaction tx, Fate fate) {
        if (fate == Fate.FAIL) {
            return "{\"InstructionError\":[2,{\"Custom\":6001}]}";
        }
        Address payer = tx.feePayer();
        long fee = SIGNATURE_FEE * tx.signatureCount();
        if (lamports(payer) < fee) {
            return "\"InsufficientFundsForFee\"";
        }
        Optional<FakeJupiter.FakeSwap> swap = FakeJupiter.FakeSwap.in(tx);
        if (swap.isPresent()) {
            FakeJupiter.FakeSwap s = swap.get();
            long tips =
                    systemTransfers(tx).stream().mapToLong(Transfer::lamports).sum();
            boolean short_ = s.in().equals(Mint.WRAPPED_SOL)
                    ? BigInteger.valueOf(lamports(payer) - fee - tips).compareTo(s.inAmount()) < 0
                    : tokens(payer, s.in()).compareTo(s.inAmount()) < 0;
            if (short_) {
                return "{\"InstructionError\":[2,{\"Custom\":1}]}";
            }
        }
        return null;
    }

    private void land(Transaction tx, String signature, String err) {
        Address payer = tx.feePayer();
        long fee = SIGNATURE_FEE * tx.signatureCount();
        Optional<FakeJupiter.FakeSwap> swap = FakeJupiter.FakeSwap.in(tx);
        Mint token = swap.map(s -> s.in().equals(Mint.WRAPPED_SOL) ? s.out() : s.in())
                .orElse(null);
        long preLamports = lamports(payer);
        BigInteger preTokens = token == null ? BigInteger.ZERO : tokens(payer, token);
        lamports.put(payer, preLamports - fee);
        if (err == null) {
            systemTransfers(tx).forEach(t -> {
                lamports.merge(t.from(), -t.lamports(), Long::sum);
                lamports.merge(t.to(), t.lamports(), Long::sum);
            });
        }
        if (err == null && swap.isPresent()) {
            FakeJupiter.FakeSwap s = swap.get();
            if (s.in().equals(Mint.WRAPPED_SOL)) {
                lamports.merge(payer, -s.inAmount().longValueExact(), Long::sum);
                tokens.merge(payer + "/" + token, s.outAmount(), BigInteger::add);
            } else {
                tokens.merge(payer + "/" + token, s.inAmount().negate(), BigInteger::add);
                lamports.merge(payer, s.outAmount().longValueExact(), Long::sum);
            }
        }
        // the message's accounts, and the one the lookup table loads: the payer's token account
        List<String> keys = new java.util.ArrayList<>(
                tx.staticKeys().stream().map(Address::toString).toList());
        keys.add(tokenAccount(payer, token == null ? Mint.WRAPPED_SOL : token).toString());
        long[] pre = new long[keys.size()];
        long[] post = new long[keys.size()];
        pre[0] = preLamports;
        post[0] = lamports(payer);
        for (int i = 1; i < keys.size(); i++) {
            pre[i] = post[i] = i == keys.size() - 1 ? 2_039_280 : 1;
        }
        ArrayNode preTokenList = JSON.createArrayNode();
        ArrayNode postTokenList = JSON.createArrayNode();
        if (token != null) {
            int index = keys.size() - 1;
            // a token account that did not exist before has no pre-balance entry, as on a real node
            if (preTokens.signum() > 0) {
                preTokenList.add(tokenBalance(index, token, payer, preTokens));
            }
            postTokenList.add(tokenBalance(index, token, payer, tokens(payer, token)));
        }
        landed.put(signature, new Landed(blockHeight + 1_000, err, fee, keys, pre, post, preTokenList, postTokenList));
    }

    private record Transfer(Address from, Address to, long lamports) {}

    /** The System program transfers of {@code tx} (a Jito tip): index 2, then the lamports, little-endian. */
    private static List<Transfer> systemTransfers(Transaction tx) {
        List<Transfer> out = new java.util.ArrayList<>();
        for (Transaction.Instruction ix : tx.instructions()) {
            byte[] data = ix.data();
            if (ix.programId().equals(Address.SYSTEM_PROGRAM)
                    && data.length == 12
                    && data[0] == 2
                    && ix.accountIndexes().size() == 2) {
                long lamports = java.nio.ByteBuffer.wrap(data, 4, 8)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getLong();
                out.add(new Transfer(
                        tx.staticKeys().get(ix.accountIndexes().get(0)),
                        tx.staticKeys().get(ix.accountIndexes().get(1)),
                        lamports));
            }
        }
        return out;
    }

    private static ObjectNode tokenBalance(int index, Mint mint, Address owner, BigInteger amount) {
        ObjectNode balance = JSON.createObjectNode();
        balance.put("accountIndex", index);
        balance.put("mint", mint.address());
        balance.put("owner", owner.toString());
        balance.put("programId", Address.TOKEN_PROGRAM.toString());
        ObjectNode ui = balance.putObject("uiTokenAmount");
        ui.put("amount", amount.toString());
        ui.put("decimals", 6);
        ui.put("uiAmount", amount.doubleValue() / 1e6);
        ui.put(
                "uiAmountString",
                new java.math.BigDecimal(amount)
                        .movePointLeft(6)
                        .stripTrailingZeros()
                        .toPlainString());
        return balance;
    }

    private JsonNode simulate(JsonNode params) {
        Transaction tx = decode(params);
        String signature = Base58.encode(tx.signature(0));
        Fate fate = fateOf.getOrDefault(signature, fates.isEmpty() ? Fate.LAND : fates.peek());
        String err = outcome(tx, fate);
        ObjectNode result = context();
        ObjectNode value = result.putObject("value");
        value.set("err", err == null ? JSON.nullNode() : parse(err));
        ArrayNode logs = value.putArray("logs");
        logs.add("Program " + Address.JUPITER_V6_PROGRAM + " invoke [1]");
        logs.add("Program " + Address.JUPITER_V6_PROGRAM + (err == null ? " success" : " failed"));
        value.putNull("accounts");
        value.put("unitsConsumed", 48_213);
        value.putNull("returnData");
        value.putNull("innerInstructions");
        value.putNull("replacementBlockhash");
        return result;
    }

    private JsonNode statuses(JsonNode params) {
        ObjectNode result = context();
        ArrayNode value = result.putArray("value");
        for (JsonNode sig : params.path(0)) {
            Landed l = landed.get(sig.asText());
            if (l == null) {
                value.addNull();
                continue;
            }
            ObjectNode status = value.addObject();
            status.put("slot", l.slot());
            status.put("confirmations", 10);
            JsonNode err = l.err() == null ? JSON.nullNode() : parse(l.err());
            status.set("err", err);
            ObjectNode ok = JSON.createObjectNode();
            if (l.err() == null) {
                ok.putNull("Ok");
            } else {
                ok.set("Err", err);
            }
            status.set("status", ok);
            status.put("confirmationStatus", "confirmed");
        }
        return result;
    }

    private JsonNode transaction(String signature) {
        Landed l = landed.get(signature);
        if (l == null) {
            return JSON.nullNode();
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("slot", l.slot());
        result.put("blockTime", 1_764_000_000L);
        ObjectNode meta = result.putObject("meta");
        meta.set("err", l.err() == null ? JSON.nullNode() : parse(l.err()));
        meta.put("fee", l.fee());
        ArrayNode pre = meta.putArray("preBalances");
        ArrayNode post = meta.putArray("postBalances");
        for (int i = 0; i < l.keys().size(); i++) {
            pre.add(l.pre()[i]);
            post.add(l.post()[i]);
        }
        meta.set("preTokenBalances", l.preTokens());
        meta.set("postTokenBalances", l.postTokens());
        ObjectNode loaded = meta.putObject("loadedAddresses");
        loaded.putArray("writable").add(l.keys().get(l.keys().size() - 1));
        loaded.putArray("readonly");
        meta.putArray("logMessages");
        meta.put("computeUnitsConsumed", 48_213);
        ObjectNode tx = result.putObject("transaction");
        tx.putArray("signatures").add(signature);
        ObjectNode message = tx.putObject("message");
        ArrayNode keys = message.putArray("accountKeys");
        l.keys().subList(0, l.keys().size() - 1).forEach(keys::add);
        result.put("version", 0);
        return result;
    }

    private JsonNode accountInfo(String address) {
        ObjectNode result = context();
        byte[] data = Mint.isValid(address) ? accounts.get(Address.of(address)) : null;
        if (data == null) {
            result.putNull("value");
            return result;
        }
        ObjectNode value = result.putObject("value");
        value.putArray("data").add(Base64.getEncoder().encodeToString(data)).add("base64");
        value.put("executable", false);
        value.put("lamports", 1_461_600);
        value.put(
                "owner",
                owners.getOrDefault(Address.of(address), Address.TOKEN_PROGRAM).toString());
        value.put("rentEpoch", new BigInteger("18446744073709551615"));
        value.put("space", data.length);
        return result;
    }

    private RpcError preflightFailure(String err, List<String> logs) {
        ObjectNode data = JSON.createObjectNode();
        data.set("err", parse(err));
        ArrayNode lines = data.putArray("logs");
        logs.forEach(lines::add);
        data.putNull("accounts");
        data.put("unitsConsumed", 0);
        data.putNull("returnData");
        data.putNull("innerInstructions");
        data.putNull("replacementBlockhash");
        return new RpcError(-32002, "Transaction simulation failed: " + err, data);
    }

    private ObjectNode context() {
        ObjectNode result = JSON.createObjectNode();
        result.putObject("context").put("slot", blockHeight + 1_000).put("apiVersion", "2.3.6");
        return result;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token account address for {@code owner} and {@code mint} (a stand-in for the associated token account). */
    public static Address tokenAccount(Address owner, Mint mint) {
        return Address.ofBytes(sha256(owner + "/" + mint));
    }

    private static String blockhashText(long height) {
        return Base58.encode(blockhashBytes(height));
    }

    private static byte[] blockhashBytes(long height) {
        return sha256("blockhash " + height);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
