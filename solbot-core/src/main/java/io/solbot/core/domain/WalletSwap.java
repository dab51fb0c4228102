package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A swap between SOL and a token that one wallet made: what a copy trader mirrors. Read from the market's swaps by
 * a named trader (simulated) or from the wallet's confirmed transactions (live).
 *
 * @param at when it happened (the block time, live)
 * @param wallet the base58 owner who swapped
 * @param mint the token bought or sold
 * @param side {@link Side#BUY}: SOL in, tokens out to the wallet; {@link Side#SELL}: tokens in, SOL out
 * @param sol the SOL the wallet spent (buy) or received (sell), fees left out
 * @param tokens the tokens the wallet received (buy) or spent (sell), raw
 * @param id what identifies the swap uniquely at its source (the transaction signature, live): a copier mirrors
 *     each id at most once
 */
public record WalletSwap(Instant at, String wallet, Mint mint, Side side, Lamports sol, TokenAmount tokens, String id) {
    public WalletSwap {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(sol, "sol");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(id, "id");
        if (sol.isNegative() || tokens.raw().signum() < 0) {
            throw new IllegalArgumentException("a swap's amounts are not negative, but were " + sol + " and " + tokens);
        }
    }
}
