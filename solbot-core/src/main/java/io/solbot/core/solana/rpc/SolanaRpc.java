package io.solbot.core.solana.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.internal.HttpCalls;
import io.solbot.core.internal.Json;
import io.solbot.core.internal.RateLimiter;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.SignedTransaction;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A Solana RPC node over HTTP JSON-RPC. Each call waits for the JVM's rate limit of the endpoint, times out, and is
 * retried on 429, 5xx and timeouts, except {@code sendTransaction}, which is sent once (see there); a JSON-RPC error or
 * a reply of another shape is an {@link RpcException} naming the method.
 *
 * <p>Thread-safe; one instance serves every bot.
 */
public final class SolanaRpc {
    /** {@code getSignatureStatuses} answers at most this many signatures a call. */
    public static final int MAX_STATUSES_PER_CALL = 256;

    private final RpcSettings settings;
    private final HttpCalls calls;
    private final AtomicLong ids = new AtomicLong();

    public SolanaRpc(RpcSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        HttpCalls.Settings http = new HttpCalls.Settings(
                settings.timeout(), settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
        // a provider counts per key, and the key is in the URL: one limiter per endpoint for the whole JVM
        this.calls = new HttpCalls(
                HttpCalls.client(http),
                RateLimiter.shared("solana-rpc " + settings.endpoint(), settings.requestsPerSecond()),
                http);
    }

    /** {@code getLatestBlockhash} at {@code commitment}. */
    public Blockhash latestBlockhash(Commitment commitment) {
        return call("getLatestBlockhash", params(config(commitment)), result -> {
            JsonNode value = Json.object(result, "value");
            return new Blockhash(
                    Json.text(value, "blockhash"),
                    Json.nonNegativeLong(value, "lastValidBlockHeight"),
                    RpcReplies.contextSlot(result));
        });
    }

    /**
     * {@code isBlockhashValid} at {@code commitment}: whether a transaction on {@code blockhash} (base58) can still
     * land, as this node sees it. False for a blockhash the node does not know, too old or too new for it.
     */
    public boolean isBlockhashValid(String blockhash, Commitment commitment) {
        return call(
                "isBlockhashValid",
                params(Json.MAPPER.getNodeFactory().textNode(blockhash), config(commitment)),
                result -> Json.bool(result, "value"));
    }

    /** {@code getBlockHeight} at {@code commitment}. */
    public long blockHeight(Commitment commitment) {
        return call(
                "getBlockHeight", params(config(commitment)), result -> Json.nonNegativeLongValue("result", result));
    }

    /**
     * {@code sendTransaction} of {@code transaction}, base64, with {@code options}, in one HTTP attempt: a failed
     * attempt (no answer in time, 5xx) may have reached the node, and a blind retry's preflight would then answer
     * {@code AlreadyProcessed}; the caller, which can tell, re-sends. Returns the signature the node reports, which
     * must be the transaction's id.
     *
     * @throws RpcException with {@link RpcException.Reason#PREFLIGHT_FAILED} and the simulation's error and logs if
     *     the preflight failed (this copy was not passed on), or why the call failed (this copy may have been)
     */
    public TxSignature sendTransaction(SignedTransaction transaction, SendOptions options) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("encoding", "base64");
        config.put("skipPreflight", options.skipPreflight());
        config.put("preflightCommitment", options.preflightCommitment().wireName());
        config.put("maxRetries", options.maxRetries());
        ArrayNode params =
                Json.MAPPER.createArrayNode().add(transaction.base64()).add(config);
        return call("sendTransaction", params, false, result -> {
            if (!result.isTextual()) {
                throw Json.wrongType("result", "a signature string", result);
            }
            TxSignature reported;
            try {
                reported = TxSignature.of(result.textValue());
            } catch (IllegalArgumentException e) {
                throw new Json.Malformed("result is not a transaction signature: " + Json.show(result.textValue()));
            }
            if (!reported.equals(transaction.id())) {
                throw new Json.Malformed(
                        "the node reports signature " + reported + " for transaction " + transaction.id());
            }
            return reported;
        });
    }

    /**
     * {@code getSignatureStatuses} of up to 256 signatures: one entry per signature, in order, empty where the node
     * knows none (not landed, dropped, or older than its status cache unless {@code searchHistory}).
     */
    public List<Optional<SignatureStatus>> signatureStatuses(List<TxSignature> signatures, boolean searchHistory) {
        if (signatures.isEmpty() || signatures.size() > MAX_STATUSES_PER_CALL) {
            throw new IllegalArgumentException(
                    "between 1 and 256 signatures a call, but there were " + signatures.size());
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        signatures.forEach(s -> list.add(s.value()));
        ObjectNode config = Json.MAPPER.createObjectNode().put("searchTransactionHistory", searchHistory);
        return call("getSignatureStatuses", params(list, config), result -> {
            JsonNode value = Json.required(result, "value");
            if (!value.isArray() || value.size() != signatures.size()) {
                throw new Json.Malformed("field value must be an array of " + signatures.size() + " statuses, but was "
                        + Json.show(value.toString()));
            }
            List<Optional<SignatureStatus>> out = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode status = value.get(i);
                out.add(
                        status.isNull()
                                ? Optional.empty()
                                : Optional.of(RpcReplies.status("value[" + i + "]", status)));
            }
            return out;
        });
    }

    /**
     * {@code simulateTransaction} of {@code transaction} as signed (signatures verified, its own blockhash) against
     * {@code commitment} state. A failing transaction is a {@link Simulation} with {@code err}, not an exception.
     */
    public Simulation simulate(SignedTransaction transaction, Commitment commitment) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("encoding", "base64");
        config.put("commitment", commitment.wireName());
        config.put("sigVerify", true);
        config.put("replaceRecentBlockhash", false);
        return call(
                "simulateTransaction",
                params(Json.MAPPER.getNodeFactory().textNode(transaction.base64()), config),
                result -> {
                    JsonNode value = Json.object(result, "value");
                    JsonNode units = value.get("unitsConsumed");
                    return new Simulation(
                            RpcReplies.error(value.get("err")),
                            RpcReplies.logs(value.get("logs")),
                            units == null || units.isNull()
                                    ? OptionalLong.empty()
                                    : OptionalLong.of(Json.nonNegativeLongValue("value.unitsConsumed", units)));
                });
    }

    /** {@code getAccountInfo} in base64: the account's raw bytes, or empty if it does not exist. */
    public Optional<RawAccount> accountInfo(Address account, Commitment commitment) {
        ObjectNode config = config(commitment).put("encoding", "base64");
        return call(
                "getAccountInfo", params(Json.MAPPER.getNodeFactory().textNode(account.toString()), config), result -> {
                    JsonNode value = result.get("value");
                    if (value == null) {
                        throw new Json.Malformed("field value is missing");
                    }
                    // null: no such account
                    return Optional.of(value)
                            .filter(v -> !v.isNull())
                            .map(v -> RpcReplies.rawAccount("value", v, RpcReplies.contextSlot(result)));
                });
    }

    /**
     * {@code getTransaction} at {@code commitment} (confirmed or finalized): its balance changes, or empty if the node
     * has no such transaction.
     */
    public Optional<LandedTransaction> transaction(TxSignature signature, Commitment commitment) {
        ObjectNode config = config(commitment).put("encoding", "json").put("maxSupportedTransactionVersion", 0);
        return call(
                "getTransaction",
                params(Json.MAPPER.getNodeFactory().textNode(signature.value()), config),
                result ->
                        result.isNull() ? Optional.empty() : Optional.of(TransactionReader.landed(signature, result)));
    }

    /** {@code getMultipleAccounts} accepts at most this many addresses a call. */
    public static final int MAX_ACCOUNTS_PER_CALL = 100;

    /**
     * {@code getMultipleAccounts} in base64: one entry per address, in order, empty where there is no such account.
     *
     * @throws IllegalArgumentException for no address or more than 100
     */
    public List<Optional<RawAccount>> multipleAccounts(List<Address> accounts, Commitment commitment) {
        if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS_PER_CALL) {
            throw new IllegalArgumentException("between 1 and 100 accounts a call, but there were " + accounts.size());
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        accounts.forEach(a -> list.add(a.toString()));
        return call("getMultipleAccounts", params(list, config(commitment).put("encoding", "base64")), result -> {
            JsonNode value = RpcReplies.value(result);
            if (!value.isArray() || value.size() != accounts.size()) {
                throw new Json.Malformed("field value must be an array of " + accounts.size() + " accounts, but was "
                        + Json.show(value.toString()));
            }
            long slot = RpcReplies.contextSlot(result);
            List<Optional<RawAccount>> out = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                out.add(
                        item.isNull()
                                ? Optional.empty()
                                : Optional.of(RpcReplies.rawAccount("value[" + i + "]", item, slot)));
            }
            return out;
        });
    }

    /** {@code getBalance}: the lamports of {@code account} (zero if it does not exist). */
    public long balance(Address account, Commitment commitment) {
        return call(
                "getBalance",
                params(Json.MAPPER.getNodeFactory().textNode(account.toString()), config(commitment)),
                result -> Json.nonNegativeLongValue("value", RpcReplies.value(result)));
    }

    /**
     * {@code getTokenLargestAccounts}: up to the 20 largest token accounts of {@code mint}, largest first (token
     * accounts, not owners; read the owners from the accounts).
     */
    public List<LargestAccount> tokenLargestAccounts(Mint mint, Commitment commitment) {
        return call(
                "getTokenLargestAccounts",
                params(Json.MAPPER.getNodeFactory().textNode(mint.address()), config(commitment)),
                result -> {
                    JsonNode value = RpcReplies.value(result);
                    if (!value.isArray()) {
                        throw Json.wrongType("value", "an array of token accounts", value);
                    }
                    List<LargestAccount> out = new ArrayList<>(value.size());
                    for (int i = 0; i < value.size(); i++) {
                        JsonNode item = value.get(i);
                        String at = "value[" + i + "]";
                        if (!item.isObject()) {
                            throw Json.wrongType(at, "a token account object", item);
                        }
                        // amount is the exact u64 as a string; uiAmount is a deprecated float and never read
                        out.add(new LargestAccount(
                                RpcReplies.address(at + ".address", Json.text(item, "address")),
                                Json.u64(item, "amount"),
                                Json.integer(item, "decimals")));
                    }
                    return out;
                });
    }

    /**
     * {@code getTokenAccountsByOwner} in base64: the token accounts of {@code owner} that {@code program} (SPL Token or
     * Token-2022) owns.
     */
    public List<OwnedAccount> tokenAccountsByOwner(Address owner, Address program, Commitment commitment) {
        ObjectNode filter = Json.MAPPER.createObjectNode().put("programId", program.toString());
        return call(
                "getTokenAccountsByOwner",
                params(
                        Json.MAPPER.getNodeFactory().textNode(owner.toString()),
                        filter,
                        config(commitment).put("encoding", "base64")),
                result -> {
                    JsonNode value = RpcReplies.value(result);
                    if (!value.isArray()) {
                        throw Json.wrongType("value", "an array of accounts", value);
                    }
                    long slot = RpcReplies.contextSlot(result);
                    List<OwnedAccount> out = new ArrayList<>(value.size());
                    for (int i = 0; i < value.size(); i++) {
                        JsonNode item = value.get(i);
                        String at = "value[" + i + "]";
                        if (!item.isObject()) {
                            throw Json.wrongType(at, "an object with pubkey and account", item);
                        }
                        out.add(new OwnedAccount(
                                RpcReplies.address(at + ".pubkey", Json.text(item, "pubkey")),
                                RpcReplies.rawAccount(at + ".account", Json.required(item, "account"), slot)));
                    }
                    return out;
                });
    }

    /**
     * {@code getRecentPrioritizationFees}: for each of the node's recent slots (up to 150), the lowest compute-unit
     * price, micro-lamports per compute unit, that a transaction landed with (of those locking {@code accounts} as
     * writable, when given), in the node's order.
     */
    public List<Long> recentPrioritizationFees(List<Address> accounts) {
        ArrayNode keys = Json.MAPPER.createArrayNode();
        accounts.forEach(a -> keys.add(a.toString()));
        return call("getRecentPrioritizationFees", params(keys), result -> {
            if (!result.isArray()) {
                throw Json.wrongType("result", "an array of slots' fees", result);
            }
            List<Long> fees = new ArrayList<>(result.size());
            for (int i = 0; i < result.size(); i++) {
                JsonNode item = result.get(i);
                if (!item.isObject()) {
                    throw Json.wrongType("result[" + i + "]", "a slot's fee object", item);
                }
                fees.add(Json.nonNegativeLong(item, "prioritizationFee"));
            }
            return fees;
        });
    }

    /** {@code getSignaturesForAddress} returns at most this many signatures a call. */
    public static final int MAX_SIGNATURES_PER_CALL = 1_000;

    /**
     * {@code getSignaturesForAddress} at {@code commitment} (confirmed or finalized): up to {@code limit} transactions
     * that touched {@code address}, newest first, older than {@code before} if given and newer than {@code until} if
     * given.
     */
    public List<SignatureInfo> signaturesForAddress(
            Address address,
            Optional<TxSignature> before,
            Optional<TxSignature> until,
            int limit,
            Commitment commitment) {
        if (limit < 1 || limit > MAX_SIGNATURES_PER_CALL) {
            throw new IllegalArgumentException("between 1 and 1000 signatures a call, but was " + limit);
        }
        ObjectNode config = config(commitment).put("limit", limit);
        before.ifPresent(s -> config.put("before", s.value()));
        until.ifPresent(s -> config.put("until", s.value()));
        return call(
                "getSignaturesForAddress",
                params(Json.MAPPER.getNodeFactory().textNode(address.toString()), config),
                result -> {
                    if (!result.isArray()) {
                        throw Json.wrongType("result", "an array of signatures", result);
                    }
                    List<SignatureInfo> out = new ArrayList<>(result.size());
                    for (int i = 0; i < result.size(); i++) {
                        JsonNode item = result.get(i);
                        String at = "result[" + i + "]";
                        if (!item.isObject()) {
                            throw Json.wrongType(at, "a signature object", item);
                        }
                        TxSignature signature;
                        try {
                            signature = TxSignature.of(Json.text(item, "signature"));
                        } catch (IllegalArgumentException e) {
                            throw new Json.Malformed(at + ".signature is not a transaction signature");
                        }
                        JsonNode time = item.get("blockTime");
                        out.add(new SignatureInfo(
                                signature,
                                Json.nonNegativeLong(item, "slot"),
                                RpcReplies.error(item.get("err")),
                                time == null || time.isNull()
                                        ? Optional.empty()
                                        : Optional.of(java.time.Instant.ofEpochSecond(
                                                Json.nonNegativeLongValue(at + ".blockTime", time)))));
                    }
                    return out;
                });
    }

    private static ObjectNode config(Commitment commitment) {
        return Json.MAPPER.createObjectNode().put("commitment", commitment.wireName());
    }

    private static ArrayNode params(JsonNode... items) {
        ArrayNode params = Json.MAPPER.createArrayNode();
        for (JsonNode item : items) {
            params.add(item);
        }
        return params;
    }

    private <T> T call(String method, ArrayNode params, Function<JsonNode, T> reader) {
        return call(method, params, true, reader);
    }

    private <T> T call(String method, ArrayNode params, boolean retry, Function<JsonNode, T> reader) {
        String what = "Solana RPC " + method;
        long id = ids.incrementAndGet();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("jsonrpc", "2.0").put("id", id).put("method", method).set("params", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        HttpCalls.Reply reply;
        try {
            reply = retry ? calls.call(request, what) : calls.callOnce(request, what);
        } catch (HttpCalls.Failure e) {
            RpcException.Reason reason = switch (e.kind()) {
                case RATE_LIMITED -> RpcException.Reason.RATE_LIMITED;
                case SERVER_ERROR -> RpcException.Reason.SERVER_ERROR;
                case TIMEOUT, UNREACHABLE -> RpcException.Reason.UNAVAILABLE;
                case INTERRUPTED -> RpcException.Reason.INTERRUPTED;
            };
            throw new RpcException(reason, e.getMessage());
        }
        if (reply.status() != 200) {
            throw new RpcException(
                    RpcException.Reason.RPC_ERROR, what + ": HTTP " + reply.status() + " " + Json.show(reply.body()));
        }
        try {
            JsonNode node = Json.parse(reply.body());
            if (!node.isObject()) {
                throw Json.wrongType("(the reply)", "a JSON-RPC response object", node);
            }
            JsonNode error = node.get("error");
            if (error != null && !error.isNull()) {
                throw RpcReplies.rpcError(what, error);
            }
            JsonNode replyId = node.get("id");
            if (replyId == null || !replyId.isIntegralNumber() || replyId.longValue() != id) {
                throw new Json.Malformed("the reply's id " + replyId + " is not the request's " + id);
            }
            if (!node.has("result")) {
                throw new Json.Malformed("field result is missing");
            }
            return reader.apply(node.get("result"));
        } catch (Json.Malformed e) {
            throw new RpcException(RpcException.Reason.MALFORMED_REPLY, what + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SolanaRpc[" + settings + "]";
    }
}
