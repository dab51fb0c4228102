package io.solbot.core.config;

import io.solbot.core.domain.BotId;
import io.solbot.core.plugin.RegisteredProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * One bot of a valid bots file: its id, the strategy that runs it, the wallet it trades from and its validated config.
 * {@code BotSpec.from(definition)} turns it into what the engine runs.
 *
 * @param id the bot's id
 * @param provider the provider of the bot's strategy (the file's {@code mode})
 * @param wallet the wallet label ({@code "default"} when the file names none)
 * @param config the validated config, an instance of the provider's {@code configType()}
 */
public record BotDefinition(BotId id, RegisteredProvider provider, String wallet, Object config) {
    public BotDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(config, "config");
    }

    /** The strategy's id: the canonical form of the file's {@code mode}. */
    public String strategyId() {
        return provider.id();
    }

    /** The engine-facing settings, when the config is a {@link StrategyConfig}. */
    public Optional<BotSettings> settings() {
        return config instanceof StrategyConfig s ? Optional.of(s.settings()) : Optional.empty();
    }
}
