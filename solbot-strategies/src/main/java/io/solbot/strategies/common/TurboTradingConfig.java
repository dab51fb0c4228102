package io.solbot.strategies.common;

import io.solbot.core.config.TradeFees;
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

    /** Buys per signal with {@code multiBuy} on; null when not given. */
    Integer multiBuyCount();

    /** The Jito tip with {@code useJitoBundle} on, lamports; null when not given. */
    Long jitoTipLamports();

    /** Whether a turbo field sets a stop loss beside the shared {@code stopLoss} (a trailing stop, say). */
    boolean hasTurboStopLoss();

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
