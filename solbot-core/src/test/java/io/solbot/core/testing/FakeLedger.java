package io.solbot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts and history on a {@link FakeSolanaRpc}, answered in the node's JSON: {@code getAccountInfo} and {@code
 * getMultipleAccounts} (base64), {@code getTokenLargestAccounts}, {@code getTokenAccountsByOwner}, {@code getBalance},
 * {@code getSignaturesForAddress} (newest first, with {@code before}, {@code until} and {@code limit}) and {@code
 * getTransaction} of the transactions added here. Mints and token accounts are written in their on-chain layouts.
 * Thread-safe.
 */
public final class FakeLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Account(Address program, byte[] data, long lamports) {}

    private record Signature(String signature, long slot, long blockTime, String err) {}

    private final FakeSolanaRpc node;
    private final Map<Address, Account> accounts = new LinkedHashMap<>();
    private final Map<Address, List<Signature>> history = new LinkedHashMap<>();
    private final Map<String, String> transactions = new LinkedHashMap<>();

    public FakeLedger(FakeSolanaRpc node) {
        this.node = node;
        node.handle("getMultipleAccounts", this::multipleAccounts);
        node.handle("getTokenLargestAccounts", this::largest);
        node.handle("getTokenAccountsByOwner", this::byOwner);
        node.handle("getBalance", this::balance);
        node.handle("getSignaturesForAddress", this::signatures);
        node.handle("getTransaction", this::transaction);
    }

    /** Any account: {@code data} owned by {@code program}, with {@code lamports}. */
    public synchronized FakeLedger account(Address address, Address program, byte[] data, long lamports) {
        accounts.put(address, new Account(program, data.clone(), lamports));
        node.account(address, program, data);
        return this;
    }

    /** An 82-byte mint of {@code program}, its authorities renounced unless given (null: renounced). */
    public FakeLedger mint(Mint mint, Address program, int decimals, BigInteger supply, Address mintAuthority) {
        byte[] data = new byte[82];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (mintAuthority != null) {
            b.putInt(0, 1);
            b.put(4, mintAuthority.bytes());
        }
        b.putLong(36, supply.longValue());
        data[44] = (byte) decimals;
        data[45] = 1;
        return account(Address.of(mint.address()), program, data, 1_461_600);
    }

    /** A 165-byte initialised token account at {@code address} holding {@code amount} of {@code mint} for {@code owner}. */
    public FakeLedger tokenAccount(Address address, Address program, Mint mint, Address owner, BigInteger amount) {
        byte[] data = new byte[165];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, Mint.of(mint.address()).bytes());
        b.put(32, owner.bytes());
        b.putLong(64, amount.longValue());
        data[108] = 1;
        return account(address, program, data, 2_039_280);
    }

    /** {@code signature} touched {@code address} in {@code slot} at {@code blockTime}; {@code err} null if it succeeded. */
    public synchronized FakeLedger signature(Address address, String signature, long slot, long blockTime, String err) {
        history.computeIfAbsent(address, a -> new ArrayList<>()).add(new Signature(signature, slot, blockTime, err));
        return this;
    }

    /** What {@code getTransaction} answers for {@code signature}: {@code result}, a transaction as a node writes it. */
    public synchronized FakeLedger transaction(String signature, String result) {
        transactions.put(signature, result);
        return this;
    }

    private synchronized JsonNode multipleAccounts(JsonNode params) {
        ObjectNode result = context();
        ArrayNode value = result.putArray("value");
        for (JsonNode address : params.path(0)) {
            Account a = accounts.get(Address.of(address.asText()));
            if (a == null) {
                value.addNull();
            } else {
                value.add(account(a));
            }
        }
        return result;
    }

    private static ObjectNode account(Account a) {
        ObjectNode value = JSON.createObjectNode();
        value.putArray("data").add(Base64.getEncoder().encodeToString(a.data())).add("base64");
        value.put("executable", false);
        value.put("lamports", a.lamports());
        value.put("owner", a.program().toString());
        value.put("rentEpoch", new BigInteger("18446744073709551615"));
        value.put("space", a.data().length);
        return value;
    }

    private synchronized JsonNode largest(JsonNode params) {
        String mint = params.path(0).asText();
        record Holding(Address address, BigInteger amount, int decimals) {}
        List<Holding> holdings = new ArrayList<>();
        Account mintAccount = accounts.get(Address.of(mint));
        int decimals = mintAccount == null ? 0 : mintAccount.data()[44];
        accounts.forEach((address, a) -> {
            if (a.data().length >= 165
                    && Address.ofBytes(java.util.Arrays.copyOf(a.data(), 32))
                            .toString()
                            .equals(mint)) {
                holdings.add(new Holding(address, amount(a.data()), decimals));
            }
        });
        holdings.sort(Comparator.comparing(Holding::amount).reversed());
        ObjectNode result = context();
        ArrayNode value = result.putArray("value");
        for (Holding h : holdings.subList(0, Math.min(20, holdings.size()))) {
            ObjectNode item = value.addObject();
            item.put("address", h.address().toString());
            item.put("amount", h.amount().toString());
            item.put("decimals", h.decimals());
            item.put("uiAmount", h.amount().doubleValue() / Math.pow(10, h.decimals()));
            item.put(
                    "uiAmountString",
                    new java.math.BigDecimal(h.amount())
                            .movePointLeft(h.decimals())
                            .toPlainString());
        }
        return result;
    }

    private synchronized JsonNode byOwner(JsonNode params) {
        Address owner = Address.of(params.path(0).asText());
        String program = params.path(1).path("programId").asText();
        ObjectNode result = context();
        ArrayNode value = result.putArray("value");
        accounts.forEach((address, a) -> {
            if (a.program().toString().equals(program)
                    && a.data().length >= 165
                    && Address.ofBytes(java.util.Arrays.copyOfRange(a.data(), 32, 64))
                            .equals(owner)) {
                ObjectNode item = value.addObject();
                item.put("pubkey", address.toString());
                item.set("account", account(a));
            }
        });
        return result;
    }

    private synchronized JsonNode balance(JsonNode params) {
        Account a = accounts.get(Address.of(params.path(0).asText()));
        ObjectNode result = context();
        result.put("value", a == null ? 0 : a.lamports());
        return result;
    }

    private synchronized JsonNode signatures(JsonNode params) {
        List<Signature> all =
                new ArrayList<>(history.getOrDefault(Address.of(params.path(0).asText()), List.of()));
        List<Signature> newestFirst = all.reversed();
        JsonNode config = params.path(1);
        int limit = config.path("limit").asInt(1000);
        String before = config.path("before").asText(null);
        String until = config.path("until").asText(null);
        ArrayNode result = JSON.createArrayNode();
        boolean started = before == null;
        for (Signature s : newestFirst) {
            if (!started) {
                started = s.signature().equals(before);
                continue;
            }
            if (s.signature().equals(until) || result.size() >= limit) {
                break;
            }
            ObjectNode item = result.addObject();
            item.put("signature", s.signature());
            item.put("slot", s.slot());
            item.set("err", s.err() == null ? JSON.nullNode() : parse(s.err()));
            item.putNull("memo");
            item.put("blockTime", s.blockTime());
            item.put("confirmationStatus", "finalized");
        }
        return result;
    }

    private synchronized JsonNode transaction(JsonNode params) {
        String result = transactions.get(params.path(0).asText());
        return result == null ? null : parse(result);
    }

    private static BigInteger amount(byte[] data) {
        byte[] le = java.util.Arrays.copyOfRange(data, 64, 72);
        byte[] be = new byte[9];
        for (int i = 0; i < 8; i++) {
            be[8 - i] = le[i];
        }
        return new BigInteger(be);
    }

    private static ObjectNode context() {
        ObjectNode result = JSON.createObjectNode();
        result.putObject("context").put("slot", 341_197_053L).put("apiVersion", "2.3.6");
        return result;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
