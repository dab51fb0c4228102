package io.solbot.strategies.rotationbot;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code rotation-bot} strategy: rotates each wallet into the token with the strongest momentum. Each tick (every
 * {@code rotationInterval}) it ranks its tokens by their price change over {@code priceChangeWindow} and, when the
 * leader gained at least {@code minMomentum} % and is not held yet, sells the wallet's other tokens of the list and
 * then buys the leader with its SOL less {@code gasBufferSol}. Its {@code stopLoss} and {@code takeProfit} sell a
 * position whole, judged on the token's price. Reads candles, prices, the wallets' balances, and trades from the
 * wallets of {@code wallets} (capability {@code multi-wallet}). Stateless and thread-safe.
 */
public final class RotationBotProvider implements StrategyProvider<RotationBotConfig> {
    public RotationBotProvider() {}

    @Override
    public String id() {
        return "rotation-bot";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Rotates each wallet into the token with the strongest momentum";
    }

    @Override
    public Class<RotationBotConfig> configType() {
        return RotationBotConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICE_HISTORY, Capability.PRICES, Capability.WALLET_BALANCES, Capability.MULTI_WALLET);
    }

    @Override
    public Strategy create(RotationBotConfig config) {
        return new RotationBot(config);
    }
}
