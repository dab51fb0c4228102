package io.solbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Lamports;
import io.solbot.core.plugin.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotsFileLoaderTest {
    static final String MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    static final BotsFileLoader LOADER = BotsFileLoader.using(
            StrategyRegistry.builder().register(new TestGridProvider()).build());

    @TempDir
    Path tmp;

    private static List<String> errors(String yaml) {
        ConfigReport report = LOADER.parse(yaml, "test.yaml");
        return report.violations().stream().map(Violation::message).toList();
    }

    private static String bot(String fields) {
        return "bots:\n  - id: g1\n    mode: testGrid\n    config:\n" + fields.indent(6);
    }

    private static String valid(String extra) {
        return bot("mint: " + MINT + "\nslippage: 1\nmaxTrades: 5\namountToSpend: 0.05\n" + extra);
    }

    @Test
    void shouldLoadAValidBotWithItsConfigAndSettings() {
        ConfigReport report = LOADER.parse(valid("levels: 10\nmodel: AMM-DEPTH\nenabled: 'true'"), "t.yaml");

        assertThat(report.violations()).isEmpty();
        BotDefinition bot = report.bots().getFirst();
        assertThat(bot.id().value()).isEqualTo("g1");
        assertThat(bot.strategyId()).isEqualTo("test-grid");
        assertThat(bot.wallet()).isEqualTo("default");
        TestGridConfig config = (TestGridConfig) bot.config();
        assertThat(config.common().amountToSpend()).isEqualByComparingTo("0.05");
        assertThat(bot.settings().orElseThrow().lamportsPerTrade()).contains(Lamports.of(50_000_000));
    }

    @Test
    void shouldReportEveryViolationOfABotAtOnceWithTheRejectedValue() {
        assertThat(errors(bot("mint: nope\nslippage: 150\nmaxTrades: 25\namountToSpend: 0\nlevels: 1")))
                .containsExactlyInAnyOrder(
                        "line 8, column 22: bot 'g1': amountToSpend must be greater than 0, but was 0",
                        "line 9, column 15: bot 'g1': levels must be between 2 and 1000, but was 1",
                        "line 7, column 18: bot 'g1': maxTrades must be between 1 and 20, but was 25",
                        "line 5, column 13: bot 'g1': mint must be a Solana address (base58 that decodes to 32 bytes), but was 'nope'",
                        "line 6, column 17: bot 'g1': slippage must be between 0.01 and 99 %, but was 150");
    }

    @Test
    void shouldReportMissingRequiredFieldsOnce() {
        assertThat(errors(bot("levels: 3")))
                .containsExactlyInAnyOrder(
                        "line 5, column 7: bot 'g1': amountToSpend is required",
                        "line 5, column 7: bot 'g1': maxTrades is required",
                        "line 5, column 7: bot 'g1': mint is required",
                        "line 5, column 7: bot 'g1': slippage is required");
    }

    @Test
    void shouldReadEmptyTextAsNotGivenSoAnOptionalFieldIsUnsetAndARequiredOneIsRequired() {
        ConfigReport report = LOADER.parse(valid("model: ''\nwatch: []"), "t.yaml");
        assertThat(report.violations()).isEmpty();
        assertThat(((TestGridConfig) report.bots().getFirst().config()).model()).isNull();

        assertThat(errors(bot("mint: '  '\nslippage: 1\nmaxTrades: 5\namountToSpend: 0.05")))
                .containsExactly("line 5, column 13: bot 'g1': mint is required");
        assertThat(errors(valid("watch: ['']")))
                .singleElement()
                .asString()
                .contains("watch[0] must be a Solana address");
    }

    @Test
    void shouldNameTheClosestKnownFieldForAnUnknownOne() {
        assertThat(errors(valid("levls: 3")))
                .singleElement()
                .asString()
                .endsWith("bot 'g1': levls is not a known field; did you mean 'levels'?");
    }

    @Test
    void shouldNameTheClosestKnownModeForAnUnknownOne() {
        assertThat(errors("bots:\n  - mode: test-gird\n    config: {}"))
                .singleElement()
                .asString()
                .startsWith(
                        "line 2, column 11: bot 'test-gird-1': mode 'test-gird' is not a known strategy: did you mean 'test-grid'?");
    }

    @Test
    void shouldSayWhyTheProviderOfAModeWasRefused() {
        BotsFileLoader loader = BotsFileLoader.using(StrategyRegistry.builder()
                .register(new TestGridProvider() {
                    @Override
                    public int spiVersion() {
                        return 0;
                    }
                })
                .build());

        assertThat(loader.parse("bots:\n  - mode: test-grid\n    config: {}", "t.yaml")
                        .violations())
                .extracting(Violation::message)
                .singleElement()
                .asString()
                .startsWith(
                        "line 2, column 11: bot 'test-grid-1': mode 'test-grid' is not available: Strategy provider")
                .contains("was refused: id 'test-grid' was built for SPI version 0");
    }

    @Test
    void shouldAcceptNumbersGivenAsNumericStrings() {
        ConfigReport report = LOADER.parse(valid("levels: '12'\nrates: {fail: '0.25'}"), "t.yaml");

        assertThat(report.violations()).isEmpty();
        TestGridConfig config = (TestGridConfig) report.bots().getFirst().config();
        assertThat(config.levels()).isEqualTo(12);
        assertThat(config.rates()).containsEntry("fail", new BigDecimal("0.25"));
    }

    @Test
    void shouldReportWrongTypesOnceAndNotAsMissing() {
        assertThat(errors(bot("mint: " + MINT + "\nslippage: [1]\nmaxTrades: 2.5\namountToSpend: lots\nenabled: 3")))
                .containsExactlyInAnyOrder(
                        "line 6, column 17: bot 'g1': slippage must be a number, but was 'a list'",
                        "line 7, column 18: bot 'g1': maxTrades must be a whole number, but was 2.5",
                        "line 8, column 22: bot 'g1': amountToSpend must be a number, but was 'lots'",
                        "line 9, column 16: bot 'g1': enabled must be true or false, but was 3");
    }

    @Test
    void shouldRejectNotANumberAndInfinity() {
        // YAML's reader refuses .nan itself: a parse error with its place, never a NaN in a config
        assertThat(errors(valid("levels: .nan")))
                .singleElement()
                .asString()
                .startsWith("line 9, column 19: the file is not valid YAML");
        assertThat(errors(valid("levels: [1, 2]"))).singleElement().asString().contains("levels must be a number");
        assertThat(errors(valid("levels: NaN")))
                .singleElement()
                .asString()
                .contains("levels must be a number, but was 'NaN'");
        assertThat(errors(valid("rates: {a: Infinity}")))
                .singleElement()
                .asString()
                .contains("rates[a] must be a number, but was 'Infinity'");
    }

    @Test
    void shouldRefuseTwoAliasesOfOneField() {
        assertThat(errors(bot("mint: " + MINT + "\nslippage: 1\nmaxTrades: 1\namountToSpend: 0.1\nsnipeAmount: 0.2")))
                .singleElement()
                .asString()
                .contains("amountToSpend is given as amountToSpend and snipeAmount; give only one of them");
    }

    @Test
    void shouldAcceptAnAlias() {
        ConfigReport report = LOADER.parse(bot("mint: " + MINT + "\nslippage: 1\nmaxTrades: 1\namount: 0.1"), "t.yaml");
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void shouldReportNestedAndListAndCrossFieldViolationsWithTheirPaths() {
        assertThat(errors(valid("watch: [" + MINT + ", bad]\nlegs: {minParts: 3, maxParts: 2, extra: 1}\n"
                        + "enabled: false\nlevels: 4\nmodel: amm-dept\nrates: {a: 2}")))
                .containsExactlyInAnyOrder(
                        "line 9, column 61: bot 'g1': watch[1] must be a Solana address (base58 that decodes to 32 bytes), but was 'bad'",
                        "line 10, column 47: bot 'g1': legs.extra is not a known field",
                        "line 10, column 37: bot 'g1': legs.maxParts must be at least minParts (3), but was 2",
                        "line 12, column 15: bot 'g1': levels must not be set when enabled is false, but was 4",
                        "line 13, column 14: bot 'g1': model must be one of ideal, amm_depth (did you mean 'amm_depth'?), but was 'amm-dept'",
                        "line 14, column 18: bot 'g1': rates[a] must be between 0 and 1, but was 2");
    }

    @Test
    void shouldReportAParseErrorWithLineAndColumn() {
        assertThat(errors("bots:\n  - mode: test-grid\n    config: {a: 1\n"))
                .singleElement()
                .asString()
                .startsWith("line 4, column 1: the file is not valid YAML: expected ',' or '}', but got <stream end>");
        assertThat(LOADER.parse("{\"bots\": [ {\"mode\": \"x\",, } ]}", "b.json")
                        .violations())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.line()).isEqualTo(1);
                    assertThat(v.column()).isEqualTo(25);
                    assertThat(v.message()).contains("is not valid JSON");
                });
    }

    @Test
    void shouldRefuseDuplicateKeysAndDuplicateBotIds() {
        assertThat(errors(valid("levels: 3\nlevels: 4")))
                .singleElement()
                .asString()
                .contains("line 10, column 13: the file is not valid YAML")
                .contains("Duplicate field 'levels'");
        String twice = valid("") + "  - id: g1\n    mode: test-grid\n    config: {mint: " + MINT
                + ", slippage: 1, maxTrades: 1, amount: 1}\n";
        assertThat(errors(twice)).singleElement().asString().contains("bot 'g1': id is used by another bot");
    }

    @Test
    void shouldRefuseDuplicateKeysInJson() {
        assertThat(LOADER.parse("{\"bots\": [], \"bots\": []}", "b.json").violations())
                .extracting(Violation::message)
                .containsExactly(
                        "line 1, column 14: the file is not valid JSON: the key 'bots' appears twice in one object");
    }

    @Test
    void shouldReportUnknownFileAndBotFieldsAndMissingModeAndConfig() {
        assertThat(errors("bot: []\n"))
                .containsExactly(
                        "line 1, column 6: bot is not a known field; did you mean 'bots'?",
                        "line 1, column 1: bots is required: a list of bots");
        assertThat(errors("bots:\n  - {id: a, wallet: main, confg: {}}\n"))
                .containsExactlyInAnyOrder(
                        "line 2, column 34: bot 'a': confg is not a known field; did you mean 'config'?",
                        "line 2, column 5: bot 'a': mode is required: the strategy to run",
                        "line 2, column 5: bot 'a': config is required: the strategy's settings");
    }

    @Test
    void shouldLoadJsonFilesAndTopLevelLists(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("bots.json"),
                "[{\"mode\": \"TEST_GRID\", \"wallet\": \"w2\"," + " \"config\": {\"mint\": \"" + MINT
                        + "\", \"slippage\": \"0.5\", \"maxTrades\": 3, \"amount\": 1}}]");

        ConfigReport report = LOADER.load(file);

        assertThat(report.violations()).isEmpty();
        assertThat(report.bots()).singleElement().satisfies(b -> {
            assertThat(b.id().value()).isEqualTo("test_grid-1");
            assertThat(b.wallet()).isEqualTo("w2");
        });
    }

    @Test
    void shouldThrowAllViolationsFromRequireValid() {
        ConfigReport report = LOADER.parse(bot("levels: 3"), "t.yaml");
        assertThatThrownBy(report::requireValid)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("4 config errors:")
                .hasMessageContaining("bot 'g1': slippage is required");
    }

    @Test
    void shouldLocateEachTrueFalseAndNullAtItsOwnLine() {
        // the tree's factory shares one node per true, false and null: each must still be located where it is
        String text = "bots:\n  - id: g1\n    mode: test-grid\n    config:\n      mint: " + MINT
                + "\n      slippage: true\n      maxTrades: 2\n      amount: 1\n      levels: false\n"
                + "      watch: [" + MINT + ", null]\n      enabled: true\n      model: null\n";
        assertThat(LOADER.parse(text, "t.yaml").violations())
                .extracting(Violation::message)
                .containsExactly(
                        "line 6, column 17: bot 'g1': slippage must be a number, but was true",
                        "line 9, column 15: bot 'g1': levels must be a number, but was false",
                        "line 10, column 61: bot 'g1': watch[1] must not be empty");
    }

    @Test
    void shouldRefuseYamlAliasesAndBinaryValuesInsteadOfReadingThemAsText() {
        String alias = "bots:\n  - id: g1\n    mode: test-grid\n    config: &c {mint: " + MINT
                + ", slippage: 1, maxTrades: 2, amount: 1}\n  - id: g2\n    mode: test-grid\n    config: *c\n";
        assertThat(LOADER.parse(alias, "t.yaml").violations())
                .extracting(Violation::message)
                .containsExactly(
                        "line 7, column 13: the file is not valid YAML: YAML aliases (*c) are not supported: write the"
                                + " value out");
        assertThat(LOADER.parse(bot("mint: !!binary c25pcGVy"), "t.yaml").violations())
                .extracting(Violation::message)
                .singleElement()
                .asString()
                .contains("binary values (!!binary) are not supported");
    }

    @Test
    void shouldPlanExposureAndFeesPerBotAndWallet() {
        String two = valid("") + "  - id: g2\n    mode: test-grid\n    config: {mint: " + MINT
                + ", slippage: 12.5, maxTrades: 2, amount: 1}\n";
        Plan plan = Plan.of(LOADER.parse(two, "t.yaml").requireValid());

        assertThat(plan.wallets()).singleElement().satisfies(w -> {
            assertThat(w.bots()).isEqualTo(2);
            // a buy and a sell per trade, each 5 000 lamports signature fee + 5 000 priority fee: 7 trades
            assertThat(w.feeBudget()).isEqualTo(Lamports.of(140_000).toTokenAmount());
        });
        assertThat(plan.render())
                .contains("g1   test-grid  default  0.05 SOL   5           0.25 SOL      0.0001 SOL")
                .contains("default  2     2.25 SOL      0.00014 SOL")
                .contains("Fee budget: per trade a buy and a sell")
                .contains("bot 'g2': slippage is 12.5 %, above 10 %")
                .contains("bot 'g1': no stop loss");
    }

    @Test
    void shouldValidateConfigsBuiltInCode() {
        var config = new TestGridConfig(
                new TestGridConfig.Common(new BigDecimal("0"), 1, BigDecimal.ONE),
                MINT,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> ConfigValidator.standard().requireValid("code", config))
                .hasMessageContaining("bot 'code': slippage must be between 0.01 and 99 %, but was 0");
    }
}
