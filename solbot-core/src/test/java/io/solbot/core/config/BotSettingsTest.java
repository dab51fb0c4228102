package io.solbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.engine.BotSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BotSettingsTest {
    private record SpendingConfig(BotSettings settings) implements StrategyConfig {}

    @Test
    void shouldSpendSolPerTradeWithTheDefaultsOfABotSpecForTheRest() {
        BotSettings settings = BotSettings.spendingSol(Lamports.ofSol("0.05"), Duration.ofSeconds(2), 4);

        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxTrades()).isEqualTo(4);
        assertThat(settings.lamportsPerTrade()).contains(Lamports.of(50_000_000));
        assertThat(settings.spendMint()).isEqualTo(Mint.WRAPPED_SOL);
        assertThat(settings.maxExposure()).isEqualTo(Lamports.ofSol("0.2").toTokenAmount());

        BotSpec defaults =
                BotSpec.builder(BotId.of("plain"), "any", new Object()).build();
        BotSpec spec = BotSpec.builder(BotId.of("spender"), "any", new SpendingConfig(settings))
                .build();
        assertThat(spec.cooldown()).isEqualTo(defaults.cooldown());
        assertThat(spec.maxFailuresInARow()).isEqualTo(defaults.maxFailuresInARow());
        assertThat(spec.maxOpenPositions()).isEqualTo(defaults.maxOpenPositions());
        assertThat(spec.slippageBps()).isEqualTo(defaults.slippageBps());
        assertThat(spec.priorityFee()).isEqualTo(defaults.priorityFee());
        assertThat(spec.maxBuy()).isEqualTo(Lamports.of(50_000_000));
    }

    @Test
    void shouldRefuseAnIntervalOutOfRangeNamingIt() {
        assertThatThrownBy(() -> BotSettings.spendingSol(Lamports.ofSol("0.05"), Duration.ofMillis(500), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be between 1 s and 3600 s, but was 500 ms");
    }
}
