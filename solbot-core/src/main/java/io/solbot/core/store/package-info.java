/**
 * Ports through which the engine persists what must survive the JVM: the run status of each bot ({@link
 * io.solbot.core.store.RunStatusStore}), the trades ({@link io.solbot.core.store.TradeStore}) and the per-bot journal
 * of pending order intents and strategy state ({@link io.solbot.core.store.Journal}, the lockfile). The engine writes
 * through them only on lifecycle changes and trades, never per tick. In-memory implementations are the defaults;
 * PostgreSQL and lockfile implementations live in solbot-persistence.
 *
 * <p>Threading: the engine calls every port from several threads at once (different bots), and never from its
 * scheduler thread, so implementations must be thread-safe and may block.
 */
package io.solbot.core.store;
