package io.solbot.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's default database: a real PostgreSQL 18 from the zonky binaries, nothing to install, with a persistent
 * data directory so that a second run finds the first run's trades.
 *
 * <p>If the launcher was killed without a chance to stop it, its PostgreSQL server outlives it; the next start finds
 * the server still serving that data directory and port, and uses it.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres; // null when another process's server is used
    private final String jdbcUrl;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String jdbcUrl) {
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher closes it after its bots have stopped; zonky's own hook would stop it under them
                    .setRegisterShutdownHook(false)
                    // zonky's defaults trade durability for test speed; the launcher's trades must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return new EmbeddedDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " on port " + port
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The embedded database of {@code dataDirectory} for reading: the server a running launcher started there if it
     * answers (left running on close), else a server started here for the caller (stopped on close).
     *
     * @throws IllegalStateException if the directory holds no database
     */
    static EmbeddedDatabase attachOrStart(Path dataDirectory, int port) {
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            throw new IllegalStateException("There is no database in " + dataDirectory.toAbsolutePath()
                    + ": no bots have run with this runtime directory (--runtime), or they used --jdbc-url");
        }
        Optional<Integer> running = serverPort(dataDirectory);
        if (running.isPresent()) {
            String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres?user=postgres&connectTimeout=5";
            try (Connection ignored = DriverManager.getConnection(url)) {
                return new EmbeddedDatabase(null, url);
            } catch (SQLException e) {
                // a server that died without removing its pid file: start one below
            }
        }
        return start(dataDirectory, running.orElse(port));
    }

    /** The port in the server's pid file (its fourth line), if a server was started on the directory. */
    private static Optional<Integer> serverPort(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
