package io.solbot.strategies.common;

import io.solbot.core.config.StrategyConfig;

/**
 * A strategy config without {@link SharedConfig} that carries the original platform's per-bot fields ({@link
 * PlatformFields}): its wallet is their {@code walletLabel}.
 */
public interface PlatformConfig extends StrategyConfig {
    /** The platform fields. */
    PlatformFields platformFields();

    @Override
    default String wallet() {
        return platformFields().walletLabel();
    }
}
