package io.solbot.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Latency;
import io.solbot.core.execution.PaperSettings.Partials;
import org.junit.jupiter.api.Test;

class PaperSettingsTest {
    @Test
    void shouldRefuseANegativeLatencyNamingTheStageAndValue() {
        assertThatThrownBy(() -> new Latency(30, 10, -5, 400))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid paper trading settings: latency.sendMs must be at least 0, but was -5");
    }

    @Test
    void shouldRefuseFailureRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new FailureRates(0, 1.5, 0, -0.1, 0))
                .hasMessage("invalid paper trading settings: failureRates.build must be between 0 and 1, but was 1.5;"
                        + " failureRates.land must be between 0 and 1, but was -0.1");
        assertThatThrownBy(() -> new FailureRates(Double.NaN, 0, 0, 0, 0))
                .hasMessageContaining("failureRates.quote must be between 0 and 1, but was NaN");
    }

    @Test
    void shouldRefuseMinPartsAboveMaxParts() {
        assertThatThrownBy(() -> new Partials(3, 2))
                .hasMessage("invalid paper trading settings: partials.minParts must not be greater than"
                        + " partials.maxParts, but was 3 > 2");
        assertThatThrownBy(() -> new Partials(0, 2))
                .hasMessageContaining("partials.minParts must be between 1 and 100");
    }

    @Test
    void shouldListEveryBadTopLevelFieldInOneMessage() {
        assertThatThrownBy(() -> new PaperSettings(
                        ExecModel.JITO_FALLBACK, 1, Latency.NONE, -1, FailureRates.NONE, Partials.NONE, 999, 0))
                .hasMessage("invalid paper trading settings: slippageBpsCap must be between 0 and 10000, but was -1;"
                        + " jitoTipLamports must be at least 1000, but was 999;"
                        + " maxDailyTrades must be at least 1, but was 0");
    }

    @Test
    void shouldAcceptAZeroTipOutsideTheJitoModel() {
        assertThat(PaperSettings.defaults(1).withJitoTipLamports(0).jitoTipLamports())
                .isZero();
        assertThatThrownBy(
                        () -> PaperSettings.defaults(1).withJitoTipLamports(0).withExecModel(ExecModel.JITO_FALLBACK))
                .hasMessageContaining("jitoTipLamports must be at least 1000, but was 0");
    }

    @Test
    void shouldParseTheOriginalModelNames() {
        assertThat(ExecModel.of("amm_depth")).isEqualTo(ExecModel.AMM_DEPTH);
        assertThat(ExecModel.of("JITO_FALLBACK")).isEqualTo(ExecModel.JITO_FALLBACK);
        assertThatThrownBy(() -> ExecModel.of("turbo"))
                .hasMessage("execModel must be one of [ideal, amm_depth, jito_fallback], but was 'turbo'");
    }
}
