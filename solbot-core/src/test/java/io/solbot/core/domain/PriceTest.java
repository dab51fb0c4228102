package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceTest {
    @Test
    void shouldPriceASellForNothingAtExactlyZero() {
        Price zero = Price.ofTrade(Lamports.ZERO, TokenAmount.of(1_000, 6));

        assertThat(zero).isEqualTo(Price.ZERO).isEqualTo(Price.of("0.000"));
        assertThat(zero.isZero()).isTrue();
        assertThat(zero.solFor(TokenAmount.of(1_000_000, 6))).isEqualTo(Lamports.ZERO);
        assertThat(zero.percentChangeFrom(Price.of("0.5"))).isEqualByComparingTo("-100");
        assertThat(zero.isBelow(Price.of("0.000000001"))).isTrue();
        assertThat(zero).hasToString("0");
    }

    @Test
    void shouldPrintTenSignificantDigitsAtMostAndKeepTheExactValue() {
        Price derived = Price.ofTrade(Lamports.of(1_000_000_000), TokenAmount.of(3, 0)); // 1 SOL for 3 tokens

        assertThat(derived.value().precision()).isEqualTo(34);
        assertThat(derived).hasToString("0.3333333333");
        assertThat(Price.ofTrade(Lamports.of(1), TokenAmount.of(7, 0))).hasToString("0.0000000001428571429");
        assertThat(Price.of("0.00000012")).hasToString("0.00000012");
        assertThat(Price.of("123456789012.5")).hasToString("123456789000");
        assertThat(Price.of("1.00")).hasToString("1");
        assertThat(Price.of(derived.toString())).isNotEqualTo(derived);
    }

    @Test
    void shouldRefuseToDivideByAZeroPrice() {
        assertThatThrownBy(() -> Price.ZERO.tokensFor(Lamports.of(1), 6))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("price of 0");
        assertThatThrownBy(() -> Price.of("1").percentChangeFrom(Price.ZERO))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("no percent change from a price of 0");
    }

    @Test
    void shouldRefuseATradePriceWithoutTokensOrWithNegativeSol() {
        assertThatThrownBy(() -> Price.ofTrade(Lamports.of(1), TokenAmount.zero(6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Price.ofTrade(Lamports.of(-1), TokenAmount.of(1, 6)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
