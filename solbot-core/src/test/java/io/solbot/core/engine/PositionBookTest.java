package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionBookTest {
    private static final Mint MINT = Scripted.MINT;
    private static int orders;

    private static Fill fill(Side side, long sol, BigInteger tokens, long fee, Instant at) {
        TokenAmount solAmount = Lamports.of(sol).toTokenAmount();
        TokenAmount tokenAmount = TokenAmount.ofRaw(tokens, 6);
        byte[] sig = new byte[64];
        sig[0] = (byte) ++orders;
        return new Fill(
                OrderId.of("o-" + orders),
                BotId.of("b"),
                MINT,
                side,
                side == Side.BUY ? solAmount : tokenAmount,
                side == Side.BUY ? tokenAmount : solAmount,
                Price.ofTrade(Lamports.of(sol), tokenAmount),
                Lamports.of(fee),
                Lamports.ZERO,
                TxSignature.ofBytes(sig),
                1,
                1,
                at,
                at);
    }

    @Test
    void shouldSellTheOldestLotsFirstAndKeepTheCostBasisExact() {
        PositionBook book = new PositionBook();
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        book.apply(fill(Side.BUY, 1_000_000_000, BigInteger.valueOf(3_000_000), 5_000, t1));
        book.apply(fill(Side.BUY, 2_000_000_000, BigInteger.valueOf(1_000_000), 5_000, t2));

        // sells all of the first lot and nothing of the second
        book.apply(fill(Side.SELL, 900_000_000, BigInteger.valueOf(3_000_000), 5_000, t2));
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(TokenAmount.of(1_000_000, 6));
            assertThat(p.costBasis()).isEqualTo(Lamports.of(2_000_005_000));
            assertThat(p.openedAt()).isEqualTo(t2);
        });

        // a third of what is left: the rest keeps two thirds of the cost, rounded down to a lamport
        book.apply(fill(Side.SELL, 100, BigInteger.valueOf(333_333), 0, t2));
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(TokenAmount.of(666_667, 6));
            assertThat(p.costBasis()).isEqualTo(Lamports.of(1_333_337_333));
        });
        book.apply(fill(Side.SELL, 100, BigInteger.valueOf(666_667), 0, t2));
        assertThat(book.positions()).isEmpty();
        assertThat(book.isFlat()).isTrue();
    }

    @Test
    void shouldCarryAmountsBeyondTwoToTheSixtyFourExactly() {
        PositionBook book = new PositionBook();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        BigInteger huge = BigInteger.ONE.shiftLeft(70).add(BigInteger.ONE);
        book.apply(fill(Side.BUY, 7, huge, 0, t));
        book.apply(fill(Side.SELL, 1, BigInteger.ONE, 0, t));

        assertThat(book.positions().getFirst().quantity().raw()).isEqualTo(BigInteger.ONE.shiftLeft(70));
        assertThat(book.positions().getFirst().costBasis()).isEqualTo(Lamports.of(6));
    }
}
