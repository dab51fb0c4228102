package io.solbot.core.spi;

import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.WalletBalances;
import java.util.Optional;

/**
 * The balances of the wallets a bot trades from, read-only: SOL and tokens, each token with its price. What a
 * rebalancer weighs and a rotation bot rotates. Capability {@link Capability#WALLET_BALANCES}; reading more than the
 * bot's default wallet, {@link Capability#MULTI_WALLET} too.
 *
 * <p>Balances come from the engine's executor: a paper executor keeps one paper wallet per bot and label, moved by
 * that bot's fills and fees; a live one reads the chain. The engine may cache them briefly (see {@code
 * EngineBuilder.walletCacheTtl}), so a balance read right after a fill may not show it yet.
 */
public interface WalletView {
    /** A view with no balances: what an engine whose executor does not report them gives. */
    WalletView NONE = wallet -> Optional.empty();

    /**
     * The balances of the wallet the bot's orders use when they name none ({@link OrderOptions#DEFAULT_WALLET}),
     * or empty if the executor does not report balances.
     */
    default Optional<WalletBalances> balances() {
        return balances(OrderOptions.DEFAULT_WALLET);
    }

    /**
     * The balances of the bot's wallet labelled {@code wallet} (the label {@link OrderOptions#withWallet} names), or
     * empty if the executor does not report balances.
     */
    Optional<WalletBalances> balances(String wallet);
}
