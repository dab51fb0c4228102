package io.solbot.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Strict readers of fields of remote JSON replies (Jupiter, Solana RPC), which send u64 values as strings or as
 * numbers beyond {@code long}, change a field's type between versions and put errors where data was expected. Every
 * failure is a {@link Malformed} that names the field and shows what came instead; the caller adds which call it was.
 * Numbers are read exactly: integers as {@link BigInteger}, decimals as {@link BigDecimal}, never through
 * {@code double}.
 */
public final class Json {
    /** Reads integers as BigInteger and decimals as BigDecimal; unknown fields are the caller's to ignore. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int SHOWN = 80;

    private Json() {}

    /** A reply, or a part of one, that is not what the call promises. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    /** Parses a whole reply body. */
    public static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new Malformed("the reply is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Malformed("the reply is not JSON (" + e.getOriginalMessage() + "): " + show(body));
        }
    }

    /** {@code node.field}, which must be present and not null. */
    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Malformed("field " + field + " is missing");
        }
        return value;
    }

    public static JsonNode object(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isObject()) {
            throw wrongType(field, "an object", value);
        }
        return value;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.textValue();
    }

    public static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string or null", value);
        }
        return Optional.of(value.textValue());
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** An unsigned 64-bit integer written as a JSON integer or a string of digits (Jupiter writes amounts so). */
    public static BigInteger u64(JsonNode node, String field) {
        return u64Value(field, required(node, field));
    }

    public static BigInteger u64Value(String field, JsonNode value) {
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isTextual() && value.textValue().matches("[0-9]{1,20}")) {
            number = new BigInteger(value.textValue());
        } else {
            throw wrongType(field, "an unsigned integer (a number or a string of digits)", value);
        }
        if (number.signum() < 0 || number.compareTo(U64_MAX) > 0) {
            throw new Malformed("field " + field + " must be an unsigned 64-bit integer, but was " + number);
        }
        return number;
    }

    /** A non-negative integer that must fit a {@code long} (lamports, slots, block heights); number or string. */
    public static long nonNegativeLong(JsonNode node, String field) {
        return nonNegativeLongValue(field, required(node, field));
    }

    public static long nonNegativeLongValue(String field, JsonNode value) {
        BigInteger number = u64Value(field, value);
        if (number.bitLength() > 63) {
            throw new Malformed("field " + field + " is " + number + ", beyond what a long holds");
        }
        return number.longValueExact();
    }

    /** A signed integer that fits an {@code int}, written as a JSON number. */
    public static int integer(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "an integer", value);
        }
        return value.intValue();
    }

    /** A decimal written as a JSON number or a decimal string ({@code "0.0012"}). */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue());
            } catch (NumberFormatException e) {
                throw wrongType(field, "a decimal", value);
            }
        }
        throw wrongType(field, "a decimal (a number or a string)", value);
    }

    public static Malformed wrongType(String field, String expected, JsonNode value) {
        return new Malformed("field " + field + " must be " + expected + ", but was " + show(value.toString()));
    }

    /** Remote text cut to a length fit for a message. */
    public static String show(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SHOWN ? flat : flat.substring(0, SHOWN) + "...";
    }
}
