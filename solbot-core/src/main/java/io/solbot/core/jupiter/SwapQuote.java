package io.solbot.core.jupiter;

import io.solbot.core.domain.Mint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A route Jupiter quoted: spending {@code inAmount} of {@code inputMint} pays {@code outAmount} of {@code outputMint},
 * and at least {@code minimumOut} within the slippage. Amounts in raw units of their mints.
 *
 * @param inputMint what is spent
 * @param outputMint what is bought
 * @param inAmount raw units spent
 * @param outAmount raw units paid out at the quoted price, after fees
 * @param minimumOut the least the swap may pay out ({@code otherAmountThreshold})
 * @param slippageBps the slippage the quote allows
 * @param priceImpact the price impact as a ratio (0.01 is 1 %)
 * @param routeLabels the DEXes of the route, in order
 * @param quoteResponse the quote exactly as Jupiter sent it: the Metis API wants it back unmodified
 */
public record SwapQuote(
        Mint inputMint,
        Mint outputMint,
        BigInteger inAmount,
        BigInteger outAmount,
        BigInteger minimumOut,
        int slippageBps,
        BigDecimal priceImpact,
        List<String> routeLabels,
        String quoteResponse) {
    public SwapQuote {
        Objects.requireNonNull(inputMint);
        Objects.requireNonNull(outputMint);
        routeLabels = List.copyOf(routeLabels);
    }

    /** Without the raw response. */
    @Override
    public String toString() {
        return "SwapQuote[" + inAmount + " " + inputMint + " -> " + outAmount + " " + outputMint + " (min " + minimumOut
                + "), " + slippageBps + " bps, route " + routeLabels + "]";
    }
}
