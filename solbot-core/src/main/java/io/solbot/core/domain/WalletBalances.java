package io.solbot.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one wallet held when it was read: its SOL and its tokens, each with its price. What a rebalancer weighs and a
 * rotation bot rotates. Immutable.
 *
 * @param wallet the wallet's label
 * @param sol its SOL, zero or more
 * @param tokens its tokens, each held more than zero, ordered by mint
 * @param at when the balances were read
 */
public record WalletBalances(String wallet, Lamports sol, List<TokenBalance> tokens, Instant at) {
    /** @throws IllegalArgumentException if {@code sol} is negative or a mint is listed twice */
    public WalletBalances {
        OrderOptions.checkWallet(wallet);
        Objects.requireNonNull(sol, "sol");
        Objects.requireNonNull(at, "at");
        if (sol.isNegative()) {
            throw new IllegalArgumentException("a wallet cannot hold negative SOL, but " + wallet + " held " + sol);
        }
        List<TokenBalance> sorted = new ArrayList<>(tokens);
        sorted.sort(Comparator.comparing(TokenBalance::mint));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).mint().equals(sorted.get(i - 1).mint())) {
                throw new IllegalArgumentException(
                        "wallet " + wallet + " lists " + sorted.get(i).mint() + " twice");
            }
        }
        tokens = List.copyOf(sorted);
    }

    /** What the wallet holds of {@code mint}, if anything. */
    public Optional<TokenBalance> token(Mint mint) {
        for (TokenBalance t : tokens) {
            if (t.mint().equals(mint)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The wallet's worth in SOL: its SOL plus each token at its price (rounded down to a lamport); tokens without a
     * price count as nothing.
     */
    public Lamports valueSol() {
        Lamports total = sol;
        for (TokenBalance t : tokens) {
            total = total.plus(t.value().orElse(Lamports.ZERO));
        }
        return total;
    }

    /** These balances with each token's price replaced by what {@code prices} says of its mint. */
    public WalletBalances withPrices(Function<Mint, Optional<Price>> prices) {
        List<TokenBalance> priced = new ArrayList<>(tokens.size());
        for (TokenBalance t : tokens) {
            priced.add(t.withPrice(prices.apply(t.mint())));
        }
        return new WalletBalances(wallet, sol, priced, at);
    }
}
