package io.solbot.strategies.copytrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldReadBackWhatItWroteAndForgetIdsTheLookBackNoLongerReaches() {
        Follow follow = Follow.startingAt(T0);
        assertThat(follow.isNew("a", T0.minusMillis(1))).isFalse(); // before it was followed
        assertThat(follow.readAfter()).isEqualTo(T0.minusMillis(1));

        follow.handled("a", T0.plusSeconds(1));
        follow.handled("b@x", T0.plusSeconds(100));
        Follow read = Follow.parse(follow.toString());
        assertThat(read.toString()).isEqualTo(follow.toString());
        assertThat(read.isNew("a", T0.plusSeconds(1))).isFalse();
        assertThat(read.isNew("b@x", T0.plusSeconds(100))).isFalse();
        assertThat(read.isNew("c", T0.plusSeconds(100))).isTrue();

        // two minutes after "a", it is out of every later read, so its id goes
        read.handled("d", T0.plusSeconds(122));
        assertThat(read.toString()).isEqualTo("1767225600000 1767225722000 b@x@1767225700000 d@1767225722000");
        assertThat(read.readAfter()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void shouldSayWhatAFollowStateLooksLikeWhenItCannotReadOne() {
        assertThatThrownBy(() -> Follow.parse("yesterday"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a copy trader's follow state is '<since> <cursor> <id>@<ms>...', but was 'yesterday'");
    }
}
