package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeSolanaRpc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LiveOptionsTest {
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");

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
    void shouldRefuseLiveWithoutAKeypairAndAnRpcUrl() {
        Result result = run("run", "--config", "bots.yaml", "--live", "--rpc-url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--live needs exactly one of --keypair FILE and --keypair-env VAR, and --rpc-url URL");
    }

    @Test
    void shouldRefuseLiveOptionsWithoutLive() {
        Result result = run("run", "--config", "bots.yaml", "--rpc-url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("are for live trading and need --live; without it the run trades on paper");
    }

    @Test
    void shouldRefuseAKeypairThatCannotBeReadWithoutShowingIt() throws Exception {
        byte[] secret = new byte[64];
        secret[0] = 42;
        Path bad = Files.writeString(tmp.resolve("id.json"), "[" + "1,".repeat(63) + "1]");

        Result result = run(
                "run",
                "--config",
                "bots.yaml",
                "--live",
                "--keypair",
                bad.toString(),
                "--rpc-url",
                "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("keypair file " + bad + " is not a keypair")
                .doesNotContain("1,1,1");
    }

    @Test
    void shouldWarnNamingTheWalletAndTradeThroughTheGivenNode() throws Exception {
        byte[] seed = new byte[32];
        seed[5] = 9;
        Keypair keypair = Keypair.fromSeed(seed);
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter()) {
            jupiter.price(TOKEN, 1_000, 40_000).chain(node::blockhash, node::lastValidBlockHeight);
            byte[] mint = new byte[82];
            mint[44] = 6;
            node.account(Address.of(TOKEN.address()), mint);
            LiveOptions options = new LiveOptions();
            options.live = true;
            options.keypairEnv = "SOLBOT_KEY";
            options.rpcUrl = URI.create(node.uri() + "/?api-key=provider-secret");
            options.jupiterUrl = jupiter.uri();
            options.rpcRps = 100;
            Map<String, String> env = Map.of("SOLBOT_KEY", Base58.encode(seed));
            CommandLine cli = Main.commandLine();

            Keypair wallet = options.wallet(cli, env::get).orElseThrow();
            StringWriter err = new StringWriter();
            options.warn(wallet, new PrintWriter(err));
            try (LiveOptions.Live live = options.start(wallet, tmp, env::get)) {
                assertThat(live.executor()
                                .quote(TOKEN, Side.BUY, Lamports.of(1_000_000).toTokenAmount(), 100)
                                .orElseThrow()
                                .expectedOut()
                                .raw())
                        .isEqualTo(java.math.BigInteger.valueOf(40_000_000));
            }

            assertThat(wallet.address()).isEqualTo(keypair.address());
            assertThat(err.toString())
                    .startsWith("WARNING: LIVE TRADING. Orders spend real funds from wallet " + keypair.address())
                    .contains("http://127.0.0.1")
                    .doesNotContain("provider-secret")
                    .doesNotContain(Base58.encode(seed));
            assertThat(Files.exists(tmp.resolve("live").resolve("executions.jsonl")))
                    .isTrue();
        }
    }
}
