package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {
    private static final String BONK = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

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
    void shouldPrintEachCheckWithItsOutcomeWeightAndReasonThenTheScoreAndDecision() {
        Result result = run("check", BONK, "--seed", "42", "--after", "1m");

        assertThat(result.out())
                .startsWith("Safety checks on the simulated market (seed 42, 1m after its start), buys refused from a "
                        + "risk of 50:")
                .containsPattern("(?m)^" + BONK + " \\(BONK\\): risk \\d+/100, (ALLOW|REFUSE)$")
                .containsPattern("(?m)^  CHECK +OUTCOME +WEIGHT +REASON$")
                .containsPattern("(?m)^  mint-authority +PASS +0 +the mint authority is renounced$")
                .containsPattern("(?m)^  freeze-authority +PASS +0 +the freeze authority is renounced$")
                .containsPattern("(?m)^  token-extensions +PASS +0 +an SPL Token mint: no extensions$")
                .containsPattern("(?m)^  top-holders +(PASS|FAIL) +\\d+ +the largest owner holds ")
                .containsPattern("(?m)^  liquidity +PASS +0 +the pool's depth is [0-9.]+ SOL, at least 10 SOL$")
                .containsPattern(
                        "(?m)^  honeypot +PASS +0 +a round trip of 0.1 SOL returns [0-9.]+ SOL, a loss of \\d+ "
                                + "bps; the sell lands when tried$");
        assertThat(result.exitCode()).isEqualTo(result.out().contains(", REFUSE") ? 1 : 0);
    }

    @Test
    void shouldCheckEveryListedTokenAndRefuseTheHoneypotsOfTheMarket() {
        Result result = run("check", "--seed", "7", "--after", "30m");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("(BONK): risk", "(JUP): risk", "(WIF): risk")
                .containsPattern("(?m)^  honeypot +FAIL +100 +a sell of what 0.1 SOL buys would revert: ")
                .containsPattern("(?m)^  token-extensions +FAIL +60 +the transfer hook program ");
    }

    @Test
    void shouldRefuseAMintThatIsNotBase58AndNameAMintTheMarketDoesNotList() {
        Result bad = run("check", "not-a-mint");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'not-a-mint' is not a mint address: base58 text that decodes to 32 bytes");

        Result unknown = run("check", "So11111111111111111111111111111111111111112", "--after", "1s");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("So11111111111111111111111111111111111111112 is not listed on this market");
    }
}
