package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProRataTest {
    private static Lamports share(long amount, long slice, long of) {
        return ProRata.share(Lamports.of(amount), TokenAmount.of(slice, 6), TokenAmount.of(of, 6));
    }

    @Test
    void shouldRoundTheShareHalfUp() {
        assertThat(share(3, 1, 2)).isEqualTo(Lamports.of(2)); // 1.5
        assertThat(share(1, 1, 2)).isEqualTo(Lamports.of(1)); // 0.5
        assertThat(share(5, 1, 3)).isEqualTo(Lamports.of(2)); // 1.67
        assertThat(share(4, 1, 3)).isEqualTo(Lamports.of(1)); // 1.33
        assertThat(share(1, 1, 3)).isEqualTo(Lamports.ZERO); // 0.33
        assertThat(share(5, 1, 10)).isEqualTo(Lamports.of(1)); // 0.5
        assertThat(share(4, 1, 10)).isEqualTo(Lamports.ZERO); // 0.4
        assertThat(share(0, 1, 2)).isEqualTo(Lamports.ZERO);
    }

    @Test
    void shouldGiveAFullCloseTheWholeAmount() {
        assertThat(share(7, 3, 3)).isEqualTo(Lamports.of(7));
        assertThat(share(0, 3, 3)).isEqualTo(Lamports.ZERO);
        assertThat(share(Long.MAX_VALUE, 1, 1)).isEqualTo(Lamports.of(Long.MAX_VALUE));
    }

    @Test
    void shouldSplitALotSoldATokenAtATimeIntoPartsThatAddUpToItsCost() {
        // 3 tokens for 5 lamports: 5 × 1/3 = 1.67 → 2 leaves 3 for 2 tokens; 3 × 1/2 = 1.5 → 2 leaves 1; then 1
        Lamports left = Lamports.of(5);
        TokenAmount held = TokenAmount.of(3, 0);
        Lamports[] parts = new Lamports[3];
        for (int i = 0; i < 3; i++) {
            TokenAmount one = TokenAmount.of(1, 0);
            parts[i] = ProRata.share(left, one, held);
            left = left.minus(parts[i]);
            held = held.minus(one);
        }
        assertThat(parts).containsExactly(Lamports.of(2), Lamports.of(2), Lamports.of(1));
        assertThat(left).isEqualTo(Lamports.ZERO);
    }

    @Test
    void shouldAlwaysSplitIntoPartsBetweenZeroAndWhatIsLeftThatAddUpToTheWhole() {
        Random random = new Random(20261201);
        for (int run = 0; run < 2_000; run++) {
            long whole = random.nextLong(0, 1L << 50);
            BigInteger quantity =
                    BigInteger.valueOf(random.nextLong(1, 1L << 40)).shiftLeft(random.nextInt(30));
            Lamports left = Lamports.of(whole);
            TokenAmount held = TokenAmount.ofRaw(quantity, 9);
            long sum = 0;
            while (held.signum() > 0) {
                BigInteger r = new BigInteger(held.raw().bitLength(), random)
                        .mod(held.raw())
                        .add(BigInteger.ONE);
                TokenAmount slice = random.nextInt(4) == 0 ? held : TokenAmount.ofRaw(r, 9);
                Lamports part = ProRata.share(left, slice, held);
                assertThat(part.value()).isBetween(0L, left.value());
                sum += part.value();
                left = left.minus(part);
                held = held.minus(slice);
            }
            assertThat(left).isEqualTo(Lamports.ZERO);
            assertThat(sum).isEqualTo(whole);
        }
    }

    @Test
    void shouldKeepSharesOfU64QuantitiesExact() {
        BigInteger max = new BigInteger("18446744073709551615");
        // 7 000 005 000 × (2^64 − 3) / (2^64 − 1) is less than a billionth of a lamport below 7 000 005 000
        assertThat(ProRata.share(
                        Lamports.of(7_000_005_000L),
                        TokenAmount.ofRaw(max.subtract(BigInteger.TWO), 9),
                        TokenAmount.ofRaw(max, 9)))
                .isEqualTo(Lamports.of(7_000_005_000L));
    }

    @Test
    void shouldRefuseASliceOutsideTheTokensItIsTakenFrom() {
        assertThatThrownBy(() -> share(5, 0, 3)).hasMessageContaining("more than 0 and at most 0.000003");
        assertThatThrownBy(() -> share(5, 4, 3)).hasMessageContaining("but was 0.000004");
        assertThatThrownBy(() -> share(-1, 1, 3)).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> ProRata.share(Lamports.of(5), TokenAmount.of(1, 6), TokenAmount.of(3, 9)))
                .hasMessageContaining("decimals");
    }
}
