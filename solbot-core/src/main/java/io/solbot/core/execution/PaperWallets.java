package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper executor's wallets: one per bot and wallet label, made on first use with the SOL {@link
 * PaperSettings.Wallets} gives its label, and moved by that bot's fills and fees from it.
 *
 * <p>A transaction holds what it may spend before it is sent ({@link Wallet#hold}): the SOL a buy part spends, plus
 * its fee and the most tip it may pay. A wallet that cannot cover that refuses it, as an RPC's preflight refuses a
 * transaction that cannot pay, and nothing is spent; so concurrent orders of one wallet never spend more than it holds.
 * When the transaction lands the hold becomes the fill; when it does not, the hold is released and only the fee a
 * landed, reverted transaction paid is charged.
 *
 * <p>Sells are not refused for the tokens a paper wallet holds: what a bot may sell is the engine's to check, against
 * the positions it restored from the fill store, and a new executor's wallets start afresh (like the simulated market
 * a paper run trades on). A sell of tokens this wallet did not buy leaves it holding none of them.
 *
 * <p>Threading: thread-safe; each wallet is guarded by its own lock.
 */
final class PaperWallets {
    private record Key(BotId bot, String wallet) {}

    private final PaperSettings.Wallets settings;
    private final Map<Key, Wallet> wallets = new ConcurrentHashMap<>();

    PaperWallets(PaperSettings.Wallets settings) {
        this.settings = settings;
    }

    /** The wallet labelled {@code wallet} of {@code bot}, made with its starting SOL on first use. */
    Wallet of(BotId bot, String wallet) {
        return wallets.computeIfAbsent(
                new Key(bot, wallet),
                k -> new Wallet(k.wallet, settings.startingSol(k.wallet).value()));
    }

    /** One paper wallet. */
    static final class Wallet {
        private final String label;
        private long sol;
        /** SOL held by transactions on their way. */
        private long held;

        private final Map<Mint, TokenAmount> tokens = new TreeMap<>();

        private Wallet(String label, long sol) {
            this.label = label;
            this.sol = sol;
        }

        /**
         * Holds {@code lamports} for a transaction about to be sent; null if the wallet can cover it, else why not.
         */
        synchronized String hold(long lamports) {
            long free = sol - held;
            if (lamports > free) {
                return "insufficient SOL: paper wallet '" + label + "' has " + Lamports.of(free)
                        + " free, but the transaction needs up to " + Lamports.of(lamports);
            }
            held = Math.addExact(held, lamports);
            return null;
        }

        /** The transaction that held {@code lamports} landed as {@code fill}. */
        synchronized void filled(long lamports, Fill fill) {
            held -= lamports;
            long cost = Math.addExact(fill.fee().value(), fill.tip().value());
            if (fill.side() == Side.BUY) {
                sol = Math.subtractExact(sol, Math.addExact(fill.sol().value(), cost));
                tokens.merge(fill.mint(), fill.amountOut(), TokenAmount::plus);
            } else {
                sol = Math.subtractExact(Math.addExact(sol, fill.sol().value()), cost);
                TokenAmount left = tokens.getOrDefault(
                                fill.mint(), TokenAmount.zero(fill.amountIn().decimals()))
                        .minus(fill.amountIn());
                if (left.signum() > 0) {
                    tokens.put(fill.mint(), left);
                } else {
                    tokens.remove(fill.mint());
                }
            }
        }

        /** The transaction that held {@code lamports} did not fill; it paid {@code paid} (a landed revert's fee). */
        synchronized void released(long lamports, Lamports paid) {
            held -= lamports;
            sol = Math.subtractExact(sol, paid.value());
        }

        /** What the wallet holds now, tokens without prices. */
        synchronized WalletBalances balances(Instant at) {
            List<TokenBalance> out = new ArrayList<>(tokens.size());
            tokens.forEach((mint, amount) -> out.add(TokenBalance.unpriced(mint, amount)));
            return new WalletBalances(label, Lamports.of(sol), out, at);
        }
    }
}
