package io.solbot.core.execution;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.LandedTransaction;
import io.solbot.core.solana.rpc.SignatureStatus;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.List;

/**
 * How a landed swap becomes a fill: from the wallet's balance changes, not from its quote (see {@link LiveExecutor}'s
 * class comment for what counts as spent).
 */
final class LandedFills {
    private LandedFills() {}

    /**
     * What {@code tx}, the landed attempt of {@code order} with {@code status}, came to for {@code wallet}: a failure
     * that paid its fee if it failed or did not move the wallet's balances as a swap would, else the fill.
     */
    static SwapOutcome outcome(
            SwapOrder order, LandedTransaction tx, SignatureStatus status, Address wallet, InstantSource clock) {
        TxSignature signature = tx.signature();
        Lamports fee = Lamports.of(tx.feeLamports());
        Lamports tip = order.jitoTip();
        if (status.err().isPresent() || tx.err().isPresent()) {
            String err = status.err().or(tx::err).map(Object::toString).orElse("");
            return new SwapOutcome.Failed(
                    new OrderFailure(
                            order.orderId(),
                            order.mint(),
                            order.side(),
                            "land",
                            "transaction " + signature + " landed and failed: " + err,
                            clock.instant(),
                            fee,
                            Lamports.ZERO),
                    List.of());
        }
        long solChange = tx.lamportChange(wallet) + tx.feeLamports() + tip.value();
        BigInteger tokenChange = tx.tokenChange(wallet, order.mint());
        int tokenDecimals = tx.tokenBalances().stream()
                .filter(b -> b.mint().equals(order.mint()))
                .findFirst()
                .map(LandedTransaction.TokenBalance::decimals)
                .orElseGet(() -> order.side() == Side.SELL ? order.amountIn().decimals() : -1);
        TokenAmount in;
        TokenAmount out;
        if (order.side() == Side.BUY) {
            in = Lamports.of(-solChange).toTokenAmount();
            out = tokenDecimals < 0 ? null : TokenAmount.ofRaw(tokenChange, tokenDecimals);
        } else {
            in = TokenAmount.ofRaw(tokenChange.negate(), tokenDecimals);
            out = Lamports.of(Math.max(0, solChange)).toTokenAmount();
        }
        if (out == null || in.signum() <= 0 || (order.side() == Side.BUY && out.signum() <= 0)) {
            return new SwapOutcome.Failed(
                    new OrderFailure(
                            order.orderId(),
                            order.mint(),
                            order.side(),
                            "land",
                            "transaction " + signature
                                    + " landed, but the wallet's balances did not change as a swap's would",
                            clock.instant(),
                            fee,
                            Lamports.ZERO),
                    List.of());
        }
        Lamports sol = order.side() == Side.BUY ? Lamports.fromTokenAmount(in) : Lamports.fromTokenAmount(out);
        TokenAmount tokens = order.side() == Side.BUY ? out : in;
        Fill fill = new Fill(
                order.orderId(),
                order.botId(),
                order.mint(),
                order.side(),
                in,
                out,
                sol.isZero() ? Price.ZERO : Price.ofTrade(sol, tokens),
                fee,
                tip,
                signature,
                1,
                1,
                order.submittedAt(),
                clock.instant(),
                order.reason());
        return new SwapOutcome.Filled(List.of(fill));
    }
}
