package io.solbot.core.market;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.LandedTransaction;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SignatureInfo;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The swaps a wallet made, read from its confirmed transactions: {@code getSignaturesForAddress} back to the newest
 * signature read before (or to {@code after}), then {@code getTransaction} of each new one that succeeded. A swap is
 * the wallet's SOL going one way (lamports plus wrapped SOL, the fee it paid as fee payer added back) and exactly one
 * other token going the other way, by the token balances the wallet owns; anything else (a transfer, a swap between two
 * tokens, a failed transaction) is no swap. Each signature is fetched once: its swap, or that it is none, is kept.
 *
 * <p>Thread-safe; one wallet's reads are serialised, so two bots copying one wallet cost one read.
 */
final class LiveWalletSwaps {
    private static final Logger log = LoggerFactory.getLogger(LiveWalletSwaps.class);
    /** Signatures asked per call; a wallet that made more since the last read is read page by page. */
    static final int PAGE = 100;
    /** Pages per read at most: a wallet read for the first time is read back this far, not to its first day. */
    static final int MAX_PAGES = 5;
    /** Swaps kept per wallet; the oldest go first. */
    static final int KEPT = 1_000;

    private final SolanaRpc rpc;
    private final Map<String, Wallet> wallets = new ConcurrentHashMap<>();

    LiveWalletSwaps(SolanaRpc rpc) {
        this.rpc = rpc;
    }

    /** What is known of one wallet: its swaps by signature, oldest first, and the newest signature read. */
    private static final class Wallet {
        final Address address;
        final LinkedHashMap<String, WalletSwap> swaps = new LinkedHashMap<>();
        TxSignature newest;
        Instant readAfter;

        Wallet(Address address) {
            this.address = address;
        }
    }

    List<WalletSwap> swaps(String wallet, Instant after) {
        Address address;
        try {
            address = Address.of(wallet);
        } catch (IllegalArgumentException e) {
            log.debug("Not a wallet address: {}", e.getMessage());
            return List.of();
        }
        Wallet known = wallets.computeIfAbsent(wallet, w -> new Wallet(address));
        synchronized (known) {
            try {
                read(known, after);
            } catch (RpcException e) {
                log.debug("Swaps of {} not read: {}", wallet, e.getMessage());
            }
            return known.swaps.values().stream()
                    .filter(s -> s.at().isAfter(after))
                    .toList();
        }
    }

    private void read(Wallet wallet, Instant after) {
        // a wallet asked about earlier times than before is read again back to them (its newest kept)
        boolean further = wallet.readAfter != null && after.isBefore(wallet.readAfter);
        Optional<TxSignature> until = further ? Optional.empty() : Optional.ofNullable(wallet.newest);
        List<SignatureInfo> fresh = new ArrayList<>();
        Optional<TxSignature> before = Optional.empty();
        boolean more = true;
        for (int page = 0; page < MAX_PAGES && more; page++) {
            List<SignatureInfo> list =
                    rpc.signaturesForAddress(wallet.address, before, until, PAGE, Commitment.CONFIRMED);
            for (SignatureInfo info : list) {
                if (info.blockTime().map(t -> !t.isAfter(after)).orElse(false)) {
                    more = false;
                    break;
                }
                fresh.add(info);
            }
            more = more && list.size() == PAGE;
            if (!list.isEmpty()) {
                before = Optional.of(list.getLast().signature());
            }
        }
        // oldest first, so that what is kept runs in time order and the newest read only moves forward
        for (SignatureInfo info : fresh.reversed()) {
            String id = info.signature().value();
            if (info.err().isEmpty() && !wallet.swaps.containsKey(id)) {
                Optional<LandedTransaction> tx = rpc.transaction(info.signature(), Commitment.CONFIRMED);
                if (tx.isEmpty()) {
                    // listed but not yet served by getTransaction: read it, and what came after, next time
                    break;
                }
                swap(wallet.address, tx.get(), info).ifPresent(swap -> wallet.swaps.put(id, swap));
            }
            wallet.newest = info.signature();
        }
        if (wallet.readAfter == null || after.isBefore(wallet.readAfter)) {
            wallet.readAfter = after;
        }
        while (wallet.swaps.size() > KEPT) {
            wallet.swaps.remove(wallet.swaps.keySet().iterator().next());
        }
    }

    /** The swap {@code tx} is for {@code wallet}, or empty if it is none (see the class comment). */
    static Optional<WalletSwap> swap(Address wallet, LandedTransaction tx, SignatureInfo info) {
        if (tx.err().isPresent()) {
            return Optional.empty();
        }
        long lamports = tx.lamportChange(wallet);
        if (!tx.accountKeys().isEmpty() && tx.accountKeys().getFirst().equals(wallet)) {
            lamports = Math.addExact(lamports, tx.feeLamports());
        }
        BigInteger sol = BigInteger.valueOf(lamports).add(tx.tokenChange(wallet, Mint.WRAPPED_SOL));
        Map<Mint, BigInteger> changes = new LinkedHashMap<>();
        Map<Mint, Integer> decimals = new LinkedHashMap<>();
        for (LandedTransaction.TokenBalance b : tx.tokenBalances()) {
            if (b.mint().equals(Mint.WRAPPED_SOL)
                    || !b.owner().map(wallet::equals).orElse(false)) {
                continue;
            }
            changes.merge(b.mint(), b.after().subtract(b.before()), BigInteger::add);
            decimals.put(b.mint(), b.decimals());
        }
        changes.values().removeIf(c -> c.signum() == 0);
        if (changes.size() != 1 || sol.signum() == 0) {
            return Optional.empty();
        }
        Map.Entry<Mint, BigInteger> token = changes.entrySet().iterator().next();
        if (token.getValue().signum() == sol.signum()) {
            return Optional.empty();
        }
        Side side = token.getValue().signum() > 0 ? Side.BUY : Side.SELL;
        Optional<Instant> at = tx.blockTime().or(info::blockTime);
        if (at.isEmpty()) {
            // a swap copied by time needs one; nodes give every recent transaction its block time
            return Optional.empty();
        }
        return Optional.of(new WalletSwap(
                at.get(),
                wallet.toString(),
                token.getKey(),
                side,
                Lamports.of(sol.abs().longValueExact()),
                new TokenAmount(token.getValue().abs(), decimals.get(token.getKey())),
                tx.signature().value()));
    }
}
