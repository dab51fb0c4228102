package io.solbot.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.config.internal.Binder;
import io.solbot.core.config.internal.ConfigTypes;
import io.solbot.core.config.internal.LocatedTree;
import io.solbot.core.domain.BotId;
import io.solbot.core.internal.Names;
import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.plugin.UnknownStrategyException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a bots file (YAML or JSON) that lists many bots, binds each bot's config to its strategy's config record and
 * validates it, and reports every problem at once: parse errors with line and column, unknown modes and unknown
 * fields with the closest known name, values of the wrong type, and every constraint violation.
 *
 * <pre>{@code
 * bots:
 *   - id: sniper-1          # optional; default <mode>-<position>
 *     mode: sniper          # a strategy id, in any case, with or without '-' and '_' (chadMode = chad-mode)
 *                           # or one of the original platform's other names (paperTraderTurbo)
 *     wallet: main          # optional wallet label; default: the config's walletLabel, else "default"
 *     config:               # the strategy's fields
 *       amountToSpend: 0.05
 * }</pre>
 *
 * A top-level list of bots is accepted as well. Loading never throws for bad input; it returns a {@link ConfigReport}.
 * Immutable and thread-safe when the registry is.
 */
public final class BotsFileLoader {
    /** The file formats; JSON is also read by the YAML reader, but the JSON reader's errors are more precise. */
    public enum Format {
        YAML,
        JSON;

        /** JSON for a {@code .json} name or text that starts with '{' or '[', else YAML. */
        static Format guess(String name, String text) {
            if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                return JSON;
            }
            String t = text.stripLeading();
            return t.startsWith("{") || t.startsWith("[") ? JSON : YAML;
        }
    }

    private static final List<String> FILE_FIELDS = List.of("bots");
    private static final List<String> BOT_FIELDS = List.of("id", "mode", "wallet", "config");
    private static final long MAX_FILE_BYTES = 16L << 20;
    private static final java.util.Comparator<Violation> IN_FILE_ORDER =
            java.util.Comparator.comparingInt(Violation::line).thenComparingInt(Violation::column);

    private final StrategyRegistry registry;
    private final ConfigValidator validator;

    private BotsFileLoader(StrategyRegistry registry, ConfigValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    /** A loader that finds each bot's strategy in {@code registry}. */
    public static BotsFileLoader using(StrategyRegistry registry) {
        return new BotsFileLoader(Objects.requireNonNull(registry, "registry"), ConfigValidator.standard());
    }

    /** Loads {@code file}; a file that cannot be read is reported as a violation, not thrown. */
    public ConfigReport load(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return fileError(name, "is larger than 16 MiB", 0, 0);
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return parse(text, Format.guess(name, text), name);
        } catch (CharacterCodingException e) {
            return fileError(name, "is not UTF-8 text", 0, 0);
        } catch (IOException e) {
            return fileError(name, "could not be read: " + e, 0, 0);
        }
    }

    /** Loads {@code text}, guessing the format from its first character. */
    public ConfigReport parse(String text, String source) {
        return parse(text, Format.guess(source, text), source);
    }

    /** Loads {@code text} in {@code format}; {@code source} names it in the report. */
    public ConfigReport parse(String text, Format format, String source) {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(text, format == Format.JSON);
        } catch (LocatedTree.ParseError e) {
            return fileError(
                    source,
                    "is not valid " + format + ": " + e.getMessage(),
                    e.location().line(),
                    e.location().column());
        }
        List<Violation> violations = new ArrayList<>();
        List<BotDefinition> bots = new ArrayList<>();
        JsonNode root = tree.root();
        JsonNode list;
        if (root instanceof ArrayNode) {
            list = root;
        } else if (root instanceof ObjectNode object) {
            unknownFields(tree, object, FILE_FIELDS, "", "", violations);
            list = object.get("bots");
            if (list == null) {
                violations.add(at(tree, root, "", "bots", null, "is required: a list of bots"));
                return new ConfigReport(source, bots, violations);
            }
        } else {
            violations.add(at(tree, root, "", "", null, "must be a list of bots, or an object with a 'bots' list"));
            return new ConfigReport(source, bots, violations);
        }
        if (!(list instanceof ArrayNode array)) {
            violations.add(at(tree, list, "", "bots", null, "must be a list of bots"));
            return new ConfigReport(source, bots, violations);
        }
        Set<String> ids = new HashSet<>();
        ConfigTypes types = new ConfigTypes();
        for (int i = 0; i < array.size(); i++) {
            int start = violations.size();
            loadBot(tree, types, array.get(i), i + 1, ids, bots, violations);
            // one bot's violations in the order of the file, whichever step found them
            violations.subList(start, violations.size()).sort(IN_FILE_ORDER);
        }
        return new ConfigReport(source, bots, violations);
    }

    private void loadBot(
            LocatedTree tree,
            ConfigTypes types,
            JsonNode node,
            int position,
            Set<String> ids,
            List<BotDefinition> bots,
            List<Violation> violations) {
        String label = "#" + position;
        if (!(node instanceof ObjectNode bot)) {
            violations.add(at(tree, node, label, "", null, "must be an object with mode and config"));
            return;
        }
        int before = violations.size();
        JsonNode modeNode = bot.get("mode");
        String mode =
                modeNode != null && modeNode.isTextual() ? modeNode.textValue().trim() : null;
        JsonNode idNode = bot.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText() : null;
        label = id != null ? id : (mode != null ? mode.toLowerCase(Locale.ROOT) + "-" + position : label);
        unknownFields(tree, bot, BOT_FIELDS, label, "", violations);

        BotId botId = null;
        if (idNode != null && id == null) {
            violations.add(at(tree, idNode, label, "id", null, "must be text"));
        } else {
            try {
                botId = BotId.of(label);
                if (!ids.add(botId.value())) {
                    violations.add(
                            at(tree, idNode != null ? idNode : bot, label, "id", label, "is used by another bot"));
                    botId = null;
                }
            } catch (IllegalArgumentException e) {
                violations.add(at(
                        tree,
                        idNode != null ? idNode : bot,
                        label,
                        "id",
                        label,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }
        }

        String wallet = null;
        JsonNode walletNode = bot.get("wallet");
        if (walletNode != null && !walletNode.isNull()) {
            if (walletNode.isTextual() && !walletNode.textValue().isBlank()) {
                wallet = walletNode.textValue().trim();
            } else {
                violations.add(at(tree, walletNode, label, "wallet", null, "must be a wallet label (text)"));
            }
        }

        RegisteredProvider provider = null;
        if (modeNode == null || modeNode.isNull()) {
            violations.add(at(tree, bot, label, "mode", null, "is required: the strategy to run"));
        } else if (mode == null || mode.isEmpty()) {
            violations.add(at(tree, modeNode, label, "mode", null, "must be a strategy id (text)"));
        } else {
            try {
                provider = resolve(mode);
            } catch (UnknownStrategyException e) {
                violations.add(at(tree, modeNode, label, "mode", null, unknownMode(mode, e.getMessage())));
            }
        }

        JsonNode configNode = bot.get("config");
        if (configNode == null || configNode.isNull()) {
            violations.add(at(tree, bot, label, "config", null, "is required: the strategy's settings"));
            return;
        }
        if (provider == null) {
            return;
        }
        Class<?> type = provider.provider().configType();
        Binder binder = new Binder(tree, types);
        Object config;
        try {
            config = binder.bind(configNode, type, "");
        } catch (RuntimeException | StackOverflowError e) {
            // a plugin's config type that cannot be bound at all (a recursive record, a throwing accessor)
            LocatedTree.Location l = tree.locationOf(configNode);
            violations.add(new Violation(
                    label,
                    "",
                    null,
                    LocatedTree.INTERNAL_ERROR + "the config type " + type.getSimpleName() + " cannot be bound: " + e
                            + ")",
                    l.line(),
                    l.column()));
            return;
        }
        for (Binder.Problem p : binder.problems()) {
            violations.add(new Violation(
                    label,
                    p.path(),
                    p.rejected(),
                    p.reason(),
                    p.location().line(),
                    p.location().column()));
        }
        if (config == null) {
            return;
        }
        List<Violation> found;
        try {
            found = validator.validate(label, config);
        } catch (RuntimeException | StackOverflowError e) {
            LocatedTree.Location l = tree.locationOf(configNode);
            violations.add(new Violation(
                    label,
                    "",
                    null,
                    LocatedTree.INTERNAL_ERROR + "validating failed: " + e + ")",
                    l.line(),
                    l.column()));
            return;
        }
        for (Violation v : found) {
            if (binder.reported(v.path())) {
                continue; // already reported as the wrong type or a duplicate alias
            }
            LocatedTree.Location l = binder.locationOf(v.path());
            violations.add(new Violation(v.bot(), v.path(), v.rejectedValue(), v.reason(), l.line(), l.column()));
        }
        if (violations.size() == before && botId != null) {
            if (wallet == null
                    && config instanceof StrategyConfig s
                    && s.wallet() != null
                    && !s.wallet().isBlank()) {
                wallet = s.wallet();
            }
            bots.add(new BotDefinition(botId, provider, wallet == null ? "default" : wallet, config));
        }
    }

    /**
     * The original platform's mode names that are not a strategy id in another spelling (case, '-' and '_' aside),
     * by their normalised form: its turbo paper trader's file, and so its lockfiles' mode, is {@code paperTraderTurbo}.
     */
    static final Map<String, String> ORIGINAL_MODE_NAMES = Map.of("papertraderturbo", "turbo-paper-trader");

    private RegisteredProvider resolve(String mode) {
        Optional<RegisteredProvider> found = registry.find(mode);
        if (found.isPresent()) {
            return found.get();
        }
        String id = ORIGINAL_MODE_NAMES.get(StrategyRegistry.normalise(mode));
        if (id != null) {
            Optional<RegisteredProvider> aliased = registry.find(id);
            if (aliased.isPresent()) {
                return aliased.get();
            }
        }
        return registry.require(mode);
    }

    private static String unknownMode(String mode, String message) {
        // "Unknown strategy 'x': did you mean 'y'? Known strategies: ..." → "'x' is not a known strategy: did you..."
        String prefix = "Unknown strategy '" + mode + "'";
        String refused = "Strategy '" + mode + "' is not available: ";
        if (message.startsWith(prefix)) {
            String rest = message.substring(prefix.length());
            // without a close name the registry's text runs on: "Unknown strategy 'x' Known strategies: ..."
            return "'" + mode + "' is not a known strategy"
                    + (rest.startsWith(" Known strategies") ? ";" + rest.replaceFirst(" Known", " known") : rest);
        }
        return "'" + mode + "' is not available: "
                + (message.startsWith(refused) ? message.substring(refused.length()) : message);
    }

    private static void unknownFields(
            LocatedTree tree, ObjectNode object, List<String> known, String bot, String path, List<Violation> out) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String hint = Names.closest(name.toLowerCase(Locale.ROOT), known, k -> k)
                        .map(c -> "; did you mean '" + c + "'?")
                        .orElse("; expected " + String.join(", ", known));
                out.add(at(tree, object.get(name), bot, path + name, null, "is not a known field" + hint));
            }
        }
    }

    private static Violation at(LocatedTree tree, JsonNode node, String bot, String path, Object value, String reason) {
        LocatedTree.Location l = tree.locationOf(node);
        return new Violation(bot, path, value, reason, l.line(), l.column());
    }

    private static ConfigReport fileError(String source, String reason, int line, int column) {
        return new ConfigReport(source, List.of(), List.of(new Violation("", "", null, reason, line, column)));
    }
}
