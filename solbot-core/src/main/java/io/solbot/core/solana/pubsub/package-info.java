/**
 * Solana's websocket subscriptions, through a client of our own on {@code java.net.http.WebSocket} ({@link
 * io.solbot.core.solana.pubsub.PubSubClient}): {@code logsSubscribe} and {@code accountSubscribe}, pings, a watchdog
 * that reconnects a connection gone silent, reconnection with backoff, and every subscription made again after a
 * reconnect (the failure of solanaj's client this replaces). {@link io.solbot.core.solana.pubsub.NewPools} reads pool
 * creations (Raydium AMM v4, Raydium CPMM, pump.fun) from the log notifications.
 */
package io.solbot.core.solana.pubsub;
