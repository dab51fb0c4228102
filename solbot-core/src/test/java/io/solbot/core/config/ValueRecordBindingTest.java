package io.solbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Mint;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRecordBindingTest {
    record Pair(
            @Required Mint base,
            List<Mint> quotes,
            @jakarta.validation.Valid Chain chain) {}

    record Chain(
            @Between(min = "0") Integer value,
            @jakarta.validation.Valid Chain next) {}

    static final class PairProvider implements StrategyProvider<Pair> {
        @Override
        public String id() {
            return "pair";
        }

        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public Class<Pair> configType() {
            return Pair.class;
        }

        @Override
        public Strategy create(Pair config) {
            throw new UnsupportedOperationException();
        }
    }

    private static final BotsFileLoader LOADER = BotsFileLoader.using(
            StrategyRegistry.builder().register(new PairProvider()).build());

    @Test
    void shouldBindAOneComponentRecordFromItsSingleValue() {
        ConfigReport report = LOADER.parse(
                "bots:\n  - mode: pair\n    config: {base: " + BotsFileLoaderTest.MINT + ", quotes: [" + Mint.USDC
                        + "]}\n",
                "t.yaml");

        assertThat(report.violations()).isEmpty();
        Pair pair = (Pair) report.bots().getFirst().config();
        assertThat(pair.base()).isEqualTo(Mint.of(BotsFileLoaderTest.MINT));
        assertThat(pair.quotes()).containsExactly(Mint.USDC);
    }

    @Test
    void shouldBindARecordThatHoldsItself() {
        ConfigReport report = LOADER.parse(
                "bots:\n  - mode: pair\n    config: {base: " + Mint.USDC
                        + ", chain: {value: 1, next: {value: -2, nxt: 3}}}\n",
                "t.yaml");

        assertThat(report.violations())
                .extracting(Violation::message)
                .containsExactlyInAnyOrder(
                        "line 3, column 107: bot 'pair-1': chain.next.nxt is not a known field; did you mean 'next'?",
                        "line 3, column 98: bot 'pair-1': chain.next.value must be at least 0, but was -2");
    }

    @Test
    void shouldReportTheValueTypesOwnReasonForABadValue() {
        assertThat(LOADER.parse("bots:\n  - mode: pair\n    config: {quotes: [abc]}\n", "t.yaml")
                        .violations())
                .extracting(Violation::message)
                .containsExactlyInAnyOrder(
                        "line 3, column 13: bot 'pair-1': base is required",
                        "line 3, column 23: bot 'pair-1': quotes[0] is invalid: 'abc' is not a valid Solana address:"
                                + " it decodes to 3 bytes, but a Solana address has 32");
    }
}
