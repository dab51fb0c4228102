package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Address;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeLedger;
import io.solbot.core.testing.FakeSolanaRpc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code check MINT --rpc-url URL --jupiter-url URL}: the same report as on the simulated market, from live reads. */
class CheckLiveTest {
    private static final Mint GOOD = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Mint RUG = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
    private static final Address RAYDIUM_AUTHORITY = Address.of("5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1");

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

    private static Address address(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return Address.ofBytes(bytes);
    }

    private static String signature(int seed) {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) seed);
        return io.solbot.core.domain.Base58.encode(bytes);
    }

    private static BigInteger whole(long tokens) {
        return BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(1_000_000));
    }

    @Test
    void shouldPrintTheReportOfLiveTokensReadFromTheNodeAndJupiter() {
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter()) {
            FakeLedger ledger = new FakeLedger(node);
            // GOOD: authorities renounced, 60 % in a Raydium pool, ten holders of 1 % each, deep and sellable
            ledger.mint(GOOD, Address.TOKEN_PROGRAM, 6, whole(10_000_000), null);
            ledger.tokenAccount(address(10), Address.TOKEN_PROGRAM, GOOD, RAYDIUM_AUTHORITY, whole(6_000_000));
            for (int i = 0; i < 10; i++) {
                ledger.tokenAccount(address(20 + i), Address.TOKEN_PROGRAM, GOOD, address(40 + i), whole(100_000));
            }
            // RUG: a mint authority kept, one wallet with 90 %, no route
            ledger.mint(RUG, Address.TOKEN_PROGRAM, 6, whole(1_000_000), address(60));
            ledger.tokenAccount(address(11), Address.TOKEN_PROGRAM, RUG, address(61), whole(900_000));
            ledger.tokenAccount(address(12), Address.TOKEN_PROGRAM, RUG, RAYDIUM_AUTHORITY, whole(100_000));
            // each mint's history: its creation, which dates the token
            ledger.signature(Address.of(GOOD.address()), signature(1), 100, 1_764_000_000L, null);
            ledger.signature(Address.of(RUG.address()), signature(2), 101, 1_764_000_100L, null);
            jupiter.usdPrice(Mint.WRAPPED_SOL, new BigDecimal("150"))
                    .usdPrice(GOOD, new BigDecimal("0.0003"))
                    .liquidity(GOOD, new BigDecimal("30000"))
                    .price(GOOD, 1_000, 40_000)
                    .usdPrice(RUG, new BigDecimal("0.01"))
                    .liquidity(RUG, new BigDecimal("300"))
                    .untradable(RUG);

            Result result = run(
                    "check",
                    GOOD.address(),
                    RUG.address(),
                    "--rpc-url",
                    node.uri() + "/?api-key=provider-secret",
                    "--jupiter-url",
                    jupiter.uri().toString(),
                    "--rpc-rps",
                    "1000",
                    "--jupiter-rps",
                    "1000");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out())
                    .startsWith(
                            "Safety checks on live data (RPC 127.0.0.1, Jupiter 127.0.0.1), buys refused from a risk"
                                    + " of 50:")
                    .doesNotContain("provider-secret")
                    .containsPattern("(?m)^" + GOOD + " \\(DezX\\): risk 0/100, ALLOW$")
                    .containsPattern("(?m)^  mint-authority +PASS +0 +the mint authority is renounced$")
                    .containsPattern("(?m)^  top-holders +PASS +0 +the largest owner holds 2.50 % and the ten largest"
                            + " 25.00 % of the circulating supply")
                    .containsPattern("(?m)^  liquidity +PASS +0 +the pool's depth is 200 SOL, at least 10 SOL$")
                    .containsPattern(
                            "(?m)^  honeypot +PASS +0 +a round trip of 0.1 SOL returns 0.1 SOL, a loss of 0 bps$")
                    .containsPattern("(?m)^" + RUG + " \\(JUPy\\): risk \\d+/100, REFUSE$")
                    .containsPattern("(?m)^  mint-authority +FAIL ")
                    .containsPattern("(?m)^  top-holders +FAIL +50 +the largest owner holds 100.00 %")
                    .containsPattern(
                            "(?m)^  liquidity +FAIL +70 +the pool's depth is 2 SOL, below the minimum of 10 SOL$")
                    .containsPattern("(?m)^  honeypot +FAIL +100 +no route buys the token with 0.1 SOL$");
            // nothing was signed or sent
            assertThat(node.calls("sendTransaction")).isZero();
            assertThat(jupiter.transactionsBuilt()).isZero();
        }
    }

    @Test
    void shouldRefuseLiveCheckingWithoutAMintOrWithTheSimulatedMarketsOptions() {
        assertThat(run("check", "--rpc-url", "http://127.0.0.1:1").err())
                .contains("with --rpc-url, name the MINT(s) to check");
        Result seeded = run("check", GOOD.address(), "--rpc-url", "http://127.0.0.1:1", "--seed", "7");
        assertThat(seeded.exitCode()).isEqualTo(2);
        assertThat(seeded.err()).contains("--seed and --after set up the simulated market");
        assertThat(run("check", GOOD.address(), "--jupiter-url", "http://127.0.0.1:1")
                        .err())
                .contains("need --rpc-url");
    }
}
