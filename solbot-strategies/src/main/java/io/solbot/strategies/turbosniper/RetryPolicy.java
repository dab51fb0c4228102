package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;

/**
 * A failed send is retried up to {@code max} times (at least 1), raising the compute-unit price by {@code
 * bumpCuStep} micro-lamports and the tip by {@code bumpTipStep} lamports each time (both at least 0; the tip step at
 * most 1 SOL), optionally switching route or RPC endpoint.
 */
public record RetryPolicy(
        @Between(min = "1") Integer max,
        @Between(min = "0", unit = "micro-lamports") Long bumpCuStep,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long bumpTipStep,

        Boolean routeSwitch,
        Boolean rpcFailover) {}
