package io.solbot.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TradeQueryTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void shouldRefuseALimitOutsideOneToOneThousandNamingIt() {
        for (int limit : new int[] {0, -1, 1_001, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> TradeQuery.all().limit(limit))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be between 1 and 1000, but was " + limit);
        }
        assertThat(TradeQuery.all().limit(1).limit()).isEqualTo(1);
        assertThat(TradeQuery.all().limit(1_000).limit()).isEqualTo(1_000);
    }

    @Test
    void shouldRefuseAFromAfterTheToWhicheverIsSetFirst() {
        Instant later = NOON.plusNanos(1);

        assertThatThrownBy(() -> TradeQuery.all().since(later).before(NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must not be after to, but from was 2026-03-01T12:00:00.000000001Z and to"
                        + " 2026-03-01T12:00:00Z");
        assertThatThrownBy(() -> TradeQuery.all().before(NOON).since(later))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("from must not be after to");
        assertThat(TradeQuery.all().since(NOON).before(NOON).from()).contains(NOON);
    }
}
