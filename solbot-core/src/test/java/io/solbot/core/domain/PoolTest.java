package io.solbot.core.domain;

import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolTest {
    // 100 SOL against 1 000 000 tokens (6 decimals): 0.0001 SOL per token, 0.25 % fee
    private final Pool pool =
            new Pool(TOKEN, 6, Lamports.of(100_000_000_000L), TokenAmount.of(1_000_000_000_000L, 6), 25);

    @Test
    void shouldPayOutTheConstantProductAmountExactlyForABuy() {
        // floor(1e12 × 1e9·9975 / (1e11·10000 + 1e9·9975)) = floor(9.975e24 / 1.009975e15)
        assertThat(pool.amountOut(Side.BUY, TokenAmount.of(1_000_000_000L, 9)))
                .isEqualTo(TokenAmount.of(9_876_482_091L, 6));
    }

    @Test
    void shouldPayOutTheConstantProductAmountExactlyForASell() {
        // floor(1e11 × 1e10·9975 / (1e12·10000 + 1e10·9975))
        assertThat(pool.amountOut(Side.SELL, TokenAmount.of(10_000_000_000L, 6)))
                .isEqualTo(TokenAmount.of(987_648_209L, 9));
    }

    @Test
    void shouldFillAtTheMidPriceWithoutFeeOrImpact() {
        assertThat(pool.amountAtMid(Side.BUY, TokenAmount.of(1_000_000_000L, 9)))
                .isEqualTo(TokenAmount.of(10_000_000_000L, 6));
        assertThat(pool.amountAtMid(Side.SELL, TokenAmount.of(10_000_000_000L, 6)))
                .isEqualTo(TokenAmount.of(1_000_000_000L, 9));
    }

    @Test
    void shouldQuoteTheMidPriceAndTheLiquidity() {
        assertThat(pool.price()).contains(Price.of("0.0001"));
        assertThat(pool.liquidity()).isEqualTo(Lamports.of(200_000_000_000L));
    }

    @Test
    void shouldMoveTheReservesByTheWholeInputAndTheOutput() {
        TokenAmount in = TokenAmount.of(1_000_000_000L, 9);
        Pool after = pool.afterSwap(Side.BUY, in, pool.amountOut(Side.BUY, in));
        assertThat(after.solReserve()).isEqualTo(Lamports.of(101_000_000_000L));
        assertThat(after.tokenReserve()).isEqualTo(TokenAmount.of(1_000_000_000_000L - 9_876_482_091L, 6));
    }

    @Test
    void shouldQuoteNoPriceWhenDrained() {
        Pool drained = new Pool(TOKEN, 6, Lamports.ZERO, TokenAmount.of(5, 6), 25);
        assertThat(drained.isDrained()).isTrue();
        assertThat(drained.price()).isEmpty();
    }

    @Test
    void shouldRefuseAnInputWithTheWrongDecimals() {
        assertThatThrownBy(() -> pool.amountOut(Side.BUY, TokenAmount.of(1, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 decimals");
    }

    @Test
    void shouldRefuseAFeeOutOfRange() {
        assertThatThrownBy(() -> new Pool(TOKEN, 6, Lamports.of(1), TokenAmount.of(1, 6), 10_001))
                .hasMessage("feeBps must be between 0 and 10000, but was 10001");
    }

    @Test
    void shouldMultiplyAndDivideExactlyLikeBigIntegerAcrossTheWholeRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 50_000; i++) {
            // mostly values of realistic sizes, and some at the edges of the fast path
            int bits = 1 + random.nextInt(62);
            java.math.BigInteger a = java.math.BigInteger.valueOf(random.nextLong(1L << bits));
            java.math.BigInteger b = java.math.BigInteger.valueOf(random.nextLong(1L << (1 + random.nextInt(62))));
            java.math.BigInteger d =
                    java.math.BigInteger.valueOf(1 + random.nextLong((1L << (1 + random.nextInt(62))) - 1));
            assertThat(Pool.floorMulDiv(a, b, d))
                    .as("%s × %s / %s", a, b, d)
                    .isEqualTo(a.multiply(b).divide(d));
        }
        java.math.BigInteger max = java.math.BigInteger.ONE.shiftLeft(62).subtract(java.math.BigInteger.ONE);
        assertThat(Pool.floorMulDiv(max, max, java.math.BigInteger.ONE)).isEqualTo(max.multiply(max));
        assertThat(Pool.floorMulDiv(max, max, max)).isEqualTo(max);
        java.math.BigInteger u64 = new java.math.BigInteger("18446744073709551615");
        assertThat(Pool.floorMulDiv(u64, u64, java.math.BigInteger.TWO))
                .isEqualTo(u64.multiply(u64).shiftRight(1));
    }

    @Test
    void shouldComputeSwapOutputsExactlyLikeBigIntegerAcrossTheWholeRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < 50_000; i++) {
            java.math.BigInteger in = java.math.BigInteger.valueOf(1 + random.nextLong(1L << (1 + random.nextInt(50))));
            java.math.BigInteger reserveIn =
                    java.math.BigInteger.valueOf(random.nextLong(1L << (1 + random.nextInt(62))));
            java.math.BigInteger reserveOut =
                    java.math.BigInteger.valueOf(random.nextLong(1L << (1 + random.nextInt(62))));
            int fee = random.nextInt(10_001);
            java.math.BigInteger a = in.multiply(java.math.BigInteger.valueOf(10_000L - fee));
            java.math.BigInteger d =
                    reserveIn.multiply(java.math.BigInteger.valueOf(10_000)).add(a);
            java.math.BigInteger expected = d.signum() == 0
                    ? java.math.BigInteger.ZERO
                    : reserveOut.multiply(a).divide(d);
            assertThat(Pool.amountOut(in, reserveIn, reserveOut, fee))
                    .as("%s into %s/%s at %d bps", in, reserveIn, reserveOut, fee)
                    .isEqualTo(expected);
        }
    }
}
