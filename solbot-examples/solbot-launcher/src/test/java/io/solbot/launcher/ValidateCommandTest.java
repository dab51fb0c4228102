package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    @Test
    void shouldPrintThePlanOfTheExampleBotsFile() {
        Result result = run("validate", "bots.yaml");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("bots.yaml: valid")
                .contains("Plan: 6 bots")
                .containsPattern("(?m)^sniper-trending +sniper +main +0\\.05 SOL +10 +0\\.5 SOL +0\\.0003 SOL$")
                .containsPattern("(?m)^treasury-rebalance +rebalancer +treasury +from balance +\\d+ +wallet balance")
                .containsPattern("(?m)^main +3 +0\\.8 SOL +0\\.00055 SOL$")
                .containsPattern("(?m)^treasury +1 +wallet balance +0\\.00008 SOL$")
                .contains("bot 'chad-bonk': slippage is 12 %, above 10 %")
                .contains("bot 'chad-bonk': safety checks are off (chad mode never runs them)");
    }

    @Test
    void shouldPrintEveryErrorAndFail() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), """
                bots:
                  - id: s1
                    mode: snipr
                    config: {}
                  - id: s2
                    mode: sniper
                    config:
                      amountToSpend: 0
                      slippage: 150
                      interval: 30
                      maxTrades: 25
                      stopLos: 5
                """);

        Result result = run("validate", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("bad.yaml: 6 errors")
                .contains("bot 's2': tokenFeed or monitoredTokens is required")
                .contains("line 3, column 11: bot 's1': mode 'snipr' is not a known strategy: did you mean 'sniper'?")
                .contains("line 8, column 22: bot 's2': amountToSpend must be greater than 0 SOL, but was 0")
                .contains("line 9, column 17: bot 's2': slippage must be between 0.01 and 99 %, but was 150")
                .contains("line 11, column 18: bot 's2': maxTrades must be between 1 and 20, but was 25")
                .contains("line 12, column 16: bot 's2': stopLos is not a known field; did you mean 'stopLoss'?");
    }

    @Test
    void shouldReportAParseErrorWithItsLineAndColumn() throws IOException {
        Path file = Files.writeString(
                tmp.resolve("broken.json"), "{\"bots\": [\n  {\"mode\": \"sniper\" \"config\": {}}\n]}");

        Result result = run("validate", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("line 2, column 21: the file is not valid JSON");
    }

    @Test
    void shouldFailClearlyWhenTheFileIsMissing() {
        Result result = run("validate", tmp.resolve("absent.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("absent.yaml does not exist or is not a file");
    }

    @Test
    void shouldListEveryBuiltInStrategyAsOneThatTrades() {
        Result result = run("plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .doesNotContain("validation only")
                .containsPattern("(?m)^turbo-sniper .*Low-latency sniper: priority fees, Jito tips, probe buys.*$")
                .containsPattern("(?m)^turbo-paper-trader .*The turbo sniper on paper.*$")
                .containsPattern("(?m)^trend-follower .*Buys aligned EMA trends with a trailing stop$");
    }
}
