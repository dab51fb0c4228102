package io.solbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.testing.FirstUse;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
    private static final String VERSION_LINE = "HV000001";

    /** An embedder's first validation: builds the shared validator. */
    public static final class BuildTheValidator implements Consumer<String> {
        @Override
        public void accept(String ignored) {
            ConfigValidator.standard();
        }
    }

    /** Hibernate Validator used directly, as the control: its version line does reach the console. */
    public static final class BuildAPlainFactory implements Consumer<String> {
        @Override
        public void accept(String ignored) {
            Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
        }
    }

    @Test
    void shouldBuildTheValidatorWithoutPrintingHibernateValidatorsVersion() {
        assertThat(FirstUse.output(BuildAPlainFactory.class, "")).contains(VERSION_LINE);

        String output = FirstUse.output(BuildTheValidator.class, "");

        assertThat(output).doesNotContain(VERSION_LINE);
        assertThat(Logger.getLogger("org.hibernate.validator.internal.util.Version")
                        .getLevel())
                .as("the level is the host's again once the validator is built")
                .isNull();
    }

    @Test
    void shouldLeaveTheVersionLineToAHostThatSetItsLevel() {
        Logger version = Logger.getLogger("org.hibernate.validator.internal.util.Version");
        version.setLevel(Level.INFO);
        try {
            assertThat(FirstUse.output(BuildTheValidator.class, "")).contains(VERSION_LINE);
            assertThat(version.getLevel()).isEqualTo(Level.INFO);
        } finally {
            version.setLevel(null);
        }
    }

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
