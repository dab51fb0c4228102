package io.solbot.core.jupiter;

import io.solbot.core.domain.Mint;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.SignedTransaction;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One of Jupiter's swap flows: the Metis API v1 ({@link JupiterClient#metis()}: quote, then a transaction that the
 * caller signs and sends itself) or Swap API v2 ({@link JupiterClient#swapV2()}: an order with its transaction, which
 * Jupiter can also land, {@link #execute}).
 *
 * <p>Thread-safe; every call blocks on the network, waiting for the JVM's Jupiter rate limit first.
 */
public interface SwapApi {
    /** {@code "metis"} or {@code "v2"}: for messages and metrics. */
    String name();

    /**
     * Quotes spending {@code amount} raw units of {@code input} on {@code output} (ExactIn).
     *
     * @throws JupiterException with {@link JupiterException.Reason#NO_ROUTE} if Jupiter has no route, or why the call
     *     failed
     */
    SwapQuote quote(Mint input, Mint output, BigInteger amount, int slippageBps);

    /**
     * An unsigned transaction that carries out {@code quote} for {@code wallet}, which pays the fee and {@code fees}.
     * Swap API v2 orders again (its order is its quote), so the transaction's own quote may differ a little.
     *
     * @throws JupiterException why Jupiter gave none
     */
    UnsignedSwap transaction(SwapQuote quote, Address wallet, SwapFees fees);

    /**
     * Has Jupiter land {@code signed}, the signed form of {@code swap}, and waits for the outcome (v2); empty when the
     * flow leaves sending to the caller (Metis).
     *
     * @throws JupiterException if the call itself failed (the swap's own failure is a {@link SwapExecution})
     */
    Optional<SwapExecution> execute(UnsignedSwap swap, SignedTransaction signed);
}
