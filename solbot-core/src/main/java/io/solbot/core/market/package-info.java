/**
 * Market data: the {@link io.solbot.core.market.MarketData} port (prices, pools, new tokens, holders,
 * authorities) and the simulated market behind it ({@link io.solbot.core.market.SimulatedMarket}: a seeded random
 * walk with launches, rugs and honeypots, a scripted CSV series, or a recorded replay), with its events ({@link
 * io.solbot.core.market.MarketEvent}) and their recorder ({@link io.solbot.core.market.MarketRecorder}). The
 * market is advanced from outside, by time; it never sleeps. Everything else in the package is internal.
 */
package io.solbot.core.market;
