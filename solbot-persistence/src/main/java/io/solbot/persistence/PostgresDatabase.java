package io.solbot.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * solbot's PostgreSQL database: a HikariCP pool, the schema brought up to date by Flyway on {@link #open}, and a
 * jOOQ context over it. Thread-safe; close it to close the pool.
 */
public final class PostgresDatabase implements AutoCloseable {
    static {
        quietJooqByDefault();
    }

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(
                dataSource,
                SQLDialect.POSTGRES,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /**
     * Connects to {@code jdbcUrl}, migrates the schema to the newest version, and returns the database.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} URL; it may carry the user, but the password should come from
     *     {@code password} so that it never appears in a URL that could be logged
     * @param user the user, or null to take it from the URL
     * @param password the password, or null
     * @param maxPoolSize connections in the pool, at least 1
     */
    public static PostgresDatabase open(String jdbcUrl, String user, String password, int maxPoolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("solbot needs a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, but was " + maxPoolSize);
        }
        // Flyway on its own connections: it holds a lock connection while it migrates, more than a pool of 1 has
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setPoolName("solbot-db");
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        // fail fast when the database is down, so callers can journal and retry instead of blocking a thread
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return new PostgresDatabase(new HikariDataSource(config));
    }

    /**
     * Turns off jOOQ's banner and its "tip of the day", unless the host chose otherwise.
     *
     * <p>jOOQ logs both at INFO when it renders its first query, unless {@code org.jooq.no-logo} and
     * {@code org.jooq.no-tips} are true: lines an embedder did not ask for, in the host's log. A value the host set,
     * true or false, is left as it is. Runs before this class makes its first jOOQ context.
     */
    private static void quietJooqByDefault() {
        for (String property : new String[] {"org.jooq.no-logo", "org.jooq.no-tips"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "true");
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** jOOQ over the pool, rendering names unquoted for PostgreSQL. */
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
