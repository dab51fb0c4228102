package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderFailureTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static OrderFailure failure(long fee, long tip) {
        return new OrderFailure(
                OrderId.of("o-1"), Mint.USDC, Side.SELL, "land", "reverted", AT, Lamports.of(fee), Lamports.of(tip));
    }

    @Test
    void shouldRefuseANegativeFeeOrTipNamingIt() {
        assertThatThrownBy(() -> failure(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fee cannot be negative");
        assertThatThrownBy(() -> failure(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tip cannot be negative");
    }

    @Test
    void shouldCostNothingWhenItNeverLanded() {
        OrderFailure unsent = new OrderFailure(OrderId.of("o-2"), Mint.USDC, Side.BUY, "send", "refused", AT);

        assertThat(unsent.fee()).isEqualTo(Lamports.ZERO);
        assertThat(unsent.tip()).isEqualTo(Lamports.ZERO);
        assertThat(failure(5_000, 1_000).fee()).isEqualTo(Lamports.of(5_000));
    }
}
