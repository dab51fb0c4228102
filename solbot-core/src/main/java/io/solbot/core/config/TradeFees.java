package io.solbot.core.config;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The most one trade can cost in network fees, as the plan counts it: {@code transactions} transactions (a buy and a
 * sell, times the buys per signal), each paying the {@link Lamports#SIGNATURE_FEE}, the highest priority fee the bot may pay
 * (after any escalation) and a tip where the bot sends through Jito. Not counted: the compute-unit price set in
 * micro-lamports, retries that re-send a transaction, and rent for new token accounts (refundable).
 *
 * @param transactions transactions per trade, at least 1
 * @param priorityFee the highest priority fee of one transaction
 * @param tip the tip paid with each transaction; zero without Jito
 */
public record TradeFees(int transactions, Lamports priorityFee, Lamports tip) {

    /** @throws IllegalArgumentException if {@code transactions} is below 1 or a fee is negative */
    public TradeFees {
        Objects.requireNonNull(priorityFee, "priorityFee");
        Objects.requireNonNull(tip, "tip");
        if (transactions < 1) {
            throw new IllegalArgumentException("transactions must be at least 1, but was " + transactions);
        }
        if (priorityFee.isNegative() || tip.isNegative()) {
            throw new IllegalArgumentException(
                    "fees must not be negative, but were priorityFee " + priorityFee + " and tip " + tip);
        }
    }

    /** A buy and a sell, each with {@code priorityFee} and no tip. */
    public static TradeFees buyAndSell(Lamports priorityFee) {
        return new TradeFees(2, priorityFee, Lamports.ZERO);
    }

    /** What {@code trades} trades cost at most, in lamports as a SOL amount (9 decimals); it cannot overflow. */
    public TokenAmount forTrades(long trades) {
        BigInteger perTransaction = BigInteger.valueOf(Lamports.SIGNATURE_FEE.value())
                .add(BigInteger.valueOf(priorityFee.value()))
                .add(BigInteger.valueOf(tip.value()));
        return TokenAmount.ofRaw(
                perTransaction.multiply(BigInteger.valueOf(transactions)).multiply(BigInteger.valueOf(trades)),
                Lamports.SOL_DECIMALS);
    }
}
