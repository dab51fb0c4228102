package io.solbot.strategies.papertrader;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code paper-trader} strategy: sniper pipeline with simulated execution (ideal, amm_depth, jito_fallback). Validates configs only in this version. */
public final class PaperTraderProvider extends ValidationOnlyProvider<PaperTraderConfig> {
    public PaperTraderProvider() {
        super(
                "paper-trader",
                "Sniper pipeline with simulated execution (ideal, amm_depth, jito_fallback)",
                PaperTraderConfig.class);
    }
}
