package io.solbot.strategies.rotationbot;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code rotation-bot} strategy: rotates each wallet into the token with the strongest momentum. Validates configs only in this version. */
public final class RotationBotProvider extends ValidationOnlyProvider<RotationBotConfig> {
    public RotationBotProvider() {
        super(
                "rotation-bot",
                "Rotates each wallet into the token with the strongest momentum",
                RotationBotConfig.class);
    }
}
