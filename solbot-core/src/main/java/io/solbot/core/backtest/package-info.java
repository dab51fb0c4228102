/**
 * Backtests and replays: {@link io.solbot.core.backtest.Backtest} runs the engine, a simulated market and the paper
 * executor in lockstep on simulated time, and fingerprints the trades.
 */
package io.solbot.core.backtest;
