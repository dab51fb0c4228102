package io.solbot.core.domain;

/** Which way an order trades: a buy spends SOL (or the quote mint) for the token, a sell the reverse. */
public enum Side {
    BUY,
    SELL
}
