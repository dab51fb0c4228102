package io.solbot.core.solana.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.Address;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads a {@code getTransaction} result in {@code json} encoding into a {@link LandedTransaction}, strictly. */
final class TransactionReader {
    private TransactionReader() {}

    static LandedTransaction landed(TxSignature signature, JsonNode result) {
        if (!result.isObject()) {
            throw Json.wrongType("result", "a transaction object or null", result);
        }
        JsonNode meta = Json.object(result, "meta");
        JsonNode message = Json.object(Json.object(result, "transaction"), "message");
        List<Address> keys = new ArrayList<>(
                RpcReplies.addresses("transaction.message.accountKeys", Json.required(message, "accountKeys")));
        JsonNode loaded = meta.get("loadedAddresses");
        if (loaded != null && !loaded.isNull()) {
            keys.addAll(RpcReplies.addresses("meta.loadedAddresses.writable", Json.required(loaded, "writable")));
            keys.addAll(RpcReplies.addresses("meta.loadedAddresses.readonly", Json.required(loaded, "readonly")));
        }
        List<Long> pre = RpcReplies.longs("meta.preBalances", Json.required(meta, "preBalances"));
        List<Long> post = RpcReplies.longs("meta.postBalances", Json.required(meta, "postBalances"));
        if (pre.size() != keys.size() || post.size() != keys.size()) {
            throw new Json.Malformed("the transaction has " + keys.size() + " accounts, but " + pre.size()
                    + " pre-balances and " + post.size() + " post-balances");
        }
        JsonNode blockTime = result.get("blockTime");
        return new LandedTransaction(
                signature,
                Json.nonNegativeLong(result, "slot"),
                blockTime == null || blockTime.isNull()
                        ? Optional.empty()
                        : Optional.of(Instant.ofEpochSecond(Json.nonNegativeLongValue("blockTime", blockTime))),
                RpcReplies.error(meta.get("err")),
                Json.nonNegativeLong(meta, "fee"),
                keys,
                pre,
                post,
                tokenBalances(meta, keys.size()),
                instructions(message, meta, keys));
    }

    private static List<LandedTransaction.TokenBalance> tokenBalances(JsonNode meta, int accounts) {
        Map<Integer, JsonNode> before = indexed("meta.preTokenBalances", meta.get("preTokenBalances"), accounts);
        Map<Integer, JsonNode> after = indexed("meta.postTokenBalances", meta.get("postTokenBalances"), accounts);
        List<LandedTransaction.TokenBalance> tokens = new ArrayList<>();
        TreeSet<Integer> indexes = new TreeSet<>(before.keySet());
        indexes.addAll(after.keySet());
        for (int index : indexes) {
            JsonNode either = after.getOrDefault(index, before.get(index));
            String at = "token balance of account " + index;
            Mint mint;
            try {
                mint = Mint.of(Json.text(either, "mint"));
            } catch (IllegalArgumentException e) {
                throw new Json.Malformed(at + ": mint is not an address");
            }
            Optional<Address> owner = Json.optionalText(either, "owner").map(o -> RpcReplies.address(at + ".owner", o));
            JsonNode ui = Json.object(either, "uiTokenAmount");
            tokens.add(new LandedTransaction.TokenBalance(
                    index,
                    mint,
                    owner,
                    before.containsKey(index)
                            ? Json.u64(before.get(index).get("uiTokenAmount"), "amount")
                            : BigInteger.ZERO,
                    after.containsKey(index)
                            ? Json.u64(after.get(index).get("uiTokenAmount"), "amount")
                            : BigInteger.ZERO,
                    Json.integer(ui, "decimals")));
        }
        return tokens;
    }

    private static Map<Integer, JsonNode> indexed(String field, JsonNode list, int accounts) {
        Map<Integer, JsonNode> out = new HashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw Json.wrongType(field, "an array", list);
        }
        for (JsonNode balance : list) {
            int index = Json.integer(balance, "accountIndex");
            if (index < 0 || index >= accounts) {
                throw new Json.Malformed(
                        field + ": account index " + index + " is beyond the " + accounts + " accounts");
            }
            Json.object(balance, "uiTokenAmount");
            out.put(index, balance);
        }
        return out;
    }

    /**
     * The message's instructions, each followed by those it invoked ({@code meta.innerInstructions}, recorded by
     * nodes since 1.x; absent from old or pruned replies): a program called through another (a pool created from a
     * launchpad's instruction) is found as well as one called directly.
     */
    private static List<LandedTransaction.Instruction> instructions(
            JsonNode message, JsonNode meta, List<Address> keys) {
        JsonNode outer = message.get("instructions");
        if (outer == null || outer.isNull()) {
            return List.of();
        }
        if (!outer.isArray()) {
            throw Json.wrongType("transaction.message.instructions", "an array", outer);
        }
        Map<Integer, JsonNode> inner = new HashMap<>();
        JsonNode innerList = meta.get("innerInstructions");
        if (innerList != null && innerList.isArray()) {
            for (JsonNode group : innerList) {
                inner.put(Json.integer(group, "index"), Json.required(group, "instructions"));
            }
        }
        List<LandedTransaction.Instruction> out = new ArrayList<>();
        for (int i = 0; i < outer.size(); i++) {
            out.add(instruction("transaction.message.instructions[" + i + "]", outer.get(i), keys, 1));
            JsonNode invoked = inner.get(i);
            if (invoked != null && invoked.isArray()) {
                for (int j = 0; j < invoked.size(); j++) {
                    JsonNode ix = invoked.get(j);
                    JsonNode height = ix.get("stackHeight");
                    int depth = height != null && height.canConvertToInt() ? height.intValue() : 2;
                    out.add(instruction("meta.innerInstructions[" + i + "][" + j + "]", ix, keys, depth));
                }
            }
        }
        return out;
    }

    private static LandedTransaction.Instruction instruction(String at, JsonNode ix, List<Address> keys, int depth) {
        if (!ix.isObject()) {
            throw Json.wrongType(at, "an instruction object", ix);
        }
        JsonNode accounts = Json.required(ix, "accounts");
        if (!accounts.isArray()) {
            throw Json.wrongType(at + ".accounts", "an array of account indexes", accounts);
        }
        List<Address> metas = new ArrayList<>(accounts.size());
        for (JsonNode index : accounts) {
            metas.add(key(at + ".accounts", index, keys));
        }
        byte[] data;
        try {
            data = Base58.decode(Json.text(ix, "data"));
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field " + at + ".data is not base58");
        }
        return new LandedTransaction.Instruction(
                key(at + ".programIdIndex", ix.get("programIdIndex"), keys), metas, data, depth);
    }

    private static Address key(String at, JsonNode index, List<Address> keys) {
        if (!index.isIntegralNumber() || index.intValue() < 0 || index.intValue() >= keys.size()) {
            throw new Json.Malformed(
                    "field " + at + " refers to account " + index + ", beyond the " + keys.size() + " accounts");
        }
        return keys.get(index.intValue());
    }
}
