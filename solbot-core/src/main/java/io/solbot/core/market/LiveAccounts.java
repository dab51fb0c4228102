package io.solbot.core.market;

import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.account.AccountBytes;
import io.solbot.core.solana.account.MalformedAccountException;
import io.solbot.core.solana.account.MintAccount;
import io.solbot.core.solana.account.TokenAccount;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.LargestAccount;
import io.solbot.core.solana.rpc.RawAccount;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SignatureInfo;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live market's reads of accounts over RPC, for the safety checks: raw account bytes, a mint's largest holders
 * with their owners resolved and pools marked, and what the mint account says of a token. A failed read (the node
 * down, a reply of another shape, bytes that are not what they should be) is logged at debug and answers empty.
 *
 * <p>Thread-safe.
 */
final class LiveAccounts {
    private static final Logger log = LoggerFactory.getLogger(LiveAccounts.class);

    /**
     * Owners that are pools, not people (solana.md §4.3): the Raydium AMM v4 authority and the CPMM vault authority,
     * program-derived addresses with no account of their own.
     */
    static final Set<Address> POOL_AUTHORITIES = Set.of(
            Address.of("5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1"),
            Address.of("GpMZbSM2GgvTKHJirzeGfMFoaZ8UR2X7F4v8vHTvxFbL"));

    /**
     * Programs whose accounts hold pool liquidity (solana.md §5.1): an owner account that one of them owns (a pump.fun
     * bonding curve, a PumpSwap pool, a pool state) is a pool. Raydium AMM v4, CPMM, CLMM, LaunchLab, pump.fun,
     * PumpSwap.
     */
    static final Set<Address> AMM_PROGRAMS = Set.of(
            Address.of("675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8"),
            Address.of("CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C"),
            Address.of("CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK"),
            Address.of("LanMV9sAd7wArD4vJFi2qDdfnVhFxYSUg6eADduJ3uj"),
            Address.of("6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P"),
            Address.of("pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA"));

    /** One page of a mint's history: a token with fewer transactions shows its creation in it. */
    private static final int HISTORY_PAGE = SolanaRpc.MAX_SIGNATURES_PER_CALL;

    private static final int REMEMBERED = 10_000;

    private final SolanaRpc rpc;
    /** Lower bounds of token ages, which only ever hold: read once per mint. */
    private final Map<Mint, Instant> createdAt = bounded();

    LiveAccounts(SolanaRpc rpc) {
        this.rpc = rpc;
    }

    Optional<AccountBytes> account(String address) {
        Address at;
        try {
            at = Address.of(address);
        } catch (IllegalArgumentException e) {
            log.debug("Not an account address: {}", e.getMessage());
            return Optional.empty();
        }
        try {
            return rpc.accountInfo(at, Commitment.CONFIRMED).map(LiveAccounts::bytes);
        } catch (RpcException e) {
            log.debug("Account {} not read: {}", address, e.getMessage());
            return Optional.empty();
        }
    }

    /** The mint account of {@code mint}, decoded; empty if it cannot be read or is not a mint. */
    Optional<MintAccount> mint(Mint mint) {
        return account(mint.address()).flatMap(bytes -> {
            try {
                return Optional.of(bytes.mint());
            } catch (MalformedAccountException e) {
                log.debug("{} is not a mint: {}", mint, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /**
     * Up to {@code limit} (at most 20, as the node lists no more) of the largest token accounts of {@code mint}, each
     * with its owner read from the account's bytes, largest first. A holder is marked a pool when its owner is a known
     * pool authority, or an account owned by an AMM program ({@link #AMM_PROGRAMS}); burnt tokens are those of the
     * incinerator ({@link Holder#isBurnt()}). Three calls: the largest accounts, their bytes, their owners' accounts.
     */
    List<Holder> largestHolders(Mint mint, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try {
            List<LargestAccount> largest = rpc.tokenLargestAccounts(mint, Commitment.CONFIRMED);
            largest = largest.stream()
                    .filter(a -> a.amount().signum() > 0)
                    .limit(limit)
                    .toList();
            if (largest.isEmpty()) {
                return List.of();
            }
            List<Optional<RawAccount>> accounts = rpc.multipleAccounts(
                    largest.stream().map(LargestAccount::address).toList(), Commitment.CONFIRMED);
            List<Address> owners = new ArrayList<>(largest.size());
            for (int i = 0; i < largest.size(); i++) {
                RawAccount raw = accounts.get(i)
                        .orElseThrow(() -> new IllegalStateException("a largest account no longer exists"));
                TokenAccount account =
                        TokenAccount.decode(raw.data(), raw.owner().toString());
                if (!account.mint().equals(mint.address())) {
                    throw new IllegalStateException(
                            "token account " + largest.get(i).address() + " holds " + account.mint() + ", not " + mint);
                }
                owners.add(Address.of(account.owner()));
            }
            List<Address> distinct = new ArrayList<>(new LinkedHashSet<>(owners));
            List<Optional<RawAccount>> ownerAccounts = rpc.multipleAccounts(distinct, Commitment.CONFIRMED);
            Set<Address> pools = new LinkedHashSet<>();
            for (int i = 0; i < distinct.size(); i++) {
                Address owner = distinct.get(i);
                boolean pool = POOL_AUTHORITIES.contains(owner)
                        || ownerAccounts
                                .get(i)
                                .map(a -> AMM_PROGRAMS.contains(a.owner()))
                                .orElse(false);
                if (pool) {
                    pools.add(owner);
                }
            }
            List<Holder> holders = new ArrayList<>(largest.size());
            for (int i = 0; i < largest.size(); i++) {
                LargestAccount a = largest.get(i);
                holders.add(new Holder(
                        owners.get(i).toString(),
                        new TokenAmount(a.amount(), a.decimals()),
                        pools.contains(owners.get(i))));
            }
            holders.sort(Comparator.comparing(Holder::amount).reversed());
            return List.copyOf(holders);
        } catch (RpcException | MalformedAccountException | IllegalStateException | IllegalArgumentException e) {
            log.debug("Holders of {} not read: {}", mint, e.getMessage());
            return List.of();
        }
    }

    /**
     * What the mint account says of {@code mint} (decimals, supply), with a symbol and a listing time from {@code
     * launches} if the token was seen launching; otherwise the symbol is the mint's first four characters (no
     * metadata is read) and the creation time the block time of the oldest of its last 1,000 transactions: its
     * creation for a young token, and a lower bound of its age for an older one, so a minimum-age rule never passes a
     * token younger than it is.
     */
    Optional<TokenInfo> tokenInfo(Mint mint, Function<Mint, Optional<NewToken>> launches) {
        Optional<MintAccount> account = mint(mint);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        MintAccount m = account.get();
        Optional<NewToken> launch = launches.apply(mint);
        Optional<Instant> created = launch.map(NewToken::listedAt).or(() -> oldestSeen(mint));
        if (created.isEmpty()) {
            return Optional.empty();
        }
        String symbol = launch.map(NewToken::symbol).orElse(mint.address().substring(0, 4));
        return Optional.of(new TokenInfo(mint, symbol, m.decimals(), m.supplyAmount(), created.get()));
    }

    private Optional<Instant> oldestSeen(Mint mint) {
        Instant known = createdAt.get(mint);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            List<SignatureInfo> page = rpc.signaturesForAddress(
                    Address.of(mint.address()), Optional.empty(), Optional.empty(), HISTORY_PAGE, Commitment.CONFIRMED);
            Optional<Instant> oldest = page.stream()
                    .map(SignatureInfo::blockTime)
                    .flatMap(Optional::stream)
                    .min(Comparator.naturalOrder());
            if (oldest.isPresent() && page.size() < HISTORY_PAGE) {
                // the whole history: its oldest transaction created the mint, and that never changes
                createdAt.put(mint, oldest.get());
            }
            return oldest;
        } catch (RpcException e) {
            log.debug("History of {} not read: {}", mint, e.getMessage());
            return Optional.empty();
        }
    }

    private static AccountBytes bytes(RawAccount raw) {
        return new AccountBytes(raw.owner().toString(), raw.data());
    }

    private static <K, V> Map<K, V> bounded() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
