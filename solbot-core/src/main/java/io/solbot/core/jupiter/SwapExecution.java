package io.solbot.core.jupiter;

import io.solbot.core.domain.TxSignature;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What Swap API v2's {@code /execute} reports after it tried to land a signed swap.
 *
 * @param landed whether the swap landed ({@code status == "Success"})
 * @param signature the transaction's signature, if Jupiter named it
 * @param slot the slot it landed in, 0 if none
 * @param code Jupiter's code: 0 for success, negative for its own failures, positive for a program error (6001 is
 *     slippage exceeded)
 * @param error Jupiter's error text, if any
 * @param inputAmount the raw units spent, if reported
 * @param outputAmount the raw units received, if reported
 */
public record SwapExecution(
        boolean landed,
        Optional<TxSignature> signature,
        long slot,
        int code,
        Optional<String> error,
        Optional<BigInteger> inputAmount,
        Optional<BigInteger> outputAmount) {}
