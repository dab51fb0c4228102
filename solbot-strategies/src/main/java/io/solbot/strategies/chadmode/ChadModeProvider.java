package io.solbot.strategies.chadmode;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code chad-mode} strategy: apes into given mints with escalating slippage and fees, then auto-sells. Validates configs only in this version. */
public final class ChadModeProvider extends ValidationOnlyProvider<ChadModeConfig> {
    public ChadModeProvider() {
        super(
                "chad-mode",
                "Apes into given mints with escalating slippage and fees, then auto-sells",
                ChadModeConfig.class);
    }
}
