/**
 * Order execution: the {@link io.solbot.core.execution.SwapExecutor} port (quote, execute), its order and outcome
 * types, and the paper executor ({@link io.solbot.core.execution.PaperExecutor}) configured by {@link
 * io.solbot.core.execution.PaperSettings}: the original paper trader's execution models, per-stage latency and
 * failure rates, partial fills, fees and tips (a landed transaction that reverts pays its fee too), all a pure
 * function of a seed and of the market at each stage's time, which a {@link io.solbot.core.execution.Timeline} lets
 * move during the latency.
 */
package io.solbot.core.execution;
