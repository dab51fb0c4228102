/**
 * Read models over solbot's PostgreSQL database, for status pages, REST APIs and reports: {@link
 * io.solbot.persistence.readmodel.BotReports} joins each bot's hot state from the engine with what the database holds
 * about it (run row, open positions, realised PnL, counts), and {@link io.solbot.persistence.readmodel.TradeHistory}
 * pages through closed trades and fills, newest first.
 *
 * <p>Everything here only reads. Every class is thread-safe.
 */
package io.solbot.persistence.readmodel;
