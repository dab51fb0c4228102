package io.solbot.core.config.internal;

import io.solbot.core.config.Decimals;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

/** Checks {@link Decimals}. */
public final class DecimalsValidator implements ConstraintValidator<Decimals, BigDecimal> {
    private int max;

    @Override
    public void initialize(Decimals decimals) {
        max = decimals.value();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        return value == null
                || value.scale() <= max
                || value.stripTrailingZeros().scale() <= max;
    }
}
