package io.solbot.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code solbot} command line. */
@Command(
        name = "solbot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runs Solana trading bots: paper trading by default.",
        subcommands = {
            RunCommand.class,
            StatusCommand.class,
            BacktestCommand.class,
            ValidateCommand.class,
            PluginsCommand.class,
            CheckCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that call it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"solbot " + (version == null ? "dev" : version)};
        }
    }
}
