package io.solbot.core.market;

import io.solbot.core.domain.WalletSwap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The swaps of the simulated market's named traders, per wallet, oldest first, kept for {@link #HORIZON}: what {@link
 * SimulatedMarket#walletSwaps} answers. A copier reads on from its last swap, so a day is far more than it needs, and
 * memory stays bounded however long a run lasts.
 *
 * <p>Threading: {@link #add} and {@link #trim} come from the market's serialised writers; {@link #after} from any
 * thread (each wallet's swaps under that wallet's lock).
 */
final class WalletSwapLog {
    static final Duration HORIZON = Duration.ofDays(1);

    private final ConcurrentHashMap<String, ArrayDeque<WalletSwap>> byWallet = new ConcurrentHashMap<>();
    private long added;

    /**
     * The id of the next swap at {@code at}: its time and its place among every named swap the market applied, so
     * unique within a market and the same in its replay; a market started later (a restarted launcher) never reuses
     * one, as its times are later.
     */
    String nextId(Instant at) {
        return "sim-" + at.toEpochMilli() + "-" + added;
    }

    void add(WalletSwap swap) {
        added++;
        ArrayDeque<WalletSwap> swaps = byWallet.computeIfAbsent(swap.wallet(), w -> new ArrayDeque<>());
        synchronized (swaps) {
            swaps.addLast(swap);
        }
    }

    /** The swaps of {@code wallet} after {@code after} (exclusive), oldest first. */
    List<WalletSwap> after(String wallet, Instant after) {
        ArrayDeque<WalletSwap> swaps = byWallet.get(wallet);
        if (swaps == null) {
            return List.of();
        }
        List<WalletSwap> out = new ArrayList<>();
        synchronized (swaps) {
            // newest last: walk back to the first swap not after {@code after}
            Iterator<WalletSwap> newestFirst = swaps.descendingIterator();
            while (newestFirst.hasNext()) {
                WalletSwap swap = newestFirst.next();
                if (!swap.at().isAfter(after)) {
                    break;
                }
                out.add(swap);
            }
        }
        return List.copyOf(out.reversed());
    }

    /** Drops the swaps older than {@link #HORIZON} before {@code now}. */
    void trim(Instant now) {
        Instant oldest = now.minus(HORIZON);
        // a wallet with none left goes too (rug pulls name thousands of insiders a day); safe, as only the
        // market's serialised writers add
        byWallet.values().removeIf(swaps -> {
            synchronized (swaps) {
                while (!swaps.isEmpty() && swaps.peekFirst().at().isBefore(oldest)) {
                    swaps.pollFirst();
                }
                return swaps.isEmpty();
            }
        });
    }
}
