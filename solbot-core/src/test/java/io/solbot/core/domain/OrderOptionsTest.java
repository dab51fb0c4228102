package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderOptionsTest {
    @Test
    void shouldSetNothingByDefaultAndEachOptionWithItsWither() {
        OrderOptions options = OrderOptions.NONE
                .withSlippageBps(300)
                .withPriorityFee(Lamports.of(15_000))
                .withJitoTip(Lamports.of(10_000))
                .withWallet("w2")
                .withReason("take-profit");

        assertThat(OrderOptions.NONE.isEmpty()).isTrue();
        assertThat(OrderOptions.NONE.slippageBps()).isEmpty();
        assertThat(options.isEmpty()).isFalse();
        assertThat(options.slippageBps()).hasValue(300);
        assertThat(options.priorityFee()).contains(Lamports.of(15_000));
        assertThat(options.jitoTip()).contains(Lamports.of(10_000));
        assertThat(options.wallet()).contains("w2");
        assertThat(options.reason()).contains("take-profit");
        assertThat(options)
                .isEqualTo(OrderOptions.NONE
                        .withReason("take-profit")
                        .withWallet("w2")
                        .withJitoTip(Lamports.of(10_000))
                        .withPriorityFee(Lamports.of(15_000))
                        .withSlippageBps(300));
        assertThat(options.toString())
                .isEqualTo("OrderOptions[slippageBps=300, priorityFee=15000 lamports, jitoTip=10000 lamports,"
                        + " wallet=w2, reason=take-profit]");
    }

    @Test
    void shouldNeverLetAnOrderAcceptMoreThanAllOfItsValueInSlippage() {
        assertThat(OrderOptions.NONE.withSlippageBps(10_000).slippageBps()).hasValue(10_000);
        assertThatThrownBy(() -> OrderOptions.NONE.withSlippageBps(10_001))
                .hasMessage("slippageBps must be between 0 and 10000, but was 10001");
        assertThatThrownBy(() -> OrderOptions.NONE.withSlippageBps(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNegativeFeesAndBadLabelsAndReasons() {
        assertThatThrownBy(() -> OrderOptions.NONE.withPriorityFee(Lamports.of(-1)))
                .hasMessage("priorityFee cannot be negative, but was -1 lamports");
        assertThatThrownBy(() -> OrderOptions.NONE.withJitoTip(Lamports.of(-1)))
                .hasMessage("jitoTip cannot be negative, but was -1 lamports");
        assertThatThrownBy(() -> OrderOptions.NONE.withWallet(" ")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> OrderOptions.NONE.withWallet(" w1")).hasMessageContaining("no spaces around it");
        assertThatThrownBy(() -> OrderOptions.NONE.withWallet("w".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderOptions.NONE.withReason("Take Profit"))
                .hasMessage("a reason is 1 to 32 lower-case letters, digits and '-', starting with a letter, but was"
                        + " 'Take Profit'");
        assertThatThrownBy(() -> OrderOptions.NONE.withReason("x".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
