package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAmountTest {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    @Test
    void shouldParseDecimalTextExactly() {
        assertThat(TokenAmount.parse("1.5", 6)).isEqualTo(TokenAmount.of(1_500_000, 6));
        assertThat(TokenAmount.parse("0.000001", 6).raw()).isEqualTo(BigInteger.ONE);
        assertThat(TokenAmount.parse("18446744073709.551615", 6).raw()).isEqualTo(U64_MAX);
        assertThat(TokenAmount.parse(" 42 ", 0).raw()).isEqualTo(BigInteger.valueOf(42));
    }

    @Test
    void shouldRefuseTextThatWouldHaveToBeRounded() {
        assertThatThrownBy(() -> TokenAmount.parse("1.0000001", 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1.0000001 has more than 6 decimals and cannot be held exactly");
        assertThatThrownBy(() -> TokenAmount.parse("NaN", 6)).hasMessageContaining("'NaN' is not a decimal number");
        assertThatThrownBy(() -> TokenAmount.parse("1e400", 6)).hasMessageContaining("is not a decimal number");
        assertThatThrownBy(() -> TokenAmount.parse("1".repeat(79), 0)).hasMessageContaining("at most 78");
        assertThatThrownBy(() -> TokenAmount.parse("1.", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenAmount.parse(".", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenAmount.parse(".5", 1).raw()).isEqualTo(BigInteger.valueOf(5));
        assertThat(TokenAmount.parse("-2.50", 2).raw()).isEqualTo(BigInteger.valueOf(-250));
    }

    @Test
    void shouldAddAndSubtractWithoutOverflowBeyondU64() {
        TokenAmount max = TokenAmount.ofRaw(U64_MAX, 9);
        TokenAmount sum = max.plus(TokenAmount.of(1, 9));
        assertThat(sum.raw()).isEqualTo(U64_MAX.add(BigInteger.ONE));
        assertThat(sum.isU64()).isFalse();
        assertThat(sum.minus(TokenAmount.of(1, 9))).isEqualTo(max);
        assertThat(max.isU64()).isTrue();
        assertThat(TokenAmount.of(-1, 9).isU64()).isFalse();
    }

    @Test
    void shouldRefuseToMixDecimals() {
        assertThatThrownBy(() -> TokenAmount.of(1, 6).plus(TokenAmount.of(1, 9)))
                .hasMessageContaining("cannot combine an amount with 6 decimals and one with 9 decimals");
        assertThatThrownBy(() -> TokenAmount.of(1, 6).compareTo(TokenAmount.of(1, 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenAmount.of(1, 256)).hasMessageContaining("between 0 and 255, but was 256");
    }

    @Test
    void shouldTakeSharesWithExplicitRounding() {
        TokenAmount amount = TokenAmount.of(1_000_001, 6);
        assertThat(amount.mulDiv(1, 3, RoundingMode.FLOOR).raw()).isEqualTo(BigInteger.valueOf(333_333));
        assertThat(amount.mulDiv(1, 3, RoundingMode.CEILING).raw()).isEqualTo(BigInteger.valueOf(333_334));
        assertThat(amount.mulDiv(30, 10_000, RoundingMode.HALF_EVEN).raw()).isEqualTo(BigInteger.valueOf(3000));
        assertThatThrownBy(() -> amount.mulDiv(1, 3, RoundingMode.UNNECESSARY)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> amount.mulDiv(1, 0, RoundingMode.FLOOR)).isInstanceOf(ArithmeticException.class);
        // a share of a value far above 2^53 stays exact, unlike a double
        TokenAmount huge = TokenAmount.ofRaw(U64_MAX, 0);
        assertThat(huge.mulDiv(U64_MAX, U64_MAX, RoundingMode.UNNECESSARY)).isEqualTo(huge);
        assertThat(huge.mulDiv(1, 2, RoundingMode.FLOOR).raw()).isEqualTo(new BigInteger("9223372036854775807"));
    }

    @Test
    void shouldSplitIntoPartsThatSumToTheWhole() {
        TokenAmount amount = TokenAmount.of(1_000, 6);
        List<TokenAmount> parts = amount.split(7);
        assertThat(parts).hasSize(7);
        assertThat(parts.stream().reduce(TokenAmount.zero(6), TokenAmount::plus))
                .isEqualTo(amount);
        assertThat(parts).extracting(p -> p.raw().intValue()).containsExactly(143, 143, 143, 143, 143, 143, 142);
        assertThat(TokenAmount.of(-10, 0).split(3))
                .extracting(p -> p.raw().intValue())
                .containsExactly(-4, -3, -3);
        assertThatThrownBy(() -> amount.split(0)).hasMessageContaining("at least 1");
    }

    @Test
    void shouldPrintAndConvertExactly() {
        assertThat(TokenAmount.of(1_500_000, 6)).hasToString("1.500000");
        assertThat(TokenAmount.of(5, 0).toDecimal()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(TokenAmount.fromDecimal(new BigDecimal("0.10"), 2).raw()).isEqualTo(BigInteger.TEN);
    }

    @Test
    void shouldCountLamportsExactlyAndFailOnOverflow() {
        assertThat(Lamports.ofSol("0.005")).isEqualTo(Lamports.of(5_000_000));
        assertThat(Lamports.ofSol("1").plus(Lamports.of(5000)).value()).isEqualTo(1_000_005_000L);
        assertThat(Lamports.of(5000).times(3)).isEqualTo(Lamports.of(15000));
        assertThat(Lamports.of(1).toTokenAmount()).isEqualTo(TokenAmount.of(1, 9));
        assertThat(Lamports.of(1_500_000_000L).toSol()).isEqualByComparingTo("1.5");
        assertThatThrownBy(() -> Lamports.of(Long.MAX_VALUE).plus(Lamports.of(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Lamports.ofSol("0.0000000001")).hasMessageContaining("more than 9 decimals");
        assertThatThrownBy(() -> Lamports.ofSol("10000000000000")).hasMessageContaining("does not fit in lamports");
        assertThatThrownBy(() -> Lamports.fromTokenAmount(TokenAmount.of(1, 6))).hasMessageContaining("9 decimals");
    }

    @Test
    void shouldConvertBetweenSolAndTokensAtAPriceRoundingDown() {
        Price price = Price.of("0.000042"); // SOL per token
        TokenAmount tokens = price.tokensFor(Lamports.ofSol("1"), 6);
        // 1 / 0.000042 = 23809.523809523... tokens
        assertThat(tokens).isEqualTo(TokenAmount.of(23_809_523_809L, 6));
        assertThat(price.solFor(tokens)).isEqualTo(Lamports.of(999_999_999));
        assertThat(Price.of("1.50")).isEqualTo(Price.of("1.5"));
        assertThat(Price.of("2").percentChangeFrom(Price.of("1.6"))).isEqualByComparingTo("25");
        assertThat(Price.ofTrade(Lamports.ofSol("1"), TokenAmount.of(4_000_000, 6)))
                .isEqualTo(Price.of("0.25"));
        assertThatThrownBy(() -> Price.of("-0.1")).hasMessageContaining("cannot be negative");
    }
}
