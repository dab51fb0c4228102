package io.solbot.strategies.common;

import io.solbot.core.config.BotSettings;
import io.solbot.core.config.TradeFees;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A trading config with the knobs both turbo strategies share: its trade fees count its multi-buys and its Jito tip
 * ({@link TurboToggles#tradeFees}), and a stop of its own (a trailing stop) stands in for {@code stopLoss} in the
 * warnings.
 */
public interface TurboTradingConfig extends TradingConfig {
    /** The turbo on/off switches; null when none is given. */
    TurboToggles turboToggles();

    /** The flat smart-exit fields; null when none is given. */
    TurboExitFields turboExitFields();

    /** Buys per signal with {@code multiBuy} on; null when not given. */
    Integer multiBuyCount();

    /** The Jito tip with {@code useJitoBundle} on, lamports; null when not given. */
    Long jitoTipLamports();

    /** Whether a turbo field sets a stop loss beside the shared {@code stopLoss} (a trailing stop, say). */
    boolean hasTurboStopLoss();

    /**
     * Orders one signal (one token bought) fills at most: its probe and its pieces. The engine's limits count orders,
     * so its {@code maxTrades} is {@code maxTrades} × this; the strategy itself counts signals.
     */
    int ordersPerSignal();

    /** Whether one signal may buy its token more than once in a row (tranches, wallets, a probe, retries). */
    default boolean buysATokenInARow() {
        return ordersPerSignal() > 1;
    }

    /**
     * The shared settings, but {@code maxTrades} in orders ({@link #ordersPerSignal()} per signal), and no cooldown of
     * the engine's when a signal {@link #buysATokenInARow() buys its token in a row}: the strategy then keeps the
     * config's cooldown between signals itself.
     */
    @Override
    default BotSettings settings() {
        BotSettings s = sharedFields().settings(defaults());
        return new BotSettings(
                s.interval(),
                Math.multiplyExact(s.maxTrades(), ordersPerSignal()),
                buysATokenInARow() ? Duration.ZERO : s.cooldown(),
                s.maxFailuresInARow(),
                s.maxOpenPositions(),
                s.slippageBps(),
                s.priorityFee(),
                s.spendMint(),
                s.amountPerTrade());
    }

    @Override
    default TradeFees tradeFees() {
        return TurboToggles.tradeFees(turboToggles(), settings().priorityFee(), multiBuyCount(), jitoTipLamports());
    }

    @Override
    default List<String> warnings() {
        List<String> out = new ArrayList<>(TradingConfig.super.warnings());
        if (hasTurboStopLoss()) {
            out.removeIf(w -> w.startsWith("no stop loss"));
        }
        return out;
    }
}
