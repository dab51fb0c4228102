package io.solbot.launcher;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.TextTable;
import io.solbot.core.domain.Mint;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.JupiterQuoter;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.LiveMarket;
import io.solbot.core.market.MarketData;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.safety.SafetyVerdict;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the safety checks on tokens of the simulated market a paper run trades on (the same seed gives the same market),
 * or with {@code --rpc-url} on live data (accounts and holders from the RPC node, prices, liquidity and the honeypot
 * probe's quotes from Jupiter; nothing is signed or sent), and prints each check's outcome, weight and reason, the
 * risk score and the decision.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Runs the token safety checks against the simulated market, or live data with --rpc-url, and "
                + "prints the report: each check, its outcome, weight and reason, the risk score and the decision. "
                + "Without a MINT, checks every token the simulated market listed so far. Exit code 0 when every token "
                + "checked is allowed, 1 when one is refused, 2 on bad input.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "MINT", description = "The token(s) to check, base58 mint addresses.")
    List<String> mints = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated market (as for run).")
    long seed;

    @Option(
            names = "--after",
            defaultValue = "10m",
            paramLabel = "DURATION",
            description = "How long the simulated market runs before the check (e.g. 30s, 10m, 2h); default 10m.")
    String after;

    @Option(
            names = "--rpc-url",
            paramLabel = "URL",
            description = "Check on live data from this Solana RPC node (HTTP JSON-RPC) instead of the simulated"
                    + " market; reads only, never printed beyond its host.")
    URI rpcUrl;

    @Option(
            names = "--jupiter-url",
            paramLabel = "URL",
            description =
                    "Jupiter's API for prices, liquidity and quotes, with --rpc-url (default: https://api.jup.ag).")
    URI jupiterUrl;

    @Option(
            names = "--jupiter-key-env",
            paramLabel = "VAR",
            description = "An environment variable holding a Jupiter API key, with --rpc-url (default: keyless).")
    String jupiterKeyEnv;

    @Option(
            names = "--rpc-rps",
            paramLabel = "N",
            description = "Requests a second the RPC provider allows, with --rpc-url (default: 10).")
    Double rpcRps;

    @Option(
            names = "--jupiter-rps",
            paramLabel = "N",
            description = "Requests a second Jupiter allows, with --rpc-url (default: 1 with a key, 0.5 keyless).")
    Double jupiterRps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration runFor = Durations.parse(spec.commandLine(), "--after", after);
        List<Mint> wanted = new ArrayList<>();
        for (String text : mints) {
            if (!Mint.isValid(text)) {
                err.println("'" + text + "' is not a mint address: base58 text that decodes to 32 bytes");
                err.flush();
                return 2;
            }
            wanted.add(Mint.of(text));
        }
        var parsed = spec.commandLine().getParseResult();
        if (rpcUrl == null && (jupiterUrl != null || jupiterKeyEnv != null || rpcRps != null || jupiterRps != null)) {
            err.println("--jupiter-url, --jupiter-key-env, --rpc-rps and --jupiter-rps check on live data and need"
                    + " --rpc-url");
            err.flush();
            return 2;
        }
        if (rpcUrl != null) {
            if (parsed.hasMatchedOption("--seed") || parsed.hasMatchedOption("--after")) {
                err.println("--seed and --after set up the simulated market; with --rpc-url the checks read live data");
                err.flush();
                return 2;
            }
            if (wanted.isEmpty()) {
                err.println("with --rpc-url, name the MINT(s) to check: a live chain has no list of its tokens");
                err.flush();
                return 2;
            }
            return live(wanted, out);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(seed, start), Listing.WELL_KNOWN)) {
            market.advanceTo(start.plus(runFor));
            PaperExecutor executor = PaperExecutor.builder(
                            PaperSettings.defaults(seed).withExecModel(ExecModel.AMM_DEPTH), market)
                    .build();
            SafetyGate gate = SafetyGate.builder(market)
                    .executor(executor)
                    .clock(market::now)
                    .build();
            List<Mint> checked = wanted.isEmpty() ? market.mints() : wanted;
            out.println("Safety checks on the simulated market (seed " + seed + ", " + Durations.format(runFor)
                    + " after its start), buys refused from a risk of "
                    + gate.limits().maxRisk() + ":");
            boolean refused = false;
            for (Mint mint : checked) {
                out.println();
                if (market.pool(mint).isEmpty()) {
                    out.println(mint + " is not listed on this market");
                    refused = true;
                    continue;
                }
                SafetyVerdict verdict = gate.verdict(mint, SafetyChoice.ALL);
                refused |= !verdict.allows();
                print(out, market, verdict);
            }
            out.flush();
            return refused ? 1 : 0;
        }
    }

    /** Checks {@code wanted} on live data: the RPC node and Jupiter, read only. */
    private int live(List<Mint> wanted, PrintWriter out) {
        URI jupiter = jupiterUrl == null ? URI.create("https://api.jup.ag") : jupiterUrl;
        Optional<String> key =
                Optional.ofNullable(jupiterKeyEnv).map(System::getenv).filter(k -> !k.isBlank());
        double jupiterLimit = jupiterRps != null ? jupiterRps : key.isPresent() ? 1 : 0.5;
        JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter, key, jupiterLimit));
        SolanaRpc rpc = new SolanaRpc(RpcSettings.of(rpcUrl, rpcRps != null ? rpcRps : 10));
        LiveMarket market = new LiveMarket(client, rpc);
        SafetyGate gate = SafetyGate.builder(market)
                .executor(new JupiterQuoter(client.metis(), rpc, InstantSource.system()))
                .build();
        out.println("Safety checks on live data (RPC " + rpcUrl.getHost() + ", Jupiter " + jupiter.getHost()
                + "), buys refused from a risk of " + gate.limits().maxRisk() + ":");
        boolean refused = false;
        for (Mint mint : wanted) {
            out.println();
            SafetyVerdict verdict = gate.verdict(mint, SafetyChoice.ALL);
            refused |= !verdict.allows();
            print(out, market, verdict);
        }
        out.flush();
        return refused ? 1 : 0;
    }

    private static void print(PrintWriter out, MarketData market, SafetyVerdict verdict) {
        String symbol = market.tokenInfo(verdict.mint())
                .map(i -> " (" + i.symbol() + ")")
                .orElse("");
        out.println(verdict.mint() + symbol + ": risk " + verdict.riskScore() + "/100, " + verdict.decision());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CHECK", "OUTCOME", "WEIGHT", "REASON"});
        for (SafetyVerdict.Item item : verdict.items()) {
            rows.add(new String[] {
                item.check(),
                item.result().outcome().name(),
                String.valueOf(item.result().weight()),
                item.result().reason()
            });
        }
        TextTable.lines(rows).forEach(line -> out.println("  " + line));
    }
}
