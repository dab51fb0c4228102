package io.solbot.strategies.chadmode;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code chad-mode} strategy: apes into given mints with escalating slippage and fees, then auto-sells. It buys
 * {@code amountToSpend} of each target, raises the slippage by 1 point (up to {@code slippageMaxPct}) and the
 * priority fee by {@code feeEscalationLamports} (up to three raises) after each failed order, and sells {@code
 * autoSell.dumpPct} % of the position {@code autoSell.delay} ms after each buy, plus a random jitter from the bot's
 * seeded randomness; before that, its {@code takeProfit} and {@code stopLoss} (selling {@code tpPercent} / {@code
 * slPercent} of it) may sell it, judged on the token's price. Stateless and thread-safe.
 */
public final class ChadModeProvider implements StrategyProvider<ChadModeConfig> {
    public ChadModeProvider() {}

    @Override
    public String id() {
        return "chad-mode";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Apes into given mints with escalating slippage and fees, then auto-sells";
    }

    @Override
    public Class<ChadModeConfig> configType() {
        return ChadModeConfig.class;
    }

    /** Prices, for its take profit and stop loss; its orders' options need nothing more. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES);
    }

    /** @throws UnsupportedOperationException if the config buys with USDC, which this version does not */
    @Override
    public Strategy create(ChadModeConfig config) {
        return new ChadMode(config);
    }
}
