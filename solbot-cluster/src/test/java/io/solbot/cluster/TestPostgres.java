package io.solbot.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM, and a fresh database for each caller of {@link #newDatabase}. */
final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres cluster;

    private TestPostgres() {}

    static synchronized int port() {
        if (cluster == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM exits; the data directory is temporary
                    }
                }));
                cluster = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return cluster.getPort();
    }

    /** Creates a database and returns its name. */
    static String newDatabase(String prefix) throws SQLException {
        port();
        String name = prefix + "_" + COUNTER.incrementAndGet();
        try (Connection c = cluster.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** A JDBC URL of {@code database} through {@code port} (the database's own, or a link's). */
    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }
}
