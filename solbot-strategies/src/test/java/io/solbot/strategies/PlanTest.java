package io.solbot.strategies;

import static io.solbot.strategies.Bots.MINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan of valid files: totals that cannot overflow, an honest fee budget, and the warnings it gives. */
class PlanTest {
    /** Each strategy at the widest legal values: the largest fees, tips, amounts and trade counts. */
    private static final Map<String, String> WIDEST = Map.ofEntries(
            Map.entry(
                    "sniper",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "scalper",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "breakout",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "dipBuyer",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "delayedSniper",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "trendFollower",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "chadMode",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000,"
                            + " \"feeEscalationLamports\": 1000000000, \"slippage\": 99, \"slippageMaxPct\": 99}"),
            Map.entry("rotationBot", "{\"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "rebalancer",
                    "{\"maxRebalances\": 20, \"maxTradesPerCycle\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "stealthBot",
                    "{\"positionSize\": 1000000000, \"sizeJitterPct\": 100, \"priorityFeeLamports\": 1000000000,"
                            + " \"solFloorLamports\": 1000000000000000000}"),
            Map.entry(
                    "paperTrader",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "turboPaperTrader",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000,"
                            + " \"multiBuy\": true, \"multiBuyCount\": 3, \"useJitoBundle\": true,"
                            + " \"jitoTipLamports\": 1000000000}"),
            Map.entry(
                    "turboSniper",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 20, \"priorityFeeLamports\": 1000000000,"
                            + " \"multiBuy\": true, \"multiBuyCount\": 3, \"useJitoBundle\": true,"
                            + " \"jitoTipLamports\": 1000000000}"),
            Map.entry(
                    "scheduleLauncher",
                    "{\"amountToSpend\": 1000000000, \"maxTrades\": 25, \"priorityFeeLamports\": 1000000000}"),
            Map.entry("dca", "{\"amountPerBuy\": 1000000000, \"numBuys\": 10000, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "limit",
                    "{\"amountToSpend\": 1000000000, \"sellAtOrAbove\": 1, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "grid",
                    "{\"amountPerLevel\": 1000000000, \"maxTrades\": 1000000, \"priorityFeeLamports\": 1000000000}"),
            Map.entry("tpSl", "{\"amountToSpend\": 1000000000, \"priorityFeeLamports\": 1000000000}"),
            Map.entry(
                    "copyTrade",
                    "{\"fixedSol\": null, \"scalePct\": 1000, \"maxSolPerBuy\": 1000000000, \"maxTrades\": 1000000,"
                            + " \"priorityFeeLamports\": 1000000000}"));

    /** A bots file of {@code (mode, overrides)} pairs, every bot in {@code wallet} unless its config names one. */
    private static ConfigReport file(String wallet, List<String[]> bots) {
        ObjectNode root = Bots.JSON.createObjectNode();
        ArrayNode list = root.putArray("bots");
        int n = 0;
        for (String[] bot : bots) {
            ObjectNode b = list.addObject().put("id", "b" + ++n).put("mode", bot[0]);
            if (wallet != null) {
                b.put("wallet", wallet);
            }
            b.set("config", Bots.with(bot[0], bot[1]));
        }
        return Bots.LOADER.parse(root.toPrettyString(), BotsFileLoader.Format.JSON, "plan.json");
    }

    private static Plan plan(String mode, String overrides) {
        return Plan.of(
                file(null, List.<String[]>of(new String[] {mode, overrides})).requireValid());
    }

    @Test
    void shouldRenderThePlanOfAFileWithTheWidestLegalValuesOfEveryStrategy() {
        List<String[]> bots =
                Bots.ALL.stream().map(m -> new String[] {m, WIDEST.get(m)}).toList();
        ConfigReport report = file("main", bots);
        assertThat(report.violations()).isEmpty();

        Plan plan = Plan.of(report.requireValid());
        String text = plan.render();

        assertThat(text).contains("Plan: 19 bots");
        // per trade: 3 buys and 3 sells, each 5 000 lamports + 1 SOL priority fee + 1 SOL tip; × 20 trades
        long turbo = 20L * 6 * (5_000 + 2 * Lamports.PER_SOL);
        assertThat(plan.bots().get(Bots.ALL.indexOf("turboSniper")).feeBudget())
                .contains(Lamports.of(turbo).toTokenAmount());
        // chad mode: 1 SOL priority fee escalated by 1 SOL on 3 failed attempts, a buy and a sell, × 20 trades
        assertThat(plan.bots().get(Bots.ALL.indexOf("chadMode")).feeBudget())
                .contains(Lamports.of(20L * 2 * (5_000 + 4 * Lamports.PER_SOL)).toTokenAmount());
        // the stealth bot buys 2 000 000 000 SOL at most (size + 100 % jitter) from each of its wallets w1 and w2
        Plan.WalletPlan w1 = plan.wallets().stream()
                .filter(w -> w.wallet().equals("w1"))
                .findFirst()
                .orElseThrow();
        assertThat(w1.maxExposure()).containsEntry(Mint.WRAPPED_SOL, TokenAmount.parse("2000000000", 9));
        Plan.WalletPlan main = plan.wallets().getFirst();
        assertThat(main.wallet()).isEqualTo("main");
        // 10 shared-rule bots of 20 × 1e9 SOL, the schedule launcher's 1e9 SOL over its 25 buys, the DCA's 10 000
        // buys of 1e9 SOL, the limit order's and the TP/SL rules' one of 1e9 SOL each, the grid's 1 000 000 of 1e9 SOL,
        // the copy trader's 1 000 000 copied buys of at most 1e9 SOL
        BigDecimal exposure = main.maxExposure().get(Mint.WRAPPED_SOL).toDecimal();
        assertThat(exposure).isEqualByComparingTo(new BigDecimal("2010203000000000"));
        // 7 bots × 20 trades × 2 × 1.000005 SOL; chad 40 × 4.000005; the turbos 2 × 120 × 2.000005; rotation 40 ×
        // 1.000005; rebalancer 400 trades × 2 × 1.000005; schedule launcher 50 × 1.000005; DCA 20 000 × 1.000005;
        // the limit order and the TP/SL rules 2 × 1.000005 each; the grid and the copy trader 2 000 000 × 1.000005 each
        assertThat(main.feeBudget().toDecimal()).isEqualByComparingTo("4021834.10727");
        assertThat(text)
                .containsPattern("(?m)^main +18 +2010203000000000 SOL \\+ wallet balance +4021834\\.10727 SOL$");
    }

    @Test
    void shouldCountABuyAndASellPerTradeWithTheSignatureAndPriorityFees() {
        Plan plan = plan("sniper", "{\"maxTrades\": 5, \"priorityFeeLamports\": 10000}");

        assertThat(plan.bots().getFirst().feeBudget())
                .contains(Lamports.of(5 * 2 * 15_000).toTokenAmount());
        assertThat(plan.render())
                .contains("0.00015 SOL")
                .contains("Fee budget: per trade a buy and a sell (times the buys per signal), each 0.000005 SOL"
                        + " signature fee + the highest priority fee + the Jito tip where used");
    }

    @Test
    void shouldCountEveryBuyOfAMultiBuyAndTheJitoTipOnlyWhenTheyAreOn() {
        String fees =
                "\"maxTrades\": 1, \"priorityFeeLamports\": 10000, \"multiBuyCount\": 3, \"jitoTipLamports\": 1000";
        assertThat(plan("turboSniper", "{" + fees + "}").bots().getFirst().feeBudget())
                .contains(Lamports.of(2 * 15_000).toTokenAmount());
        assertThat(plan("turboSniper", "{" + fees + ", \"multiBuy\": true, \"useJitoBundle\": true}")
                        .bots()
                        .getFirst()
                        .feeBudget())
                .contains(Lamports.of(6 * 16_000).toTokenAmount());
        assertThat(plan("turboPaperTrader", "{" + fees + ", \"useJitoBundle\": true}")
                        .bots()
                        .getFirst()
                        .feeBudget())
                .contains(Lamports.of(2 * 16_000).toTokenAmount());
    }

    @Test
    void shouldBudgetChadModesDefaultFeeEscalatedOverItsFailedAttempts() {
        // the original's defaults: 10 000 lamports, + 5 000 on each of 3 failed attempts (4 in all)
        assertThat(plan("chadMode", "{\"maxTrades\": 1}").bots().getFirst().feeBudget())
                .contains(Lamports.of(2 * (5_000 + 25_000)).toTokenAmount());
        assertThat(plan("chadMode", "{\"maxTrades\": 1, \"priorityFeeLamports\": 0, \"feeEscalationLamports\": 0}")
                        .bots()
                        .getFirst()
                        .feeBudget())
                .contains(Lamports.of(2 * 5_000).toTokenAmount());
    }

    @Test
    void shouldSpreadAStealthBotsExposureOverItsRealWallets() {
        Plan plan = plan(
                "stealthBot",
                "{\"wallets\": [\"w1\", \"w2\", \"w3\"], \"positionSize\": 0.02, \"priorityFeeLamports\": 0}");

        assertThat(plan.bots().getFirst().wallet()).isEqualTo("w1, w2, w3");
        assertThat(plan.wallets()).extracting(Plan.WalletPlan::wallet).containsExactly("w1", "w2", "w3");
        assertThat(plan.wallets()).allSatisfy(w -> {
            assertThat(w.maxExposure()).containsEntry(Mint.WRAPPED_SOL, TokenAmount.parse("0.02", 9));
            assertThat(w.feeBudget()).isEqualTo(Lamports.of(10_000).toTokenAmount());
        });
        assertThat(plan.render()).doesNotContain("w1+w2");
    }

    @Test
    void shouldGiveNoWarningsForACarefulConfig() {
        assertThat(plan("sniper", "{\"stopLoss\": 10, \"slippage\": 10}")
                        .bots()
                        .getFirst()
                        .warnings())
                .isEmpty();
        assertThat(plan("sniper", "{\"stopLoss\": 10, \"slippage\": 10}").render())
                .doesNotContain("Warnings");
        assertThat(plan("rotationBot", "{\"stopLoss\": 10}").bots().getFirst().warnings())
                .isEmpty();
        assertThat(plan("rebalancer", "{\"skipSafety\": false}")
                        .bots()
                        .getFirst()
                        .warnings())
                .isEmpty();
    }

    @Test
    void shouldWarnAboutSlippageOnlyAboveTenPercent() {
        assertThat(plan("sniper", "{\"stopLoss\": 10, \"slippage\": 10.01}")
                        .bots()
                        .getFirst()
                        .warnings())
                .containsExactly("slippage is 10.01 %, above 10 %");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"safetyEnabled\": false}",
                "{\"disableSafety\": true}",
                "{\"safetyChecks\": {\"simulation\": false, \"liquidity\": false, \"authority\": false,"
                        + " \"topHolders\": false}}"
            })
    void shouldWarnWhenSafetyChecksAreOffInAnyOfTheOriginalsWays(String off) {
        assertThat(plan("sniper", off.replaceFirst("\\{", "{\"stopLoss\": 10, "))
                        .bots()
                        .getFirst()
                        .warnings())
                .containsExactly("safety checks are off");
    }

    @Test
    void shouldNotWarnWhileOneSafetyCheckIsStillOn() {
        assertThat(plan(
                                "sniper",
                                "{\"stopLoss\": 10, \"safetyChecks\": {\"simulation\": false, \"liquidity\": false,"
                                        + " \"authority\": false, \"topHolders\": true}}")
                        .bots()
                        .getFirst()
                        .warnings())
                .isEmpty();
    }

    @Test
    void shouldWarnWhenTheRebalancerRotationOrStealthBotSkipsSafety() {
        assertThat(plan("rebalancer", "{\"skipSafety\": true}")
                        .bots()
                        .getFirst()
                        .warnings())
                .containsExactly("safety checks are off (skipSafety)");
        assertThat(plan("rotationBot", "{\"stopLoss\": 10, \"safetyEnabled\": false}")
                        .bots()
                        .getFirst()
                        .warnings())
                .containsExactly("safety checks are off");
        assertThat(plan(
                                "stealthBot",
                                "{\"safetyChecks\": {\"simulation\": false, \"liquidity\": false,"
                                        + " \"authority\": false, \"topHolders\": false}}")
                        .bots()
                        .getFirst()
                        .warnings())
                .contains("safety checks are off");
        assertThat(plan("stealthBot", "{}").bots().getFirst().warnings()).doesNotContain("safety checks are off");
    }

    @Test
    void shouldWarnWhenChadModeEscalatesSlippageAboveTenPercent() {
        assertThat(plan("chadMode", "{\"slippageMaxPct\": 10.01}")
                        .bots()
                        .getFirst()
                        .warnings())
                .contains("slippage escalates up to 10.01 % (slippageMaxPct), above 10 %");
        assertThat(plan("chadMode", "{\"slippageMaxPct\": 10}")
                        .bots()
                        .getFirst()
                        .warnings())
                .noneMatch(w -> w.startsWith("slippage"));
        assertThat(plan("chadMode", "{}").bots().getFirst().warnings()).noneMatch(w -> w.startsWith("slippage"));
    }

    @Test
    void shouldShowTheEntryThresholdAsWrittenWhenRejectingIt() {
        assertThat(Bots.errors("scalper", "{\"entryThreshold\": 0.5}"))
                .singleElement()
                .asString()
                .endsWith("but was 0.5");
        assertThat(MINT).isNotBlank();
    }
}
