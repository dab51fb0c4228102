package io.solbot.strategies;

import static io.solbot.strategies.Bots.MINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.strategies.delayedsniper.DelayedSniperConfig;
import io.solbot.strategies.sniper.SniperConfig;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The original platform's validator bugs (reference §c and §h), each behaving sanely here. */
class OriginalBugsTest {
    @Test
    void shouldApplyTheTurboSniperRulesThatTheOriginalNeverReached() {
        assertThat(Bots.errors("turboSniper", "{\"multiBuyCount\": 9}"))
                .singleElement()
                .asString()
                .contains("multiBuyCount must be between 1 and 3, but was 9");
        assertThat(Bots.errors("TURBO_SNIPER", "{\"tokenFeed\": \"monitored\"}"))
                .singleElement()
                .asString()
                .contains("monitoredTokens must list at least one token");
    }

    @Test
    void shouldReachTheTurboPaperTraderUnderEverySpellingAndAcceptItsOwnSmartExitModes() {
        for (String mode : List.of(
                "turboPaperTrader",
                "turbo-paper-trader",
                "TURBO_PAPER_TRADER",
                "turbopapertrader",
                "paperTraderTurbo",
                "papertraderturbo",
                "paper-trader-turbo")) {
            assertThat(Bots.errors(
                            mode,
                            "{\"smartExitMode\": \"volume\", \"smartVolLookbackSec\": 30, \"smartVolThreshold\": 0}"))
                    .as(mode)
                    .isEmpty();
            assertThat(Bots.errors(mode, "{\"smartExitMode\": \"time\", \"smartExitTimeMins\": 30}"))
                    .as(mode)
                    .isEmpty();
            assertThat(Bots.errors(mode, "{\"smartExitMode\": \"none\"}"))
                    .as(mode)
                    .isEmpty();
            assertThat(Bots.errors(mode, "{\"maxPriceImpactPct\": 101}"))
                    .as(mode)
                    .singleElement()
                    .asString()
                    .contains("maxPriceImpactPct must be between 0 and 100 %");
        }
    }

    @Test
    void shouldCheckTheDelayTheDelayedSniperUsesUnderEitherName() {
        ConfigReport viaOldName = Bots.load(
                "delayedSniper", Bots.with("delayedSniper", "{\"delayBeforeBuyMs\": null, \"delayMs\": 750}"));
        assertThat(viaOldName.violations()).isEmpty();
        assertThat(((DelayedSniperConfig) viaOldName.bots().getFirst().config()).delayBeforeBuyMs())
                .isEqualTo(750L);
        assertThat(Bots.errors("delayedSniper", "{\"delayBeforeBuyMs\": 0}"))
                .singleElement()
                .asString()
                .contains("delayBeforeBuyMs must be at least 1 ms, but was 0");
    }

    @Test
    void shouldReadBreakoutsVolumeSpikeUnderBothNamesAndCheckIt() {
        assertThat(Bots.errors("breakout", "{\"volumeSpikeMult\": 3}")).isEmpty();
        assertThat(Bots.errors("breakout", "{\"volumeSpikeMult\": 0.5}"))
                .singleElement()
                .asString()
                .contains("volumeSpikeMultiplier must be at least 1, but was 0.5");
    }

    @Test
    void shouldCheckThatChadModeOutputMintsAreSolanaAddresses() {
        assertThat(Bots.errors("chadMode", "{\"outputMint\": \"BONK\"}"))
                .singleElement()
                .asString()
                .contains("outputMint must be a Solana address");
    }

    @Test
    void shouldApplyEveryRebalancerRuleWithAutoWallet() {
        assertThat(Bots.errors(
                        "rebalancer",
                        "{\"autoWallet\": true, \"targetAllocations\": null, \"slippage\": 0, \"maxRebalances\": 50}"))
                .hasSize(3);
    }

    @Test
    void shouldRefuseNotANumberAsSlippage() {
        assertThat(Bots.errors("stealthBot", "{\"slippage\": \"NaN\"}"))
                .singleElement()
                .asString()
                .contains("slippage must be a number, but was 'NaN'");
        assertThat(Bots.errors("sniper", "{\"slippage\": \"Infinity\"}"))
                .singleElement()
                .asString()
                .contains("slippage must be a number, but was 'Infinity'");
    }

    @Test
    void shouldTreatZeroAsAValueNotAsUnset() {
        assertThat(Bots.errors("paperTrader", "{\"maxDailyTrades\": 0}"))
                .singleElement()
                .asString()
                .contains("maxDailyTrades must be at least 1, but was 0");
        assertThat(Bots.errors("sniper", "{\"maxOpenTrades\": 0}"))
                .singleElement()
                .asString()
                .contains("maxOpenTrades must be at least 1, but was 0");
        assertThat(Bots.errors("sniper", "{\"amountToSpend\": 0, \"snipeAmount\": 1}"))
                .singleElement()
                .asString()
                .contains("give only one of them");
        assertThat(Bots.errors("dipBuyer", "{\"dipThreshold\": 0}"))
                .singleElement()
                .asString()
                .contains("dipThreshold must be greater than 0 %");
    }

    @Test
    void shouldRefuseANonIntegerMaxTrades() {
        for (String mode : List.of("sniper", "rotationBot", "scheduleLauncher")) {
            assertThat(Bots.errors(mode, "{\"maxTrades\": 1.5}"))
                    .as(mode)
                    .singleElement()
                    .asString()
                    .contains("maxTrades must be a whole number, but was 1.5");
        }
        assertThat(Bots.errors("sniper", "{\"maxTrades\": 2.0}")).isEmpty();
    }

    @Test
    void shouldNormaliseAnEntryThresholdBelowOneAsAFractionOnce() {
        ConfigReport fraction = Bots.load("sniper", Bots.with("sniper", "{\"entryThreshold\": 0.03}"));
        ConfigReport percent = Bots.load("sniper", Bots.with("sniper", "{\"entryThreshold\": 3}"));

        BigDecimal a = ((SniperConfig) fraction.bots().getFirst().config())
                .sharedFields()
                .entryThresholdPercent();
        BigDecimal b = ((SniperConfig) percent.bots().getFirst().config())
                .sharedFields()
                .entryThresholdPercent();
        assertThat(a).isEqualByComparingTo("3").isEqualByComparingTo(b);
    }

    @Test
    void shouldRefuseUnknownSafetyCheckNamesInsteadOfIgnoringThem() {
        assertThat(Bots.errors("sniper", "{\"safetyChecks\": {\"topholders\": false}}"))
                .singleElement()
                .asString()
                .contains("safetyChecks.topholders is not a known field; did you mean 'topHolders'?");
    }

    @Test
    void shouldWarnAboutRiskyButLegalSettingsInThePlan() {
        ConfigReport report = Bots.load(
                "sniper",
                Bots.with(
                        "sniper",
                        "{\"slippage\": 15, \"safetyEnabled\": false, \"monitoredTokens\": [\"" + MINT + "\"]}"));

        String plan = Plan.of(report.requireValid()).render();

        assertThat(plan)
                .contains("bot 'b1': no stop loss (stopLoss is not set)")
                .contains("bot 'b1': safety checks are off")
                .contains("bot 'b1': slippage is 15 %, above 10 %");
    }
}
