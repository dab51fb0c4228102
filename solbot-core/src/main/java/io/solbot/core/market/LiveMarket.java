package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterException;
import io.solbot.core.jupiter.UsdPrice;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.pubsub.NewPools;
import io.solbot.core.solana.pubsub.PubSubClient;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.RawAccount;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live market: prices from Jupiter's Price API (SOL per token is the token's USD price over SOL's), decimals and
 * authorities read from the mint account over RPC, and, once {@link #listenForLaunches} is called, pump.fun launches
 * from a websocket log subscription.
 *
 * <p>Reads go to Jupiter or the node each time, except decimals, which never change and are kept: the engine's
 * market cache ({@code MarketCache}, with a time to live per kind of read) stands in front, so many bots reading one
 * token cost one upstream read. A failed read (no route, the node down, an unexpected reply) is logged at debug and
 * answers empty, which the engine's safety checks treat as a failure.
 *
 * <p>Thread-safe.
 */
public final class LiveMarket implements MarketData {
    private static final Logger log = LoggerFactory.getLogger(LiveMarket.class);
    private static final int LAUNCHES_KEPT = 1_000;

    private final JupiterClient jupiter;
    private final SolanaRpc rpc;
    private final Map<Mint, Integer> decimals = new ConcurrentHashMap<>();
    private final Deque<NewToken> launches = new ArrayDeque<>();
    private final Set<Mint> launched = new HashSet<>();
    private volatile boolean listening;

    public LiveMarket(JupiterClient jupiter, SolanaRpc rpc) {
        this.jupiter = Objects.requireNonNull(jupiter);
        this.rpc = Objects.requireNonNull(rpc);
    }

    /** Reads pump.fun launches from {@code pubSub} (at {@code processed}: the earliest, and possibly rolled back). */
    public PubSubClient.Subscription listenForLaunches(PubSubClient pubSub) {
        listening = true;
        return pubSub.logsSubscribe(
                NewPools.PUMP_FUN,
                Commitment.PROCESSED,
                n -> NewPools.pumpLaunch(n).ifPresent(this::launched));
    }

    private synchronized void launched(NewToken token) {
        if (!launched.add(token.mint())) {
            return;
        }
        launches.addLast(token);
        if (launches.size() > LAUNCHES_KEPT) {
            launched.remove(launches.removeFirst().mint());
        }
    }

    @Override
    public Optional<Price> price(Mint mint) {
        if (mint.equals(Mint.WRAPPED_SOL)) {
            return Optional.of(Price.of(BigDecimal.ONE));
        }
        try {
            Map<Mint, UsdPrice> prices = jupiter.prices(List.of(mint, Mint.WRAPPED_SOL));
            UsdPrice token = prices.get(mint);
            UsdPrice sol = prices.get(Mint.WRAPPED_SOL);
            if (token == null || sol == null || sol.usdPrice().signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(Price.of(token.usdPrice().divide(sol.usdPrice(), Price.MATH)));
        } catch (JupiterException e) {
            log.debug("No price for {}: {}", mint, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<SolUsd> solUsd() {
        try {
            return Optional.ofNullable(jupiter.prices(List.of(Mint.WRAPPED_SOL)).get(Mint.WRAPPED_SOL))
                    .filter(p -> p.usdPrice().signum() > 0)
                    .map(p -> new SolUsd(p.usdPrice()));
        } catch (JupiterException e) {
            log.debug("No SOL price: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Integer> decimals(Mint mint) {
        Integer known = decimals.get(mint);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Integer> read = mintAccount(mint).map(data -> data[44] & 0xFF);
        read.ifPresent(d -> decimals.put(mint, d));
        return read;
    }

    /**
     * The mint's authorities, from its COption tags (offsets 0 and 46): a renounced authority keeps its old key
     * bytes with the tag cleared, so the tag alone decides.
     */
    @Override
    public Optional<Authorities> authorities(Mint mint) {
        return mintAccount(mint).map(data -> new Authorities(option(data, 0), option(data, 46)));
    }

    private static String option(byte[] data, int at) {
        int tag = (data[at] & 0xFF)
                | (data[at + 1] & 0xFF) << 8
                | (data[at + 2] & 0xFF) << 16
                | (data[at + 3] & 0xFF) << 24;
        return tag == 1 ? Base58.encode(Arrays.copyOfRange(data, at + 4, at + 36)) : null;
    }

    private Optional<byte[]> mintAccount(Mint mint) {
        try {
            Optional<RawAccount> account = rpc.accountInfo(Address.of(mint.address()), Commitment.CONFIRMED);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            Address owner = account.get().owner();
            byte[] data = account.get().data();
            if ((!owner.equals(Address.TOKEN_PROGRAM) && !owner.equals(Address.TOKEN_2022_PROGRAM))
                    || data.length < 82) {
                log.debug("{} is not a mint: owner {}, {} bytes", mint, owner, data.length);
                return Optional.empty();
            }
            return Optional.of(data);
        } catch (RpcException e) {
            log.debug("Mint {} not read: {}", mint, e.getMessage());
            return Optional.empty();
        }
    }

    /** pump.fun launches seen since {@link #listenForLaunches}, listed after {@code after}, oldest first. */
    @Override
    public synchronized List<NewToken> newTokens(Instant after) {
        return launches.stream().filter(t -> t.listedAt().isAfter(after)).toList();
    }

    @Override
    public Set<String> capabilities() {
        return listening ? Set.of("prices", "sol-usd", "new-tokens") : Set.of("prices", "sol-usd");
    }

    @Override
    public String toString() {
        return "LiveMarket[" + jupiter + ", " + rpc + "]";
    }
}
