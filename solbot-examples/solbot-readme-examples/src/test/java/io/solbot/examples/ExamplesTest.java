package io.solbot.examples;

import com.example.hold.HoldProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples that need no database in this JVM (from the build's own classes) and checks what they print;
 * {@code ReadmeExamplesIT} runs them all as a new user would, each in a JVM of its own, from the README's text.
 */
class ExamplesTest {
    interface Main {
        void run() throws Exception;
    }

    private static String printed(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        original.print(text); // into the test's report
        return text;
    }

    @Test
    void shouldListTheBuiltInStrategiesAndTheHoldPluginOnTheClassPath() throws Exception {
        String out = printed(() -> DiscoverStrategies.main(new String[0]));
        // a class directory has no manifest, so no Implementation-Version
        Path classes = Path.of(HoldProvider.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ExampleOutputs.discovered(out, "dev", classes.toString());
    }

    @Test
    void shouldPlanAValidBotsFileAndNameEveryErrorOfABadOne() throws Exception {
        ExampleOutputs.planned(printed(() -> PlanBotsFile.main(new String[0])));
    }

    @Test
    void shouldTradeTheBotsOfAFileInRealTime() throws Exception {
        ExampleOutputs.tradedInRealTime(printed(() -> RunBotsFile.main(new String[0])));
    }

    @Test
    void shouldFillOnePaperOrderInPartsAtReadablePrices() throws Exception {
        ExampleOutputs.tradedOnce(printed(() -> TradeOnASimulatedMarket.main(new String[0])));
    }

    @Test
    void shouldBacktestTheBotsOfAFileAndReplayTheSameTrades() throws Exception {
        ExampleOutputs.backtested(printed(() -> BacktestBotsFile.main(new String[0])));
    }

    @Test
    void shouldCheckThreeTokensWithTheBuiltInChecksAndOurOwn() throws Exception {
        ExampleOutputs.checkedSafety(printed(() -> CheckTokenSafety.main(new String[0])));
    }
}
