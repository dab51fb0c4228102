package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterException;
import io.solbot.core.jupiter.UsdPrice;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.account.AccountBytes;
import io.solbot.core.solana.pubsub.NewPools;
import io.solbot.core.solana.pubsub.PubSubClient;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.RawAccount;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live market: prices from Jupiter's Price API (SOL per token is the token's USD price over SOL's); decimals,
 * authorities, raw account bytes, token info and the largest holders read over RPC (see {@link #largestHolders});
 * an equivalent pool from the Price API's liquidity ({@link #pool}); the swaps of any wallet from its transactions
 * ({@link #walletSwaps}); and, once {@link #listenForLaunches} is called, new tokens from websocket log subscriptions:
 * pump.fun launches from their event, Raydium AMM v4 and CPMM pools from their creating transaction.
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
    private final LiveAccounts accounts;
    private final LiveWalletSwaps walletSwaps;
    private final Map<Mint, Integer> decimals = new ConcurrentHashMap<>();
    private final Deque<NewToken> launches = new ArrayDeque<>();
    private final Set<Mint> launched = new HashSet<>();
    private volatile boolean listening;

    public LiveMarket(JupiterClient jupiter, SolanaRpc rpc) {
        this.jupiter = Objects.requireNonNull(jupiter);
        this.rpc = Objects.requireNonNull(rpc);
        this.accounts = new LiveAccounts(rpc);
        this.walletSwaps = new LiveWalletSwaps(rpc);
    }

    /**
     * Reads new tokens from {@code pubSub}, at {@code processed} (the earliest, and possibly rolled back): pump.fun
     * launches, and Raydium AMM v4 and CPMM pools against SOL, whose token is read from the creating transaction once
     * the node serves it (a few reads at most, 8 at once; see {@code RaydiumLaunches}). Close the returned subscription
     * to stop.
     */
    public PubSubClient.Subscription listenForLaunches(PubSubClient pubSub) {
        return listenForLaunches(pubSub, Duration.ofMillis(500));
    }

    PubSubClient.Subscription listenForLaunches(PubSubClient pubSub, Duration retryDelay) {
        listening = true;
        RaydiumLaunches raydium =
                new RaydiumLaunches(rpc, accounts, this::launched, InstantSource.system(), 8, 256, 6, retryDelay);
        List<PubSubClient.Subscription> subscriptions = new ArrayList<>();
        subscriptions.add(pubSub.logsSubscribe(
                NewPools.PUMP_FUN,
                Commitment.PROCESSED,
                n -> NewPools.pumpLaunch(n).ifPresent(this::launched)));
        for (Address program : List.of(NewPools.RAYDIUM_AMM_V4, NewPools.RAYDIUM_CPMM)) {
            NewPools pools = new NewPools();
            subscriptions.add(pubSub.logsSubscribe(program, Commitment.PROCESSED, n -> {
                Optional<NewPools.PoolCreated> created;
                synchronized (pools) {
                    created = pools.read(n);
                }
                created.filter(c -> c.program().equals(program)).ifPresent(raydium::created);
            }));
        }
        return () -> subscriptions.forEach(PubSubClient.Subscription::close);
    }

    private synchronized Optional<NewToken> launch(Mint mint) {
        if (!launched.contains(mint)) {
            return Optional.empty();
        }
        return launches.stream().filter(t -> t.mint().equals(mint)).findFirst();
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

    /** The raw bytes and owning program of {@code address}, from {@code getAccountInfo}; empty if it does not exist. */
    @Override
    public Optional<AccountBytes> account(String address) {
        return accounts.account(address);
    }

    /**
     * Up to {@code limit} (at most 20) largest holders of {@code mint}: {@code getTokenLargestAccounts}, the owners read
     * from those token accounts ({@code getMultipleAccounts}), and a pool marked where the owner is Raydium's AMM v4
     * or CPMM authority or an account of a pool program (pump.fun's bonding curve, PumpSwap, Raydium); the
     * incinerator's tokens count as burnt. One holder per token account, largest first.
     */
    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        return accounts.largestHolders(mint, limit);
    }

    /**
     * Decimals and supply from the mint account; the symbol and listing time of a launch seen by {@link
     * #listenForLaunches}, else the mint's first four characters and the block time of the oldest of its last 1,000
     * transactions (for an older token a lower bound of its age).
     */
    @Override
    public Optional<TokenInfo> tokenInfo(Mint mint) {
        return accounts.tokenInfo(mint, this::launch);
    }

    /**
     * An equivalent constant-product pool of {@code mint} against SOL: the depth Jupiter's Price API reports for the
     * token ({@code liquidity}: its pools together, in US dollars) in SOL, split into two equal sides at the current
     * price, so that {@link Pool#liquidity()} is that depth and {@link Pool#price()} the price. The fee is not known
     * and given as 0: quotes and fills go through Jupiter's routes, never through this pool; it is what a
     * minimum-liquidity rule compares. Empty without a price, a SOL price or a reported depth.
     */
    @Override
    public Optional<Pool> pool(Mint mint) {
        if (mint.equals(Mint.WRAPPED_SOL)) {
            return Optional.empty();
        }
        try {
            Map<Mint, UsdPrice> prices = jupiter.prices(List.of(mint, Mint.WRAPPED_SOL));
            UsdPrice token = prices.get(mint);
            UsdPrice sol = prices.get(Mint.WRAPPED_SOL);
            if (token == null
                    || sol == null
                    || sol.usdPrice().signum() <= 0
                    || token.usdPrice().signum() <= 0
                    || token.liquidityUsd().isEmpty()) {
                return Optional.empty();
            }
            BigDecimal depthSol = token.liquidityUsd().get().divide(sol.usdPrice(), MathContext.DECIMAL128);
            long solSide = depthSol.movePointRight(Lamports.SOL_DECIMALS)
                    .divide(BigDecimal.TWO, 0, RoundingMode.DOWN)
                    .longValueExact();
            BigDecimal priceSol = token.usdPrice().divide(sol.usdPrice(), MathContext.DECIMAL128);
            BigInteger tokenSide = BigDecimal.valueOf(solSide, Lamports.SOL_DECIMALS)
                    .divide(priceSol, MathContext.DECIMAL128)
                    .movePointRight(token.decimals())
                    .setScale(0, RoundingMode.DOWN)
                    .toBigIntegerExact();
            return Optional.of(new Pool(
                    mint, token.decimals(), Lamports.of(solSide), new TokenAmount(tokenSide, token.decimals()), 0));
        } catch (JupiterException | ArithmeticException | IllegalArgumentException e) {
            log.debug("No pool for {}: {}", mint, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The swaps between SOL and a token that {@code wallet} made after {@code after}, from its confirmed transactions
     * (each read once; see {@code LiveWalletSwaps}): a buy or sell per transaction in which the wallet's SOL and one
     * token moved opposite ways. Failed transactions and other movements are no swaps.
     */
    @Override
    public List<WalletSwap> walletSwaps(String wallet, Instant after) {
        return walletSwaps.swaps(wallet, after);
    }

    /** Launches seen since {@link #listenForLaunches}, listed after {@code after}, oldest first. */
    @Override
    public synchronized List<NewToken> newTokens(Instant after) {
        return launches.stream().filter(t -> t.listedAt().isAfter(after)).toList();
    }

    /**
     * The {@code percentile} (nearest rank) of the node's recent slots' lowest landed compute-unit prices ({@code
     * getRecentPrioritizationFees} over all accounts): what a transaction had to bid to land in that share of slots.
     * Empty when the node reports no slot; an RPC failure propagates, as the other reads' do.
     */
    @Override
    public OptionalLong recentPriorityFee(int percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be 0 to 100, but was " + percentile);
        }
        List<Long> fees = new java.util.ArrayList<>(rpc.recentPrioritizationFees(List.of()));
        if (fees.isEmpty()) {
            return OptionalLong.empty();
        }
        fees.sort(null);
        int rank = Math.max(1, (int) Math.ceil(percentile / 100.0 * fees.size()));
        return OptionalLong.of(fees.get(rank - 1));
    }

    @Override
    public Set<String> capabilities() {
        Set<String> supplied = new java.util.TreeSet<>(
                Set.of("prices", "sol-usd", "pools", "token-info", "accounts", "wallet-swaps", "priority-fees"));
        if (listening) {
            supplied.add("new-tokens");
        }
        return Set.copyOf(supplied);
    }

    @Override
    public String toString() {
        return "LiveMarket[" + jupiter + ", " + rpc + "]";
    }
}
