package io.solbot.strategies.turbopapertrader;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code turbo-paper-trader} strategy: fast paper trader with turbo exits. Validates configs only in this version. */
public final class TurboPaperTraderProvider extends ValidationOnlyProvider<TurboPaperTraderConfig> {
    public TurboPaperTraderProvider() {
        super("turbo-paper-trader", "Fast paper trader with turbo exits", TurboPaperTraderConfig.class);
    }
}
