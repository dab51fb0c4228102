package io.solbot.core.safety;

import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.market.MarketData;
import io.solbot.core.solana.account.AccountBytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MarketData} of account bytes, holders and pools the test sets: what the checks read. Thread-safe. */
final class TokenMarket implements MarketData {
    static final String SPL = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    static final String T22 = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";

    private final Map<String, AccountBytes> accounts = new ConcurrentHashMap<>();
    private final Map<Mint, List<Holder>> holders = new ConcurrentHashMap<>();
    private final Map<Mint, Pool> pools = new ConcurrentHashMap<>();

    TokenMarket account(Mint mint, String owner, byte[] data) {
        accounts.put(mint.address(), new AccountBytes(owner, data));
        return this;
    }

    TokenMarket holders(Mint mint, Holder... value) {
        holders.put(mint, List.of(value));
        return this;
    }

    TokenMarket pool(Mint mint, long lamports, long tokens) {
        pools.put(mint, new Pool(mint, 6, Lamports.of(lamports), TokenAmount.of(tokens, 6), 25));
        return this;
    }

    @Override
    public Optional<AccountBytes> account(String address) {
        return Optional.ofNullable(accounts.get(address));
    }

    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        List<Holder> all = holders.getOrDefault(mint, List.of());
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public Optional<Pool> pool(Mint mint) {
        return Optional.ofNullable(pools.get(mint));
    }

    @Override
    public Optional<Price> price(Mint mint) {
        return pool(mint).flatMap(Pool::price);
    }

    @Override
    public Optional<Integer> decimals(Mint mint) {
        return Optional.of(6);
    }
}
