package io.solbot.launcher;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.core.plugin.StrategyRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a bots file and prints every error, or the plan of what it would run. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a bots file (YAML or JSON) without starting anything.",
            "Prints every error with its line, bot and field (exit code 1), or the plan: per bot the amount per trade,"
                    + " max trades, maximum exposure and fee budget, per wallet the totals, and warnings for risky"
                    + " settings (exit code 0)."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bots file.")
    Path file;

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (BotsFileErrors.missing(file, err)) {
            return 2;
        }
        try (StrategyRegistry registry = plugins.registry()) {
            ConfigReport report = BotsFileLoader.using(registry).load(file);
            if (BotsFileErrors.refused(report, file, "", err)) {
                return 1;
            }
            out.println(file + ": valid");
            out.println();
            out.print(Plan.of(report.bots()).render());
            out.flush();
            return 0;
        }
    }
}
