/**
 * Ports through which the engine persists what must survive the JVM: the run status of each bot ({@link
 * io.solbot.core.store.RunStatusStore}), the fills and failed orders ({@link io.solbot.core.store.FillStore}), from
 * which the trades (lots opened by buys, closed by sells) follow, and each bot's journal of orders in flight and
 * strategy state ({@link io.solbot.core.store.Journal}; in solbot-persistence, a lockfile per bot). The engine writes
 * through them only on lifecycle changes and fills, never per tick. In-memory implementations are the defaults;
 * PostgreSQL and lockfile implementations live in solbot-persistence.
 *
 * <p>Threading: the engine calls every port from several threads at once (different bots), and never from its
 * scheduler thread, so implementations must be thread-safe and may block.
 */
package io.solbot.core.store;
