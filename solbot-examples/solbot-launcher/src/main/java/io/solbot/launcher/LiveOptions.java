package io.solbot.launcher;

import io.solbot.core.execution.LiveExecutor;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.market.LiveMarket;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.KeypairException;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.pubsub.PubSubClient;
import io.solbot.core.solana.pubsub.PubSubSettings;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of live trading, which spends real funds: off unless {@code --live} is given with a keypair and an RPC
 * URL, and refused when a live option comes without {@code --live} (a run that looks live but trades on paper, or the
 * other way round, is worse than one that does not start).
 */
final class LiveOptions {
    @Option(
            names = "--live",
            description = "Trade on Solana with real funds instead of paper trading. Needs --keypair or"
                    + " --keypair-env, and --rpc-url.")
    boolean live;

    @Option(
            names = "--keypair",
            paramLabel = "FILE",
            description = "The wallet's Solana CLI keypair file, with --live.")
    Path keypairFile;

    @Option(
            names = "--keypair-env",
            paramLabel = "VAR",
            description = "An environment variable holding the wallet's base58 secret key, with --live.")
    String keypairEnv;

    @Option(
            names = "--rpc-url",
            paramLabel = "URL",
            description = "The Solana RPC node (HTTP JSON-RPC), with --live; never printed beyond its host.")
    URI rpcUrl;

    @Option(
            names = "--ws-url",
            paramLabel = "URL",
            description = "The node's websocket, with --live, for pump.fun launches (default: none).")
    URI wsUrl;

    @Option(
            names = "--jupiter-url",
            paramLabel = "URL",
            defaultValue = "https://api.jup.ag",
            description = "Jupiter's API, with --live (default: ${DEFAULT-VALUE}).")
    URI jupiterUrl;

    @Option(
            names = "--jupiter-key-env",
            paramLabel = "VAR",
            description = "An environment variable holding a Jupiter API key, with --live (default: keyless, 0.5"
                    + " requests a second).")
    String jupiterKeyEnv;

    @Option(
            names = "--rpc-rps",
            paramLabel = "N",
            defaultValue = "10",
            description = "Requests a second the RPC provider allows, with --live (default: ${DEFAULT-VALUE}).")
    double rpcRps;

    /** What a live run trades with, made from valid options. */
    record Live(Keypair keypair, LiveMarket market, LiveExecutor executor, PubSubClient pubSub)
            implements AutoCloseable {
        @Override
        public void close() {
            executor.close();
            if (pubSub != null) {
                pubSub.close();
            }
        }
    }

    /**
     * The wallet of a live run, or empty for paper trading.
     *
     * @throws ParameterException naming the missing or misplaced option, or why the key cannot be read
     */
    Optional<Keypair> wallet(CommandLine cli, Function<String, String> environment) {
        boolean anyLive =
                keypairFile != null || keypairEnv != null || rpcUrl != null || wsUrl != null || jupiterKeyEnv != null;
        if (!live) {
            if (anyLive) {
                throw new ParameterException(
                        cli,
                        "--keypair, --keypair-env, --rpc-url, --ws-url and --jupiter-key-env"
                                + " are for live trading and need --live; without it the run trades on paper");
            }
            return Optional.empty();
        }
        if ((keypairFile == null) == (keypairEnv == null) || rpcUrl == null) {
            throw new ParameterException(
                    cli, "--live needs exactly one of --keypair FILE and --keypair-env VAR, and" + " --rpc-url URL");
        }
        try {
            return Optional.of(
                    keypairFile != null
                            ? Keypair.fromFile(keypairFile)
                            : Keypair.fromEnvironment(keypairEnv, environment));
        } catch (KeypairException e) {
            throw new ParameterException(cli, e.getMessage());
        }
    }

    /** The market and executor of a live run for {@code keypair}, journalling under {@code runtime}. */
    Live start(Keypair keypair, Path runtime, Function<String, String> environment) {
        Optional<String> jupiterKey =
                Optional.ofNullable(jupiterKeyEnv).map(environment).filter(k -> !k.isBlank());
        JupiterClient jupiter =
                new JupiterClient(JupiterSettings.of(jupiterUrl, jupiterKey, jupiterKey.isPresent() ? 1 : 0.5));
        SolanaRpc rpc = new SolanaRpc(RpcSettings.of(rpcUrl, rpcRps));
        LiveMarket market = new LiveMarket(jupiter, rpc);
        PubSubClient pubSub = null;
        if (wsUrl != null) {
            pubSub = new PubSubClient(PubSubSettings.of(wsUrl));
            pubSub.start();
            market.listenForLaunches(pubSub);
        }
        LiveExecutor executor = LiveExecutor.builder(
                        jupiter.metis(),
                        rpc,
                        new TransactionSigner(keypair, SigningPolicy.jupiterSwaps()),
                        runtime.resolve("live").resolve("executions.jsonl"))
                .build();
        return new Live(keypair, market, executor, pubSub);
    }

    /** The warning a live run prints before its first order: which wallet pays, through which node. */
    void warn(Keypair keypair, PrintWriter err) {
        err.println("WARNING: LIVE TRADING. Orders spend real funds from wallet " + keypair.address()
                + ", sent through " + rpcUrl.getScheme() + "://" + rpcUrl.getHost() + " and priced by "
                + jupiterUrl.getHost() + ".");
        err.flush();
    }
}
