package io.solbot.core.solana.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.Address;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** How the parts that several RPC replies share are read: addresses, accounts, errors, logs, the context slot. */
final class RpcReplies {
    /** The JSON-RPC error code of a failed preflight simulation. */
    private static final long PREFLIGHT_FAILURE = -32002;

    private RpcReplies() {}

    static Optional<TransactionError> error(JsonNode err) {
        return err == null || err.isNull() ? Optional.empty() : Optional.of(new TransactionError(err.toString()));
    }

    static List<String> logs(JsonNode logs) {
        List<String> out = new ArrayList<>();
        if (logs != null && logs.isArray()) {
            logs.forEach(line -> out.add(line.asText()));
        }
        return out;
    }

    static List<Address> addresses(String field, JsonNode list) {
        if (!list.isArray()) {
            throw Json.wrongType(field, "an array of addresses", list);
        }
        List<Address> out = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            out.add(address(field, item.asText()));
        }
        return out;
    }

    static List<Long> longs(String field, JsonNode list) {
        if (!list.isArray()) {
            throw Json.wrongType(field, "an array of integers", list);
        }
        List<Long> out = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            out.add(Json.nonNegativeLongValue(field, item));
        }
        return out;
    }

    static Address address(String field, String text) {
        try {
            return Address.of(text);
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field " + field + " is not an address: " + Json.show(text));
        }
    }

    static long contextSlot(JsonNode result) {
        JsonNode context = result.get("context");
        return context == null || !context.isObject() ? 0 : Json.nonNegativeLong(context, "slot");
    }

    /** The {@code value} of a {@code {context, value}} result, which must be there (null allowed). */
    static JsonNode value(JsonNode result) {
        if (result == null || !result.isObject()) {
            throw new Json.Malformed("the result must be an object with context and value, but was " + result);
        }
        JsonNode value = result.get("value");
        if (value == null) {
            throw new Json.Malformed("field value is missing");
        }
        return value;
    }

    /** An account object in base64 ({@code getAccountInfo}, {@code getMultipleAccounts}, ...), named {@code at}. */
    static RawAccount rawAccount(String at, JsonNode value, long slot) {
        if (!value.isObject()) {
            throw Json.wrongType(at, "an account object or null", value);
        }
        JsonNode data = Json.required(value, "data");
        // base64 was asked for: [text, "base64"]; a bare string or a parsed object means the node answered otherwise
        if (!data.isArray()
                || data.size() != 2
                || !data.get(0).isTextual()
                || !"base64".equals(data.get(1).asText())) {
            throw Json.wrongType(at + ".data", "[<base64>, \"base64\"]", data);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.get(0).textValue());
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field " + at + ".data is not base64");
        }
        return new RawAccount(
                address(at + ".owner", Json.text(value, "owner")),
                Json.nonNegativeLong(value, "lamports"),
                bytes,
                Json.bool(value, "executable"),
                slot);
    }

    static SignatureStatus status(String at, JsonNode status) {
        if (!status.isObject()) {
            throw Json.wrongType(at, "an object or null", status);
        }
        JsonNode confirmations = status.get("confirmations");
        // a name this version does not know (a node newer than us) is no reason to lose the status: without one,
        // the confirmations tell (none: rooted), as for a node that sends no name at all
        Optional<Commitment> level = Json.optionalText(status, "confirmationStatus")
                .flatMap(name -> {
                    try {
                        return Optional.of(Commitment.ofWire(name));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
        return new SignatureStatus(
                Json.nonNegativeLong(status, "slot"),
                confirmations == null || confirmations.isNull()
                        ? OptionalLong.empty()
                        : OptionalLong.of(Json.nonNegativeLongValue(at + ".confirmations", confirmations)),
                error(status.get("err")),
                level);
    }

    static RpcException rpcError(String what, JsonNode error) {
        JsonNode codeNode = error.get("code");
        Long code = codeNode != null && codeNode.canConvertToLong() && codeNode.isIntegralNumber()
                ? codeNode.longValue()
                : null;
        String message = error.path("message").asText("");
        JsonNode data = error.get("data");
        if (code != null && code == PREFLIGHT_FAILURE && data != null && data.isObject()) {
            Optional<TransactionError> err = error(data.get("err"));
            return new RpcException(
                    RpcException.Reason.PREFLIGHT_FAILED,
                    code,
                    err.orElse(null),
                    logs(data.get("logs")),
                    what + ": preflight failed (" + code + " " + Json.show(message) + ")"
                            + err.map(e -> ": " + e.json()).orElse(""));
        }
        return new RpcException(
                RpcException.Reason.RPC_ERROR,
                code,
                null,
                null,
                what + ": error " + (code == null ? "" : code + " ") + Json.show(message));
    }
}
