package io.solbot.launcher;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.TextTable;
import io.solbot.core.domain.Mint;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.safety.SafetyVerdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the safety checks on tokens of the simulated market a paper run trades on (the same seed gives the same market)
 * and prints each check's outcome, weight and reason, the risk score and the decision.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Runs the token safety checks against the simulated market and prints the report: each check, "
                + "its outcome, weight and reason, the risk score and the decision. Without a MINT, checks every "
                + "token listed so far. Exit code 0 when every token checked is allowed, 1 when one is refused, 2 on "
                + "bad input.")
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

    private static void print(PrintWriter out, SimulatedMarket market, SafetyVerdict verdict) {
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
