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
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                ? p.getOriginalMessage()
                : e instanceof StackOverflowError ? "the document is nested too deeply" : e.getMessage();
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
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> floatNode(p);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.textNode(String.valueOf(p.getEmbeddedObject()));
            default -> throw new ParseError("unexpected " + t, at);
        };
        locations.put(node, at);
        return node;
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
