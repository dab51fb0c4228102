package io.solbot.core.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Renders rejected values for messages: short, and never a whole object. */
public final class Values {
    private static final int MAX = 80;

    private Values() {}

    /** A rejected tree value in the form to keep in a violation. */
    static Object of(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal() || node.isBigInteger() || node.isIntegralNumber()) {
            return node.decimalValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    /** {@code value} as it should appear after "but was": text quoted, numbers plain, long text cut. */
    public static String render(Object value) {
        String text = switch (value) {
            case null -> "null";
            case CharSequence s -> "'" + s + "'";
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> c.toString();
            case Map<?, ?> m -> m.toString();
            case Record r -> "an object";
            default -> value.toString();
        };
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
