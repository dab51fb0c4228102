package io.solbot.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code getTransaction} result in {@code json} encoding as a node writes it (version 0, {@code loadedAddresses},
 * token balances with {@code uiTokenAmount}, instructions with account indexes and base58 data, inner instructions
 * with {@code stackHeight}), built account by account for tests.
 */
public final class TransactionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Address> keys = new ArrayList<>();
    private final List<long[]> balances = new ArrayList<>();
    private final ArrayNode preTokens = JSON.createArrayNode();
    private final ArrayNode postTokens = JSON.createArrayNode();
    private final ArrayNode instructions = JSON.createArrayNode();
    private final ArrayNode inner = JSON.createArrayNode();
    private final String signature;
    private long fee = 5_000;
    private String err;
    private Long blockTime = 1_764_000_000L;

    public TransactionJson(String signature) {
        this.signature = signature;
    }

    /** Adds an account with its lamports before and after; the first is the fee payer. Returns its index. */
    public int account(Address address, long before, long after) {
        keys.add(address);
        balances.add(new long[] {before, after});
        return keys.size() - 1;
    }

    /** The index of {@code address}, added with unchanged lamports if it is not there yet. */
    public int index(Address address) {
        int at = keys.indexOf(address);
        return at >= 0 ? at : account(address, 1, 1);
    }

    /** A token balance of the account at {@code index}; null {@code before} or {@code after}: no entry there. */
    public TransactionJson token(
            int index, Mint mint, Address owner, int decimals, BigInteger before, BigInteger after) {
        if (before != null) {
            preTokens.add(tokenBalance(index, mint, owner, decimals, before));
        }
        if (after != null) {
            postTokens.add(tokenBalance(index, mint, owner, decimals, after));
        }
        return this;
    }

    /** An instruction of the message calling {@code program} with {@code accounts}. */
    public TransactionJson instruction(Address program, List<Address> accounts, byte[] data) {
        instructions.add(instruction(program, accounts, data, null));
        return this;
    }

    /** An instruction that the message's instruction {@code outer} invoked. */
    public TransactionJson innerInstruction(int outer, Address program, List<Address> accounts, byte[] data) {
        ObjectNode group = null;
        for (var g : inner) {
            if (g.path("index").asInt() == outer) {
                group = (ObjectNode) g;
            }
        }
        if (group == null) {
            group = inner.addObject().put("index", outer);
            group.putArray("instructions");
        }
        ((ArrayNode) group.get("instructions")).add(instruction(program, accounts, data, 2));
        return this;
    }

    public TransactionJson fee(long lamports) {
        this.fee = lamports;
        return this;
    }

    public TransactionJson err(String json) {
        this.err = json;
        return this;
    }

    public TransactionJson blockTime(Long seconds) {
        this.blockTime = seconds;
        return this;
    }

    private ObjectNode instruction(Address program, List<Address> accounts, byte[] data, Integer stackHeight) {
        ObjectNode ix = JSON.createObjectNode();
        ix.put("programIdIndex", index(program));
        ArrayNode list = ix.putArray("accounts");
        accounts.forEach(a -> list.add(index(a)));
        ix.put("data", Base58.encode(data));
        if (stackHeight == null) {
            ix.putNull("stackHeight");
        } else {
            ix.put("stackHeight", stackHeight);
        }
        return ix;
    }

    private static ObjectNode tokenBalance(int index, Mint mint, Address owner, int decimals, BigInteger amount) {
        ObjectNode b = JSON.createObjectNode();
        b.put("accountIndex", index);
        b.put("mint", mint.address());
        b.put("owner", owner.toString());
        b.put("programId", Address.TOKEN_PROGRAM.toString());
        ObjectNode ui = b.putObject("uiTokenAmount");
        ui.put("amount", amount.toString());
        ui.put("decimals", decimals);
        ui.put("uiAmount", new BigDecimal(amount).movePointLeft(decimals).doubleValue());
        ui.put(
                "uiAmountString",
                new BigDecimal(amount)
                        .movePointLeft(decimals)
                        .stripTrailingZeros()
                        .toPlainString());
        return b;
    }

    /** The result object, as JSON text. */
    public String json() {
        ObjectNode result = JSON.createObjectNode();
        result.put("slot", 341_197_053L);
        if (blockTime == null) {
            result.putNull("blockTime");
        } else {
            result.put("blockTime", blockTime);
        }
        ObjectNode meta = result.putObject("meta");
        try {
            meta.set("err", err == null ? JSON.nullNode() : JSON.readTree(err));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        meta.put("fee", fee);
        ArrayNode pre = meta.putArray("preBalances");
        ArrayNode post = meta.putArray("postBalances");
        balances.forEach(b -> {
            pre.add(b[0]);
            post.add(b[1]);
        });
        meta.set("preTokenBalances", preTokens);
        meta.set("postTokenBalances", postTokens);
        meta.set("innerInstructions", inner);
        ObjectNode loaded = meta.putObject("loadedAddresses");
        loaded.putArray("writable");
        loaded.putArray("readonly");
        meta.putArray("logMessages");
        meta.putNull("rewards");
        meta.put("computeUnitsConsumed", 61_237);
        ObjectNode tx = result.putObject("transaction");
        tx.putArray("signatures").add(signature);
        ObjectNode message = tx.putObject("message");
        ArrayNode accountKeys = message.putArray("accountKeys");
        keys.forEach(k -> accountKeys.add(k.toString()));
        ObjectNode header = message.putObject("header");
        header.put("numRequiredSignatures", 1)
                .put("numReadonlySignedAccounts", 0)
                .put("numReadonlyUnsignedAccounts", 3);
        message.put("recentBlockhash", "EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N");
        message.set("instructions", instructions);
        message.putArray("addressTableLookups");
        result.put("version", 0);
        return result.toString();
    }
}
