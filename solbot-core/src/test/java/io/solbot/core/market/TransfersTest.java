package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.solana.account.AccountState;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.testing.Markets;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our swaps on the simulated market pay for a token's Token-2022 extensions as the token program makes them. */
class TransfersTest {
    private static final TokenAmount ONE_SOL = TokenAmount.of(1_000_000_000L, 9);

    private static SimulatedMarket market(List<Extension> extensions) {
        MarketEvent.TokenListed l = Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25);
        return Markets.started(new MarketEvent.TokenListed(
                l.at(),
                l.mint(),
                l.symbol(),
                6,
                l.solReserve(),
                l.tokenReserve(),
                25,
                l.authorities(),
                true,
                List.of(),
                extensions));
    }

    private static Extension.TransferFeeConfig fee(int olderBps, long newerEpoch, int newerBps, long maximumFee) {
        return new Extension.TransferFeeConfig(
                Optional.empty(),
                Optional.empty(),
                BigInteger.ZERO,
                new Extension.TransferFee(BigInteger.ZERO, BigInteger.valueOf(maximumFee), olderBps),
                new Extension.TransferFee(BigInteger.valueOf(newerEpoch), BigInteger.valueOf(maximumFee), newerBps));
    }

    private static BigInteger ceilBps(BigInteger amount, int bps) {
        BigInteger[] qr = amount.multiply(BigInteger.valueOf(bps)).divideAndRemainder(BigInteger.valueOf(10_000));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    @Test
    void shouldWithholdTheFeeOfTheEpochInForceFromWhatTheBuyerReceivesAndWhatThePoolReceives() {
        long epochNow = Transfers.epochAt(T0).longValueExact();
        SimulatedMarket plain = market(List.of());
        SimulatedMarket older = market(List.of(fee(300, epochNow + 1, 900, Long.MAX_VALUE)));
        SimulatedMarket newer = market(List.of(fee(300, epochNow, 900, Long.MAX_VALUE)));

        TokenAmount plainOut = plain.dryRun(TOKEN, Side.BUY, ONE_SOL);
        TokenAmount olderOut = older.swap(TOKEN, Side.BUY, ONE_SOL, TokenAmount.zero(6));
        TokenAmount newerOut = newer.swap(TOKEN, Side.BUY, ONE_SOL, TokenAmount.zero(6));

        assertThat(olderOut.raw()).isEqualTo(plainOut.raw().subtract(ceilBps(plainOut.raw(), 300)));
        assertThat(newerOut.raw()).isEqualTo(plainOut.raw().subtract(ceilBps(plainOut.raw(), 900)));
        // the pool sent the whole amount: its token reserve fell by the plain output, fee or not
        assertThat(older.pool(TOKEN).orElseThrow().tokenReserve())
                .isEqualTo(plain.pool(TOKEN)
                        .orElseThrow()
                        .afterSwap(Side.BUY, ONE_SOL, plainOut)
                        .tokenReserve());

        // a sell: the pool receives the amount less the fee, and pays SOL for that
        TokenAmount sold = TokenAmount.of(1_000_000_000L, 6);
        SimulatedMarket plainAgain = market(List.of());
        SimulatedMarket feeAgain = market(List.of(fee(300, epochNow + 1, 900, Long.MAX_VALUE)));
        TokenAmount net = new TokenAmount(sold.raw().subtract(ceilBps(sold.raw(), 300)), 6);
        assertThat(feeAgain.swap(TOKEN, Side.SELL, sold, TokenAmount.zero(9)))
                .isEqualTo(plainAgain.dryRun(TOKEN, Side.SELL, net));
    }

    @Test
    void shouldCapTheFeeAtItsMaximum() {
        SimulatedMarket plain = market(List.of());
        SimulatedMarket capped = market(List.of(fee(5_000, 0, 5_000, 1_234)));

        TokenAmount plainOut = plain.dryRun(TOKEN, Side.BUY, ONE_SOL);

        assertThat(capped.dryRun(TOKEN, Side.BUY, ONE_SOL).raw())
                .isEqualTo(plainOut.raw().subtract(BigInteger.valueOf(1_234)));
        assertThat(capped.fillAtMid(TOKEN, Side.BUY, ONE_SOL).raw())
                .isEqualTo(plain.fillAtMid(TOKEN, Side.BUY, ONE_SOL).raw().subtract(BigInteger.valueOf(1_234)));
    }

    @Test
    void shouldRevertABuyOfATokenWhoseAccountsStartFrozenAndEverySwapOfAPausedOne() {
        SimulatedMarket frozen = market(List.of(new Extension.DefaultAccountState(AccountState.FROZEN)));
        SimulatedMarket paused = market(List.of(new Extension.Pausable(Optional.empty(), true)));
        SimulatedMarket running = market(List.of(new Extension.Pausable(Optional.empty(), false)));

        assertThatThrownBy(() -> frozen.swap(TOKEN, Side.BUY, ONE_SOL, TokenAmount.zero(6)))
                .isInstanceOf(TradeRefusedException.class)
                .hasMessageContaining("reverted: new token accounts of the mint start frozen")
                .extracting(e -> ((TradeRefusedException) e).stage())
                .isEqualTo("land");
        assertThatThrownBy(() -> frozen.dryRun(TOKEN, Side.BUY, ONE_SOL)).isInstanceOf(TradeRefusedException.class);
        assertThatThrownBy(() -> paused.swap(TOKEN, Side.SELL, TokenAmount.of(1_000, 6), TokenAmount.zero(9)))
                .isInstanceOf(TradeRefusedException.class)
                .hasMessageContaining("the mint is paused");
        assertThatThrownBy(() -> paused.fillAtMid(TOKEN, Side.BUY, ONE_SOL)).isInstanceOf(TradeRefusedException.class);
        assertThat(running.swap(TOKEN, Side.BUY, ONE_SOL, TokenAmount.zero(6)).raw())
                .isPositive();
    }

    @Test
    void shouldCountEpochsOfTwoDaysFromMainnetsGenesis() {
        assertThat(Transfers.epochAt(Instant.parse("2020-03-16T14:29:00Z"))).isZero();
        assertThat(Transfers.epochAt(Instant.parse("2020-03-18T14:28:59Z"))).isZero();
        assertThat(Transfers.epochAt(Instant.parse("2020-03-18T14:29:00Z"))).isEqualTo(BigInteger.ONE);
        assertThat(Transfers.epochAt(Instant.parse("2019-01-01T00:00:00Z"))).isZero();
    }
}
