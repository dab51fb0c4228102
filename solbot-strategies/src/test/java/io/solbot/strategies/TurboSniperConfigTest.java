package io.solbot.strategies;

import static io.solbot.strategies.Bots.MINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.config.ConfigReport;
import io.solbot.strategies.turbopapertrader.TurboPaperTraderConfig;
import io.solbot.strategies.turbosniper.TurboSniperConfig;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The turbo sniper's full field set as the original wrote it, and the turbo paper trader's historical mode name. */
class TurboSniperConfigTest {
    /** A turbo sniper config as the original's front end saved it, every group filled in. */
    static final String ORIGINAL = """
            {"amountToSpend": 0.05, "slippage": 1, "interval": 3, "maxTrades": 5, "tokenFeed": "new",
             "entryThreshold": 3, "volumeThreshold": 50000, "priorityFeeLamports": 10000, "maxSlippage": 0.15,
             "ghostMode": true, "coverWalletId": "cover-1", "multiBuy": true, "multiBuyCount": 2,
             "prewarmAccounts": true, "multiRoute": false, "autoRug": true, "useJitoBundle": true,
             "autoPriorityFee": false, "killSwitch": true, "killThreshold": 3, "poolDetection": true,
             "splitTrade": false, "turboMode": true, "autoRiskManage": false, "cuAdapt": true, "skipPreflight": true,
             "directAmmFallback": true, "directAmmFirstPct": 0.3, "jitoTipLamports": 1000,
             "jitoRelayUrl": "https://mainnet.block-engine.jito.wtf", "bundleStrategy": "topOfBlock",
             "tipCurve": "flat", "cuPriceMicroLamportsMin": 100, "cuPriceMicroLamportsMax": 5000,
             "cuPriceCurve": [1, 0.5], "tipCurveCoefficients": [1000, 2],
             "rpcEndpoints": ["https://rpc-1.example", "https://rpc-2.example"], "rpcMaxErrors": 3,
             "privateRpcUrl": "https://private.example", "rpcFailover": true,
             "allowedDexes": ["raydium", "orca"], "excludedDexes": ["crema"],
             "takeProfit": 20, "tpLadder": [25, 25, 50], "trailingStopPct": 5, "stopLossPercent": 10,
             "flags": {"directAmm": true, "bundles": true, "leaderTiming": true, "relay": false, "probe": true},
             "leaderTiming": {"enabled": true, "preflightMs": 220, "windowSlots": 2},
             "alignToLeader": true, "quoteTtlMs": 600,
             "idempotency": {"ttlSec": 90, "salt": "s1", "resumeFromLast": true},
             "retryPolicy": {"max": 3, "bumpCuStep": 2000, "bumpTipStep": 1000, "routeSwitch": true, "rpcFailover": true},
             "parallelWallets": {"enabled": true, "walletIds": ["w1", "w2"], "splitPct": [0.5, 0.5], "maxParallel": 2},
             "multiWallet": 2,
             "pumpfun": {"enabled": true, "thresholdPct": 0.55, "minSolLiquidity": 10, "cooldownSec": 120},
             "airdrops": {"enabled": true, "autoSell": true, "whitelistMints": ["%MINT%"], "minUsdValue": 5,
                          "maxSellSlippagePct": 1.0},
             "privateRelay": {"enabled": true, "urls": ["https://relay.example"], "mode": "bundle"},
             "sizing": {"maxImpactPct": 1.2, "maxPoolPct": 0.8, "minUsd": 50},
             "probe": {"enabled": true, "usd": 5, "scaleFactor": 4, "abortOnImpactPct": 2, "delayMs": 250},
             "postBuyWatch": {"durationSec": 180, "lpPullExit": true, "authorityFlipExit": true, "rugDelayBlocks": 0},
             "iceberg": {"enabled": true, "tranches": 3, "trancheDelayMs": 200},
             "impactAbortPct": 5, "dynamicSlippageMaxPct": 3,
             "devWatch": {"whitelist": [], "blacklist": ["%MINT%"], "holderTop5MaxPct": 65, "lpBurnMinPct": 50,
                          "enableInsiderHeuristics": true},
             "requireFreezeRevoked": true, "enableLaserStream": false, "riskLevels": {"low": 1},
             "feeds": {"order": ["ws", "birdeye", "onchain"], "ttlMs": 800, "timeoutMs": 400},
             "rpc": {"quorum": {"size": 3, "require": 2}, "blockhashTtlMs": 2500},
             "watchRaydium": true, "watchOrca": true, "watchMeteora": false, "watchStep": false, "watchCrema": false,
             "poolFreshnessWindowSlots": 50,
             "smartExitMode": "liquidity", "smartExitTimeMins": 30, "smartVolLookbackSec": 60,
             "smartVolThreshold": 1000, "smartLiqLookbackSec": 60, "smartLiqDropPct": 30,
             "smartExit": {"time": {"maxHoldSec": 600, "minPnLBeforeTimeExitPct": 5},
                           "volume": {"volWindowSec": 60, "volDropPct": 50},
                           "liquidity": {"lpOutflowExitPct": 20}},
             "liqGate": {"minPoolUsd": 50000, "maxImpactPctAtLarge": 5, "liqProbeSmallSol": 0.1, "liqProbeLargeSol": 1},
             "minPoolUsd": 50000, "maxPriceImpactPct": 5,
             "slippageAuto": {"enabled": true, "floorPct": 0.5, "ceilPct": 2.0, "sensitivity": 0.6},
             "postTx": {"chain": ["tp", "trail", "alerts"], "ensureQueued": true}}
            """;

    @Test
    void shouldLoadATurboSniperConfigWrittenForTheOriginalWithEveryGroup() throws Exception {
        ObjectNode config = (ObjectNode) Bots.JSON.readTree(ORIGINAL.replace("%MINT%", MINT));

        ConfigReport report = Bots.load("turboSniper", config);

        assertThat(report.violations()).isEmpty();
        TurboSniperConfig c = (TurboSniperConfig) report.bots().getFirst().config();
        assertThat(c.parallelWallets().splitPct()).containsExactly(new BigDecimal("0.5"), new BigDecimal("0.5"));
        assertThat(c.rpc().quorum().require()).isEqualTo(2);
        assertThat(c.feeds().order()).containsExactly("ws", "birdeye", "onchain");
        assertThat(c.devWatch().holderTop5MaxPct()).isEqualByComparingTo("65");
        assertThat(c.turboToggles().ghostMode()).isTrue();
        assertThat(c.exitFields().smartExit().volume().lookbackSec()).isEqualTo(60);
        assertThat(c.turboExitFields().smartLiqDropPct()).isEqualByComparingTo("30");
        assertThat(report.bots().getFirst().settings()).isPresent();
    }

    @Test
    void shouldReportEveryBrokenTurboRuleOfOneConfigTogether() {
        List<String> errors = Bots.errors(
                "turboSniper",
                "{\"multiBuyCount\": 4, \"ghostMode\": true, \"rpc\": {\"quorum\": {\"size\": 1, \"require\": 2}},"
                        + " \"parallelWallets\": {\"enabled\": true, \"walletIds\": [\"a\", \"b\"],"
                        + " \"splitPct\": [0.9, 0.9], \"maxParallel\": 2}, \"feeds\": {\"order\": [\"rss\"]}}");

        assertThat(errors)
                .hasSize(5)
                .anySatisfy(e -> assertThat(e).contains("multiBuyCount must be between 1 and 3, but was 4"))
                .anySatisfy(e -> assertThat(e).contains("coverWalletId is required when ghostMode is true"))
                .anySatisfy(e -> assertThat(e).contains("rpc.quorum.require must be at most size (1), but was 2"))
                .anySatisfy(e -> assertThat(e).contains("parallelWallets.splitPct must sum to 1 ± 0.05"))
                .anySatisfy(e -> assertThat(e).contains("feeds.order[0] must be one of ws, birdeye, onchain"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ghostMode",
                "multiBuy",
                "prewarmAccounts",
                "multiRoute",
                "autoRug",
                "useJitoBundle",
                "autoPriorityFee",
                "killSwitch",
                "poolDetection",
                "splitTrade",
                "turboMode",
                "autoRiskManage",
                "cuAdapt",
                "skipPreflight",
                "directAmmFallback",
                "enableInsiderHeuristics",
                "requireFreezeRevoked",
                "enableLaserStream",
                "alignToLeader",
                "rpcFailover",
                "watchRaydium",
                "watchOrca",
                "watchMeteora",
                "watchStep",
                "watchCrema",
                "flags.directAmm",
                "flags.bundles",
                "flags.leaderTiming",
                "flags.relay",
                "flags.probe",
                "leaderTiming.enabled",
                "parallelWallets.enabled",
                "pumpfun.enabled",
                "airdrops.enabled",
                "airdrops.autoSell",
                "privateRelay.enabled",
                "probe.enabled",
                "idempotency.resumeFromLast",
                "retryPolicy.rpcFailover",
                "slippageAuto.enabled",
                "postTx.ensureQueued"
            })
    void shouldAcceptEachTurboToggleAsTrueOrFalseAndNothingElse(String toggle) {
        assertThat(Bots.errors("turboSniper", "{\"" + toggle + "\": false}")).isEmpty();
        assertThat(Bots.errors("turboSniper", "{\"" + toggle + "\": \"yes\"}"))
                .singleElement()
                .asString()
                .contains(toggle + " must be true or false, but was 'yes'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ghostMode", "multiBuy", "prewarmAccounts", "multiRoute", "autoRug", "useJitoBundle",
                "autoPriorityFee", "killSwitch", "poolDetection", "splitTrade", "turboMode", "autoRiskManage",
                "cuAdapt", "skipPreflight", "directAmmFallback"
            })
    void shouldAcceptTheTurboTogglesOfTheTurboPaperTraderAsTrueOrFalseAndNothingElse(String toggle) {
        // the switches that need a value of their own get it
        String needs = switch (toggle) {
            case "useJitoBundle" -> ", \"jitoTipLamports\": 1000";
            case "autoPriorityFee" -> ", \"priorityFeeLamports\": 20000";
            default -> "";
        };
        assertThat(Bots.errors("turboPaperTrader", "{\"" + toggle + "\": true" + needs + "}"))
                .isEmpty();
        assertThat(Bots.errors("turboPaperTrader", "{\"" + toggle + "\": false}"))
                .isEmpty();
        assertThat(Bots.errors("turboPaperTrader", "{\"" + toggle + "\": 1}"))
                .singleElement()
                .asString()
                .contains(toggle + " must be true or false, but was 1");
    }

    @Test
    void shouldAcceptTheOriginalFileNameOfTheTurboPaperTraderAsItsMode() {
        ConfigReport report = Bots.load("paperTraderTurbo", Bots.minimal("turboPaperTrader"));

        assertThat(report.violations()).isEmpty();
        assertThat(report.bots().getFirst().strategyId()).isEqualTo("turbo-paper-trader");
        assertThat(report.bots().getFirst().config()).isInstanceOf(TurboPaperTraderConfig.class);
        assertThat(Bots.errors("paper_trader_turbo", "{\"multiBuyCount\": 4}"))
                .singleElement()
                .asString()
                .contains("multiBuyCount must be between 1 and 3, but was 4");
    }

    @Test
    void shouldCountTheTurboStopLossFieldsAsAStopLossInThePlan() {
        assertThat(warnings("{}")).contains("no stop loss (stopLoss is not set)");
        assertThat(warnings("{\"stopLossPercent\": 10}")).noneMatch(w -> w.startsWith("no stop loss"));
        assertThat(warnings("{\"trailingStopPct\": 5}")).noneMatch(w -> w.startsWith("no stop loss"));
        assertThat(warnings("{\"stopLossPercent\": 0}")).contains("no stop loss (stopLoss is not set)");
    }

    private static List<String> warnings(String overrides) {
        ConfigReport report = Bots.load("turboSniper", Bots.with("turboSniper", overrides));
        assertThat(report.violations()).isEmpty();
        return ((TurboSniperConfig) report.bots().getFirst().config()).warnings();
    }

    @Test
    void shouldStillNameTheClosestKnownModeForAnUnknownOne() {
        assertThat(Bots.errors("turboPaperTradr", "{}"))
                .singleElement()
                .asString()
                .contains("'turboPaperTradr' is not a known strategy: did you mean 'turbo-paper-trader'?");
        assertThat(Bots.errors("turboSnipr", "{}"))
                .singleElement()
                .asString()
                .contains("'turboSnipr' is not a known strategy: did you mean 'turbo-sniper'?");
    }
}
