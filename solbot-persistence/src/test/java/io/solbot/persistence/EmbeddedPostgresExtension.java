package io.solbot.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 18 for integration tests: one embedded cluster per test JVM (started on first use, stopped when
 * the JVM exits), and a fresh database for each test class, so classes never see each other's rows. Test methods and
 * constructors receive it as a {@link TestDatabase} parameter.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, ParameterResolver {
    /** The database of one test class. */
    public record TestDatabase(String name, String jdbcUrl, DataSource dataSource) {}

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres cluster;

    private static EmbeddedPostgres cluster() {
        if (cluster == null) {
            synchronized (EmbeddedPostgresExtension.class) {
                if (cluster == null) {
                    try {
                        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                started.close();
                            } catch (IOException ignored) {
                                // the JVM is exiting; the data directory is temporary
                            }
                        }));
                        cluster = started;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
                    }
                }
            }
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String name = "test_" + COUNTER.incrementAndGet() + "_"
                + context.getRequiredTestClass().getSimpleName().toLowerCase();
        EmbeddedPostgres pg = cluster();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        context.getStore(ExtensionContext.Namespace.GLOBAL)
                .put(
                        TestDatabase.class,
                        new TestDatabase(name, pg.getJdbcUrl("postgres", name), pg.getDatabase("postgres", name)));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a method's store falls back to its class's store, where beforeAll put the database
        return context.getStore(ExtensionContext.Namespace.GLOBAL).get(TestDatabase.class, TestDatabase.class);
    }
}
