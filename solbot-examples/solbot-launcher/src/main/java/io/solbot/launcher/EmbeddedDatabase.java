package io.solbot.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's default database: a real PostgreSQL 18 from the zonky binaries, nothing to install, with a persistent
 * data directory so that a second run finds the first run's trades.
 *
 * <p>If the launcher was killed without a chance to stop it, its PostgreSQL server outlives it; the next start finds
 * the server still serving that data directory and port, and uses it.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher closes it after its bots have stopped; zonky's own hook would stop it under them
                    .setRegisterShutdownHook(false)
                    // zonky's defaults trade durability for test speed; the launcher's trades must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " on port " + port
                            + ": " + e.getMessage(),
                    e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
