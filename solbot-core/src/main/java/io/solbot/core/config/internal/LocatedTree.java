package io.solbot.core.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document read into a Jackson tree that remembers where each value started, so that violations can
 * name a line and column. Duplicate keys are parse errors (a second {@code stopLoss} must not silently replace the
 * first).
 */
public final class LocatedTree {
    /** A position in the text, 1-based; 0 when unknown. */
    public record Location(int line, int column) {
        public static final Location UNKNOWN = new Location(0, 0);

        static Location of(JsonLocation l) {
            if (l == null || l.getLineNr() < 1) {
                return UNKNOWN;
            }
            return new Location(l.getLineNr(), Math.max(l.getColumnNr(), 0));
        }
    }

    /** The text could not be read; carries where the reader stopped. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;
        private final Location location;

        ParseError(String message, Location location) {
            super(message, null, false, false);
            this.location = location;
        }

        public Location location() {
            return location;
        }
    }

    /**
     * How every message of a failure inside the config machinery (not of the input) starts; tests look for it.
     */
    public static final String INTERNAL_ERROR = "could not be processed (internal error: ";

    private static final int MAX_DEPTH = 64;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(100)
            .maxStringLength(1_000_000)
            .build();
    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(LIMITS).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(yamlOptions())
            .streamReadConstraints(LIMITS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonNode root;
    private final Map<JsonNode, Location> locations;

    private LocatedTree(JsonNode root, Map<JsonNode, Location> locations) {
        this.root = root;
        this.locations = locations;
    }

    private static LoaderOptions yamlOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(5_000_000);
        return options;
    }

    public JsonNode root() {
        return root;
    }

    /** Where {@code node} (a node of this tree) started, or {@link Location#UNKNOWN}. */
    public Location locationOf(JsonNode node) {
        Location l = node == null ? null : locations.get(node);
        return l == null ? Location.UNKNOWN : l;
    }

    /**
     * Reads {@code text} as JSON when {@code json} is true, else as YAML (of which JSON is mostly a subset).
     *
     * @throws ParseError with the line and column where reading stopped, for any malformed input
     */
    public static LocatedTree read(String text, boolean json) throws ParseError {
        Map<JsonNode, Location> locations = new IdentityHashMap<>();
        JsonParser parser = null;
        try {
            parser = json ? JSON.createParser(text) : YAML.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseError("the file is empty", new Location(1, 1));
            }
            JsonNode root = value(parser, locations, 0);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new ParseError(
                        "unexpected content after the end of the document", Location.of(parser.currentTokenLocation()));
            }
            return new LocatedTree(root, locations);
        } catch (ParseError e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ParseError(describe(e), where(e, parser));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException | RuntimeException ignored) {
                    // nothing to release for an in-memory text
                }
            }
        }
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                return m;
            }
        }
        return null;
    }

    private static Location where(Throwable e, JsonParser parser) {
        org.yaml.snakeyaml.error.MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null) {
            return new Location(
                    yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            Location l = Location.of(p.getLocation());
            if (l.line() > 0) {
                return l;
            }
        }
        if (parser != null) {
            try {
                return Location.of(parser.currentLocation());
            } catch (RuntimeException ignored) {
                return Location.UNKNOWN;
            }
        }
        return Location.UNKNOWN;
    }

    private static String describe(Throwable e) {
        org.yaml.snakeyaml.error.MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null && yaml.getProblem() != null) {
            String context = yaml.getContext();
            return yaml.getProblem().strip() + (context == null ? "" : " (" + context.strip() + ")");
        }
        if (!(e instanceof IOException
                || e instanceof StackOverflowError
                || e instanceof org.yaml.snakeyaml.error.YAMLException)) {
            // a reader's bug, not the text's fault: say so, so that it is not mistaken for a user error
            return INTERNAL_ERROR + e + ")";
        }
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                ? p.getOriginalMessage()
                : e instanceof StackOverflowError ? "the document is nested too deeply" : e.getMessage();
        if (message != null && message.startsWith("Expected a field name")) {
            // Jackson's text names a snakeyaml event class: say what is wrong in the file's terms
            return "a key must be plain text, not a list or an object";
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        // keep the first line: snakeyaml appends a snippet of the input with a caret
        int nl = message.indexOf('\n');
        return (nl > 0 ? message.substring(0, nl) : message).strip();
    }

    private static JsonNode value(JsonParser p, Map<JsonNode, Location> locations, int depth)
            throws IOException, ParseError {
        Location at = Location.of(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new ParseError("the document is nested more than " + MAX_DEPTH + " levels deep", at);
        }
        JsonToken t = p.currentToken();
        JsonNode node = switch (t) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Location nameAt = Location.of(p.currentTokenLocation());
                    p.nextToken();
                    JsonNode child = value(p, locations, depth + 1);
                    if (object.has(name)) {
                        throw new ParseError("the key '" + name + "' appears twice in one object", nameAt);
                    }
                    object.set(name, child);
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new ParseError("unexpected " + next + " in an object", at);
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) {
                        throw new ParseError("unexpected end of the document in a list", at);
                    }
                    array.add(value(p, locations, depth + 1));
                }
                yield array;
            }
            case VALUE_STRING -> {
                // Jackson hands a YAML alias (*a) over as the text of its anchor's name; taken as data, "*a" would
                // become the value "a" without a word
                if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
                    throw new ParseError(
                            "YAML aliases (*" + p.getText() + ") are not supported: write the value out", at);
                }
                yield new com.fasterxml.jackson.databind.node.TextNode(p.getText());
            }
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> floatNode(p);
            // the factory shares one node per true, false, null and "": each value needs its own to be located
            case VALUE_TRUE -> new LocatedBoolean(true);
            case VALUE_FALSE -> new LocatedBoolean(false);
            case VALUE_NULL -> new LocatedNull();
            case VALUE_EMBEDDED_OBJECT ->
                // YAML's !!binary: its bytes have no text form a config field could mean
                throw new ParseError("binary values (!!binary) are not supported", at);
            default -> throw new ParseError("unexpected " + t, at);
        };
        locations.put(node, at);
        return node;
    }

    /** A boolean node of its own (the factory's are shared), so that its location is its own. */
    private static final class LocatedBoolean extends com.fasterxml.jackson.databind.node.BooleanNode {
        private static final long serialVersionUID = 1L;

        LocatedBoolean(boolean value) {
            super(value);
        }
    }

    /** A null node of its own (the factory's is shared), so that its location is its own. */
    private static final class LocatedNull extends com.fasterxml.jackson.databind.node.NullNode {
        private static final long serialVersionUID = 1L;
    }

    private static JsonNode floatNode(JsonParser p) throws IOException {
        // YAML's .nan and .inf have no decimal form: keep them as doubles for the binder to reject
        String text = p.getText();
        try {
            return NODES.numberNode(new java.math.BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return NODES.numberNode(p.getDoubleValue());
        }
    }
}
