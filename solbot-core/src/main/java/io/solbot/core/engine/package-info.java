/**
 * The engine that runs many bots in one JVM. Public: {@link io.solbot.core.engine.SolbotEngine} and its builder,
 * {@link io.solbot.core.engine.BotSpec} (what to run), {@link io.solbot.core.engine.BotStatus} (the hot state of a
 * bot), {@link io.solbot.core.engine.SimulatedClock} (simulated time for tests and backtests) and the exceptions.
 * Everything else here (the timing-wheel scheduler, the per-bot lanes, the order desk, the watchdog and the position
 * book) is package-private and may change without notice.
 */
package io.solbot.core.engine;
