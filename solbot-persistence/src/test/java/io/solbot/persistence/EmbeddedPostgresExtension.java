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

    /** The port of the embedded server on 127.0.0.1 (started on first use), for a test that connects through a proxy. */
    public static int port() {
        return cluster().getPort();
    }

    /**
     * Creates a fresh database, for a test that needs more than its class's: its name is {@code prefix}, an underscore
     * and a number unique in this JVM.
     *
     * @return the name of the database
     */
    public static String newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + COUNTER.incrementAndGet();
        create(name);
        return name;
    }

    private static void create(String name) throws SQLException {
        try (Connection c = cluster().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String name = "test_" + COUNTER.incrementAndGet() + "_"
                + context.getRequiredTestClass().getSimpleName().toLowerCase();
        create(name);
        EmbeddedPostgres pg = cluster();
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
