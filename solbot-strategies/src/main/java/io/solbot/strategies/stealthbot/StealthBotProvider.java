package io.solbot.strategies.stealthbot;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code stealth-bot} strategy: buys one token from many wallets with jittered size, slippage and timing. Validates configs only in this version. */
public final class StealthBotProvider extends ValidationOnlyProvider<StealthBotConfig> {
    public StealthBotProvider() {
        super(
                "stealth-bot",
                "Buys one token from many wallets with jittered size, slippage and timing",
                StealthBotConfig.class);
    }
}
