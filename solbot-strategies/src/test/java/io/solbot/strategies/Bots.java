package io.solbot.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Violation;
import io.solbot.core.plugin.StrategyRegistry;
import java.util.List;
import java.util.Map;

/** The built-in strategies' minimal valid configs, and a loader that finds them on the class path. */
final class Bots {
    static final String MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    static final String MINT2 = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    static final StrategyRegistry REGISTRY =
            StrategyRegistry.builder().discoverClassPath().build();
    static final BotsFileLoader LOADER = BotsFileLoader.using(REGISTRY);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Every built-in mode, as the original named it. */
    static final List<String> ALL = List.of(
            "sniper",
            "scalper",
            "breakout",
            "dipBuyer",
            "delayedSniper",
            "trendFollower",
            "chadMode",
            "rotationBot",
            "rebalancer",
            "stealthBot",
            "paperTrader",
            "turboPaperTrader",
            "turboSniper",
            "scheduleLauncher",
            "dca",
            "limit",
            "grid",
            "tpSl",
            "copyTrade");

    /** The modes with the original's shared rules. */
    static final List<String> SHARED = List.of(
            "sniper",
            "scalper",
            "breakout",
            "dipBuyer",
            "delayedSniper",
            "trendFollower",
            "chadMode",
            "paperTrader",
            "turboPaperTrader",
            "turboSniper");

    /** The modes with a token feed, filters and exits: the shared ones but chad mode. */
    static final List<String> FEED =
            SHARED.stream().filter(m -> !m.equals("chadMode")).toList();

    private static final String BASE = "{\"amountToSpend\": 0.05, \"slippage\": 1, \"interval\": 30, \"maxTrades\": 5}";

    private static final Map<String, String> MINIMAL = Map.ofEntries(
            Map.entry("sniper", "{\"tokenFeed\": \"new\"}"),
            Map.entry("scalper", "{\"tokenFeed\": \"new\"}"),
            Map.entry("turboSniper", "{\"tokenFeed\": \"new\"}"),
            Map.entry("dipBuyer", "{\"dipThreshold\": 5}"),
            Map.entry("delayedSniper", "{\"delayBeforeBuyMs\": 500}"),
            Map.entry("chadMode", "{\"outputMint\": \"" + MINT + "\"}"),
            Map.entry(
                    "rotationBot",
                    "{\"slippage\": 1, \"maxTrades\": 3, \"tokens\": [\"" + MINT + "\", \"" + MINT2 + "\"]}"),
            Map.entry(
                    "rebalancer",
                    "{\"targetAllocations\": {\"" + MINT + "\": 50, \"" + MINT2 + "\": 50},"
                            + " \"rebalanceThreshold\": 5, \"slippage\": 1, \"maxRebalances\": 4}"),
            Map.entry(
                    "stealthBot",
                    "{\"wallets\": [\"w1\", \"w2\"], \"tokenMint\": \"" + MINT + "\", \"positionSize\": 0.02}"),
            Map.entry("limit", "{\"tokenMint\": \"" + MINT + "\", \"buyAtOrBelow\": 0.00002, \"amountToSpend\": 0.1}"),
            Map.entry(
                    "tpSl",
                    "{\"tokenMint\": \"" + MINT + "\", \"amountToSpend\": 0.1, \"rules\": [{\"tp\": 20,"
                            + " \"sellPct\": 100}]}"),
            Map.entry(
                    "grid",
                    "{\"tokenMint\": \"" + MINT + "\", \"lowerPrice\": 0.001, \"upperPrice\": 0.002,"
                            + " \"amountPerLevel\": 0.1}"),
            Map.entry("copyTrade", "{\"wallets\": [\"" + MINT2 + "\"], \"fixedSol\": 0.1}"),
            Map.entry(
                    "dca",
                    "{\"tokenMint\": \"" + MINT + "\", \"amountPerBuy\": 0.1, \"numBuys\": 5, \"freqHours\": 24}"),
            Map.entry(
                    "scheduleLauncher",
                    "{\"outputMint\": \"" + MINT + "\", \"amountToSpend\": 1, \"interval\": 60, \"maxTrades\": 10}"));

    private Bots() {}

    /** The smallest valid config of {@code mode}. */
    static ObjectNode minimal(String mode) {
        try {
            boolean own = List.of(
                            "rotationBot",
                            "rebalancer",
                            "stealthBot",
                            "scheduleLauncher",
                            "dca",
                            "limit",
                            "grid",
                            "tpSl",
                            "copyTrade")
                    .contains(mode);
            ObjectNode config = (ObjectNode) JSON.readTree(own ? "{}" : BASE);
            String extra = MINIMAL.get(mode);
            if (extra != null) {
                config.setAll((ObjectNode) JSON.readTree(extra));
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mode}'s minimal config with {@code overrides} applied: dotted keys set nested fields, null removes. */
    static ObjectNode with(String mode, String overrides) {
        ObjectNode config = minimal(mode);
        try {
            JsonNode o = JSON.readTree(overrides);
            o.fields().forEachRemaining(e -> set(config, e.getKey(), e.getValue()));
        } catch (Exception e) {
            throw new IllegalArgumentException(overrides, e);
        }
        return config;
    }

    private static void set(ObjectNode target, String dotted, JsonNode value) {
        int dot = dotted.indexOf('.');
        if (dot > 0) {
            String head = dotted.substring(0, dot);
            JsonNode child = target.get(head);
            ObjectNode next = child instanceof ObjectNode c ? c : target.putObject(head);
            set(next, dotted.substring(dot + 1), value);
        } else if (value.isNull()) {
            target.remove(dotted);
        } else {
            target.set(dotted, value);
        }
    }

    /** Loads one bot with {@code config} as a JSON bots file. */
    static ConfigReport load(String mode, JsonNode config) {
        ObjectNode bot = JSON.createObjectNode().put("id", "b1").put("mode", mode);
        bot.set("config", config);
        ObjectNode file = JSON.createObjectNode();
        file.putArray("bots").add(bot);
        return LOADER.parse(file.toPrettyString(), BotsFileLoader.Format.JSON, "test.json");
    }

    static List<String> errors(String mode, String overrides) {
        return load(mode, with(mode, overrides)).violations().stream()
                .map(Violation::message)
                .toList();
    }
}
