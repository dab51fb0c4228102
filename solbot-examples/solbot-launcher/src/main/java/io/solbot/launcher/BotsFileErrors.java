package io.solbot.launcher;

import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Violation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the launcher's commands that read a bots file say it cannot be used: the same words from {@code validate} and
 * {@code backtest}, so that what one command says of a file the other says too.
 */
final class BotsFileErrors {
    private BotsFileErrors() {}

    /** Whether {@code file} is missing (or not a regular file), said on {@code err} if so. */
    static boolean missing(Path file, PrintWriter err) {
        if (Files.isRegularFile(file)) {
            return false;
        }
        err.println("The bots file " + file.toAbsolutePath() + " does not exist or is not a file");
        err.flush();
        return true;
    }

    /**
     * Whether {@code report} refuses {@code file}; if so, says on {@code err} how many errors it has, then {@code
     * consequence} (such as {@code "; nothing was run:"}, or empty), then each error on a line of its own.
     */
    static boolean refused(ConfigReport report, Path file, String consequence, PrintWriter err) {
        if (report.isValid()) {
            return false;
        }
        int n = report.violations().size();
        err.println(file + ": " + n + (n == 1 ? " error" : " errors") + consequence);
        for (Violation v : report.violations()) {
            err.println("  " + v.message());
        }
        err.flush();
        return true;
    }
}
