package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.PositionBook.ClosedSlice;
import io.solbot.core.testing.Fills;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionBookTest {
    private static final Mint MINT = Scripted.MINT;
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static int orders;

    private static Fill fill(Side side, long sol, BigInteger tokens, long fee, Instant at) {
        return fill(side, sol, tokens, fee, 0, at);
    }

    private static Fill fill(Side side, long sol, BigInteger tokens, long fee, long tip, Instant at) {
        TokenAmount tokenAmount = TokenAmount.ofRaw(tokens, 6);
        Fills.Builder fill = side == Side.BUY
                ? Fills.buy(MINT, Lamports.of(sol), tokenAmount)
                : Fills.sell(MINT, tokenAmount, Lamports.of(sol));
        return fill.bot("b").order("o-" + ++orders).fee(fee).tip(tip).at(at).build();
    }

    private static BigInteger raw(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void shouldSellTheOldestLotsFirstAndKeepTheCostBasisExact() {
        PositionBook book = new PositionBook();
        Instant t2 = T1.plusSeconds(60);
        book.apply(fill(Side.BUY, 1_000_000_000, raw(3_000_000), 5_000, T1));
        book.apply(fill(Side.BUY, 2_000_000_000, raw(1_000_000), 5_000, t2));

        // sells all of the first lot and nothing of the second
        book.apply(fill(Side.SELL, 900_000_000, raw(3_000_000), 5_000, t2));
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(TokenAmount.of(1_000_000, 6));
            assertThat(p.costBasis()).isEqualTo(Lamports.of(2_000_005_000));
            assertThat(p.openedAt()).isEqualTo(t2);
        });

        // about a third of what is left: the slice takes its share of the cost, the lot keeps the rest
        book.apply(fill(Side.SELL, 100, raw(333_333), 0, t2));
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(TokenAmount.of(666_667, 6));
            // 2 000 005 000 × 333 333 / 1 000 000 = 666 667 666.67, so 666 667 667 go, 1 333 337 333 stay
            assertThat(p.costBasis()).isEqualTo(Lamports.of(1_333_337_333));
        });
        book.apply(fill(Side.SELL, 100, raw(666_667), 0, t2));
        assertThat(book.positions()).isEmpty();
        assertThat(book.isFlat()).isTrue();
    }

    @Test
    void shouldCarryAmountsBeyondTwoToTheSixtyFourExactly() {
        PositionBook book = new PositionBook();
        BigInteger huge = BigInteger.ONE.shiftLeft(70).add(BigInteger.ONE);
        book.apply(fill(Side.BUY, 7, huge, 0, T1));
        book.apply(fill(Side.SELL, 1, BigInteger.ONE, 0, T1));

        assertThat(book.positions().getFirst().quantity().raw()).isEqualTo(BigInteger.ONE.shiftLeft(70));
        // one raw unit of 2^70 + 1 is worth 7 / (2^70 + 1) of a lamport, which rounds to none: the lot keeps all 7
        assertThat(book.positions().getFirst().costBasis()).isEqualTo(Lamports.of(7));
    }

    @Test
    void shouldGiveEachClosedSliceItsShareRoundedHalfUpAndTheLastOneTheRest() {
        PositionBook book = new PositionBook();
        // two lots of 1 raw token, costing 3 and 5 lamports (fees included)
        book.apply(fill(Side.BUY, 2, raw(1), 1, T1));
        book.apply(fill(Side.BUY, 4, raw(1), 0, 1, T1.plusSeconds(1)));

        // both tokens for 3 lamports, fee 0 and tip 1: each slice is half the sell
        Fill sell = fill(Side.SELL, 3, raw(2), 0, 1, T1.plusSeconds(2));
        List<ClosedSlice> closed = book.settle(sell).closed();

        // the first half: proceeds 3 × 1/2 = 1.5 rounds up to 2, fees 1 × 1/2 = 0.5 rounds up to 1
        // the second takes what is left: 1 and 0
        assertThat(closed)
                .extracting(c -> c.lot().orderId(), ClosedSlice::cost, ClosedSlice::proceeds, ClosedSlice::fees)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                OrderId.of("o-" + (orders - 2)), Lamports.of(3), Lamports.of(2), Lamports.of(1)),
                        org.assertj.core.groups.Tuple.tuple(
                                OrderId.of("o-" + (orders - 1)), Lamports.of(5), Lamports.of(1), Lamports.ZERO));
        assertThat(closed).extracting(ClosedSlice::pnl).containsExactly(Lamports.of(-2), Lamports.of(-4));
        assertThat(book.positions()).isEmpty();
    }

    @Test
    void shouldLeaveTheLotTheRestOfItsCostWhenASliceRoundsUp() {
        PositionBook book = new PositionBook();
        // 3 tokens for 5 lamports, sold a token at a time: 5 × 1/3 = 1.67 → 2, then 3 × 1/2 = 1.5 → 2, then 1
        book.apply(fill(Side.BUY, 5, raw(3), 0, T1));
        List<Lamports> costs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            costs.add(book.settle(fill(Side.SELL, 1, raw(1), 0, T1))
                    .closed()
                    .getFirst()
                    .cost());
        }
        assertThat(costs).containsExactly(Lamports.of(2), Lamports.of(2), Lamports.of(1));
    }

    @Test
    void shouldReportTheQuantityWeightedEntryPriceOfTheOpenLots() {
        PositionBook book = new PositionBook();
        // 1 token for 1 SOL, then 3 tokens for 9 SOL: 10 SOL for 4 tokens, 2.5 SOL per token (the oldest lot's is 1)
        book.apply(fill(Side.BUY, 1_000_000_000, raw(1_000_000), 0, T1));
        book.apply(fill(Side.BUY, 9_000_000_000L, raw(3_000_000), 0, T1.plusSeconds(1)));
        assertThat(book.positions().getFirst().entryPrice()).isEqualTo(Price.of("2.5"));
        assertThat(book.positions().getFirst().lots())
                .extracting(Lot::entryPrice)
                .containsExactly(Price.of("1"), Price.of("3"));

        // selling the oldest lot leaves the average of what is left
        book.apply(fill(Side.SELL, 2_000_000_000, raw(1_000_000), 0, T1.plusSeconds(2)));
        assertThat(book.positions().getFirst().entryPrice()).isEqualTo(Price.of("3"));
    }

    @Test
    void shouldCloseTheLotsAtALossOfTheirWholeCostOnASellForNothing() {
        PositionBook book = new PositionBook();
        book.apply(fill(Side.BUY, 1_000_000, raw(500), 5_000, T1));
        Fill worthless = fill(Side.SELL, 0, raw(500), 5_000, T1.plusSeconds(1));
        assertThat(worthless.price()).isEqualTo(Price.ZERO);

        PositionBook.Settlement settled = book.settle(worthless);

        assertThat(settled.unsold().isZero()).isTrue();
        assertThat(settled.closed()).singleElement().satisfies(c -> {
            assertThat(c.proceeds()).isEqualTo(Lamports.ZERO);
            assertThat(c.pnl()).isEqualTo(Lamports.of(-1_010_000));
        });
        assertThat(book.positions()).isEmpty();
    }

    @Test
    void shouldCloseAWrittenOffPositionLikeAnyOtherSell() {
        PositionBook book = new PositionBook();
        book.apply(fill(Side.BUY, 1_000_000, raw(500), 5_000, T1));
        book.apply(fill(Side.BUY, 2_000_000, raw(700), 5_000, T1.plusSeconds(1)));

        PositionBook.Settlement settled = book.settle(Fill.writeOff(
                OrderId.of("write-off-1"), BotId.of("b"), MINT, TokenAmount.of(1_200, 6), T1.plusSeconds(9)));

        assertThat(settled.closed())
                .extracting(ClosedSlice::pnl)
                .containsExactly(Lamports.of(-1_005_000), Lamports.of(-2_005_000));
        assertThat(book.isFlat()).isTrue();
    }

    @Test
    void shouldPutALotWhoseFillCameLateInItsPlaceByTime() {
        PositionBook book = new PositionBook();
        Fill later = fill(Side.BUY, 2_000, raw(10), 0, T1.plusSeconds(5));
        Fill earlier = fill(Side.BUY, 1_000, raw(10), 0, T1);
        Fill sameTime = fill(Side.BUY, 3_000, raw(10), 0, T1);
        book.apply(later);
        book.apply(earlier);
        book.apply(sameTime);

        // by time; at the same instant in the order the fills came
        assertThat(book.positions().getFirst().lots())
                .extracting(Lot::orderId)
                .containsExactly(earlier.orderId(), sameTime.orderId(), later.orderId());
        assertThat(book.settle(fill(Side.SELL, 1, raw(10), 0, T1.plusSeconds(6)))
                        .closed()
                        .getFirst()
                        .lot()
                        .orderId())
                .isEqualTo(earlier.orderId());
    }

    @Test
    void shouldReportTheTokensASellCouldNotFindInAnyLot() {
        PositionBook book = new PositionBook();
        book.apply(fill(Side.BUY, 1_000, raw(10), 0, T1));

        PositionBook.Settlement settled = book.settle(fill(Side.SELL, 1_500, raw(15), 0, T1.plusSeconds(1)));

        assertThat(settled.unsold()).isEqualTo(TokenAmount.of(5, 6));
        // the lot's slice is two thirds of the sell: 1 000 of its proceeds
        assertThat(settled.closed())
                .singleElement()
                .satisfies(c -> assertThat(c.proceeds()).isEqualTo(Lamports.of(1_000)));
        assertThat(book.positions()).isEmpty();
    }
}
