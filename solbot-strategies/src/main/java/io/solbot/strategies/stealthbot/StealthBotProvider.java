package io.solbot.strategies.stealthbot;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code stealth-bot} strategy: buys one token from many wallets with jittered size, slippage and timing. Each of
 * {@code wallets} buys {@code tokenMint} once, a random {@code delayMinMs}..{@code delayMaxMs} after the previous one,
 * for {@code positionSize} SOL ± {@code sizeJitterPct} % and with the slippage ± {@code slippageJitterPct} %, all drawn
 * from the bot's seeded randomness; together never more than {@code positionSize} × the number of wallets. Orders
 * name their wallet (capability {@code multi-wallet}). Stateless and thread-safe.
 */
public final class StealthBotProvider implements StrategyProvider<StealthBotConfig> {
    public StealthBotProvider() {}

    @Override
    public String id() {
        return "stealth-bot";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys one token from many wallets with jittered size, slippage and timing";
    }

    @Override
    public Class<StealthBotConfig> configType() {
        return StealthBotConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.MULTI_WALLET);
    }

    @Override
    public Strategy create(StealthBotConfig config) {
        return new StealthBot(config);
    }
}
