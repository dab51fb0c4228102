package io.solbot.strategies.scalper;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code scalper} strategy: short-window momentum scalps with a hard hold timeout. Validates configs only in this version. */
public final class ScalperProvider extends ValidationOnlyProvider<ScalperConfig> {
    public ScalperProvider() {
        super("scalper", "Short-window momentum scalps with a hard hold timeout", ScalperConfig.class);
    }
}
