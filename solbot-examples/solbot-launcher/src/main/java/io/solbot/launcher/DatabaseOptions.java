package io.solbot.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say where a command's bots live: the runtime directory (lockfiles, the embedded database) and the
 * database, the embedded PostgreSQL in {@code <runtime>/pgdata} unless {@code --jdbc-url} names another. The password
 * of another database comes from the environment, never from the command line, where {@code ps} would show it.
 */
final class DatabaseOptions {
    /** The environment variable holding the password of the {@code --jdbc-url} database. */
    static final String PASSWORD_VARIABLE = "SOLBOT_DB_PASSWORD";

    @Option(
            names = {"--jdbc-url", "--db-url"},
            paramLabel = "URL",
            description = "PostgreSQL to use instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/solbot;"
                    + " the password comes from the environment variable " + PASSWORD_VARIABLE + ".")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user, with --jdbc-url.")
    String dbUser;

    @Option(
            names = "--runtime",
            paramLabel = "DIR",
            defaultValue = "runtime",
            description = "Where lockfiles and the embedded database live (default: ${DEFAULT-VALUE}).")
    Path runtime;

    @Option(
            names = "--db-port",
            paramLabel = "PORT",
            defaultValue = "54329",
            description = "Port of the embedded database on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int dbPort;

    boolean embedded() {
        return jdbcUrl == null;
    }

    Path dataDirectory() {
        return runtime.resolve("pgdata");
    }

    static String password() {
        return System.getenv(PASSWORD_VARIABLE);
    }
}
