package io.solbot.core.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.internal.Names;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a tree node to a config record, collecting every problem instead of stopping at the first: unknown fields
 * (with the closest known name), two aliases of one field, values of the wrong type. A field with a problem is bound
 * as null, and its path is remembered so that a later "is required" for the same field is not reported twice.
 *
 * <p>Numbers may be given as numeric strings ({@code "0.5"}); whole-number fields accept {@code 2.0} but not {@code
 * 2.5}; NaN and infinities are rejected. A text field given as empty or blank text ({@code tokenMint: ""}, as
 * front-ends save a field left unset) is bound as not given, so an optional one is unset and a required one is
 * reported as required; text inside lists and maps is kept as written. What it learns of the config types it keeps in its {@link ConfigTypes}, not
 * in static state. One binder per config; not thread-safe.
 */
public final class Binder {
    /** One thing wrong with the input. */
    public record Problem(String path, Object rejected, String reason, LocatedTree.Location location) {}

    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");
    private static final int MAX_DIGITS = 40;

    private final LocatedTree tree;
    private final ConfigTypes types;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> badPaths = new HashSet<>();
    private final Map<String, LocatedTree.Location> locations = new HashMap<>();

    /**
     * A binder for one config in {@code tree}, learning its types in {@code types}: the binders of one load share
     * theirs.
     */
    public Binder(LocatedTree tree, ConfigTypes types) {
        this.tree = tree;
        this.types = types;
    }

    /** The problems found so far, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether a problem was already reported at {@code path} or below it. */
    public boolean reported(String path) {
        return badPaths.contains(path);
    }

    /** Where the value at {@code path} (or its nearest bound parent) was in the text. */
    public LocatedTree.Location locationOf(String path) {
        String p = path;
        while (true) {
            LocatedTree.Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return locations.getOrDefault("", LocatedTree.Location.UNKNOWN);
            }
            p = p.substring(0, cut);
        }
    }

    /** Binds {@code node} to {@code type}; returns null (and records a problem) when it cannot. */
    public Object bind(JsonNode node, Class<?> type, String path) {
        locations.put(path, tree.locationOf(node));
        if (type.isRecord()) {
            if (!(node instanceof ObjectNode object)) {
                problem(path, node, "must be an object of fields");
                return null;
            }
            return bindRecord(object, types.shape(type), path, true);
        }
        try {
            return types.mapper().treeToValue(node, type);
        } catch (Exception e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage()
                    : e.toString();
            problem(path, null, "could not be read as " + type.getSimpleName() + ": " + firstLine(message));
            return null;
        }
    }

    private Object bindRecord(ObjectNode object, RecordShape info, String path, boolean top) {
        Object[] args = new Object[info.components().size()];
        // which of this record's names the object gives: one pass over the object's (few) fields
        String[] givenNames = new String[args.length];
        int[] counts = new int[args.length];
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Integer index = info.indexByName().get(name);
            if (index != null) {
                givenNames[index] = givenNames[index] == null ? name : givenNames[index] + " and " + name;
                counts[index]++;
            }
        }
        boolean failed = false;
        for (int i = 0; i < args.length; i++) {
            RecordShape.Component c = info.components().get(i);
            if (c.flatten()) {
                args[i] = bindRecord(object, types.shape(c.raw()), path, false);
                failed |= args[i] == null;
                continue;
            }
            String givenName = givenNames[i];
            int count = counts[i];
            if (count == 0) {
                // a missing field is located at its object: locationOf falls back to the parent path
                if (c.raw().isPrimitive()) {
                    problem(join(path, c.name()), null, "is required");
                    failed = true;
                }
                continue;
            }
            String field = join(path, c.name());
            if (count > 1) {
                problem(field, null, "is given as " + givenName + "; give only one of them");
                continue;
            }
            JsonNode value = object.get(givenName);
            if (c.raw() == String.class
                    && value.isTextual()
                    && value.textValue().isBlank()) {
                // front-ends save an unset text field as "": it means "not given", as null does
                locations.put(field, tree.locationOf(value));
                continue;
            }
            args[i] = convert(value, c.type(), field);
            if (args[i] == null && c.raw().isPrimitive()) {
                if (!badPaths.contains(field)) {
                    problem(field, null, "is required");
                }
                failed = true;
            }
        }
        if (top) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!info.known().contains(name)) {
                    String closest = Names.closest(
                                    name.toLowerCase(Locale.ROOT),
                                    info.knownByLowerCase().keySet(),
                                    info.knownByLowerCase()::get)
                            .map(n -> "; did you mean '" + n + "'?")
                            .orElse("");
                    problem(join(path, name), null, "is not a known field" + closest, object.get(name));
                }
            }
        }
        if (failed) {
            return null;
        }
        try {
            return info.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            // a constructor's IllegalArgumentException is its verdict on the input; anything else is its bug
            Throwable cause = e.getCause();
            problem(
                    path,
                    null,
                    cause instanceof IllegalArgumentException && cause.getMessage() != null
                            ? cause.getMessage()
                            : LocatedTree.INTERNAL_ERROR + cause + ")");
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            problem(path, null, LocatedTree.INTERNAL_ERROR + e + ")");
            return null;
        }
    }

    private Object convert(JsonNode node, Type type, String path) {
        locations.put(path, tree.locationOf(node));
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = ConfigTypes.rawType(type);
        if (raw == String.class) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
            }
            return problem(path, node, "must be text");
        }
        if (raw == BigDecimal.class) {
            return decimal(node, path);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            BigDecimal d = decimal(node, path);
            if (d == null) {
                return null;
            }
            BigInteger whole;
            try {
                whole = d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return problem(path, node, "must be a whole number");
            }
            boolean isInt = raw == Integer.class || raw == int.class;
            if (whole.bitLength() > (isInt ? 31 : 63)) {
                return problem(path, node, "is too large");
            }
            return isInt ? (Object) whole.intValue() : (Object) whole.longValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isTextual()) {
                String t = node.textValue().trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
            }
            return problem(path, node, "must be true or false");
        }
        if (raw == List.class || raw == Set.class) {
            if (!node.isArray()) {
                return problem(path, node, "must be a list");
            }
            Type element = ConfigTypes.typeArgument(type, 0);
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(element(node.get(i), element, path, path + "[" + i + "]"));
            }
            return raw == Set.class
                    ? Collections.unmodifiableSet(new LinkedHashSet<>(out))
                    : Collections.unmodifiableList(out);
        }
        if (raw == Map.class) {
            if (!node.isObject()) {
                return problem(path, node, "must be an object of key: value pairs");
            }
            Type valueType = ConfigTypes.typeArgument(type, 1);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), element(e.getValue(), valueType, path, path + "[" + e.getKey() + "]"));
            }
            return Collections.unmodifiableMap(out);
        }
        if (raw.isRecord()) {
            RecordShape info = types.shape(raw);
            if (!(node instanceof ObjectNode object)) {
                if (info.components().size() == 1 && node.isValueNode()) {
                    return valueRecord(node, info, path);
                }
                return problem(
                        path, node, "must be an object with the fields " + String.join(", ", types.fieldNames(raw)));
            }
            return bindRecord(object, info, path, true);
        }
        return bind(node, raw, path);
    }

    /**
     * An element of a list or a value of a map. An empty one ({@code null}, {@code ~}) is a problem: no rule below
     * would see it (a constraint takes null as "not given"), so a list of tokens could hold no token at all. The
     * container's path is marked too, so that a rule on the whole list does not report it again.
     */
    private Object element(JsonNode node, Type type, String containerPath, String path) {
        if (node == null || node.isNull()) {
            locations.put(path, tree.locationOf(node));
            badPaths.add(containerPath);
            return problem(path, null, "must not be empty", node);
        }
        return convert(node, type, path);
    }

    /** A one-component record (a value type such as {@code Mint}) written as its single value. */
    private Object valueRecord(JsonNode node, RecordShape info, String path) {
        RecordShape.Component c = info.components().getFirst();
        Object value = convert(node, c.type(), path);
        if (value == null) {
            return null;
        }
        try {
            return info.constructor().newInstance(value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return problem(
                    path,
                    null,
                    cause instanceof IllegalArgumentException && cause.getMessage() != null
                            ? "is invalid: " + cause.getMessage()
                            : LocatedTree.INTERNAL_ERROR + cause + ")",
                    node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return problem(path, null, LocatedTree.INTERNAL_ERROR + e + ")", node);
        }
    }

    private BigDecimal decimal(JsonNode node, String path) {
        BigDecimal d;
        if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                return (BigDecimal) problem(path, node, "must be a finite number");
            }
            d = node.decimalValue();
        } else if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.length() > 2 * MAX_DIGITS || !NUMBER.matcher(t).matches()) {
                return (BigDecimal) problem(path, node, "must be a number");
            }
            d = new BigDecimal(t);
        } else {
            return (BigDecimal) problem(path, node, "must be a number");
        }
        if (d.precision() - d.scale() > MAX_DIGITS || d.scale() > MAX_DIGITS) {
            return (BigDecimal) problem(
                    path, node, "must be a number with at most " + MAX_DIGITS + " digits before and after the point");
        }
        return d;
    }

    private Object problem(String path, JsonNode node, String reason) {
        return problem(path, node == null ? null : Values.of(node), reason, node);
    }

    private Object problem(String path, Object rejected, String reason, JsonNode at) {
        badPaths.add(path);
        LocatedTree.Location l = at != null ? tree.locationOf(at) : locationOf(path);
        problems.add(new Problem(path, rejected, reason, l));
        return null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
