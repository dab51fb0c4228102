package io.solbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
    /** Holds a group named as {@link TestGridConfig}'s flattened one, but not flattened: its name is in the path. */
    record Nested(@Valid Common common) {}

    record Common(@Between(min = "1") Integer maxTrades) {}

    @Test
    void shouldNameAGroupThatIsFlattenedOnlyInAnotherConfigType() {
        ConfigValidator validator = ConfigValidator.standard();
        var flattening = new TestGridConfig(
                new TestGridConfig.Common(new BigDecimal("0"), 1, BigDecimal.ONE),
                BotsFileLoaderTest.MINT,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(validator.validate("grid", flattening))
                .extracting(Violation::path)
                .containsExactly("slippage");

        assertThat(validator.validate("nested", new Nested(new Common(0))))
                .extracting(Violation::path)
                .containsExactly("common.maxTrades");
    }
}
