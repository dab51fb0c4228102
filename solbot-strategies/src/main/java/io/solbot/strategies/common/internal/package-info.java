/**
 * What the built-in trading strategies share at run time: the entry pipeline (candidates, named gates, a seam for
 * safety checks, the price-impact cap, the bot's caps) and the exits (take profit, stop loss, trailing stop, max hold,
 * liquidity drop, partial sells). Not exported: not API, and may change in any release.
 */
package io.solbot.strategies.common.internal;
