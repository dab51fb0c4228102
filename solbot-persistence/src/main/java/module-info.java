/**
 * solbot's PostgreSQL stores (Flyway, jOOQ, HikariCP), their read models, and the lockfile journal.
 *
 * <p>Every exported package is API. {@code io.solbot.persistence.internal} (the row mapping and the generated jOOQ
 * classes) is not exported and changes with every migration.
 */
// flyway.core and org.postgresql.jdbc are automatic modules
@SuppressWarnings("requires-automatic")
module io.solbot.persistence {
    requires transitive io.solbot.core;
    // PostgresDatabase.dsl() returns a DSLContext, dataSource() a DataSource
    requires transitive org.jooq;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    // Flyway 10 and later has no module name of its own: this is the name derived from the jar's file name
    requires flyway.core;
    requires org.postgresql.jdbc;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.solbot.persistence;
    exports io.solbot.persistence.journal;
    exports io.solbot.persistence.readmodel;

    // Flyway reads the migration scripts as resources of this module
    opens db.migration;
    // jOOQ instantiates the generated record classes
    opens io.solbot.persistence.internal.db.tables.records to
            org.jooq;

    // the lockfile records Jackson binds
    opens io.solbot.persistence.journal to
            com.fasterxml.jackson.databind;
}
