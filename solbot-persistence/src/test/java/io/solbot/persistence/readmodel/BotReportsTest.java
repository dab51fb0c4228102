package io.solbot.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class BotReportsTest {
    @Test
    void shouldGiveTheInnermostCauseAsTheReasonWithoutUrlsOrPasswords() {
        var e = new DataAccessException(
                "SQL [select 1]; Connection failed",
                new SQLException(
                        "Cannot connect to jdbc:postgresql://db:5432/solbot?password=hunter2\nsecond line",
                        new SQLException("Connection refused for user solbot, password=hunter2")));

        assertThat(BotReports.reason(e))
                .isEqualTo("database unreachable: Connection refused for user solbot, [redacted]");
        assertThat(BotReports.reason(new DataAccessException(
                        "x", new SQLException("Cannot connect to jdbc:postgresql://db:5432/solbot?password=hunter2"))))
                .isEqualTo("database unreachable: Cannot connect to [redacted]");
    }

    @Test
    void shouldShortenALongReasonToOneLine() {
        var e = new DataAccessException("x", new SQLException("a".repeat(500) + "\nmore"));

        assertThat(BotReports.reason(e))
                .hasSize("database unreachable: ".length() + 160)
                .endsWith("...");
    }
}
