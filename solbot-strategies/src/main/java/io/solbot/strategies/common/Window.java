package io.solbot.strategies.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A time window of 1 minute to 1440 minutes (a day): a number of minutes, or text with a unit ({@code "30s"} is too
 * short; {@code "5m"}, {@code "1h"}, {@code "1d"}). Null is valid.
 */
@Documented
@Constraint(validatedBy = Window.Validator.class)
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Window {
    String message() default "must be a window of 1 to 1440 minutes (a number of minutes, or text like 5m, 1h, 1d)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Window}; public for Hibernate Validator only. */
    final class Validator implements ConstraintValidator<Window, String> {
        public Validator() {}

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            BigDecimal minutes = Units.minutes(value);
            return minutes != null
                    && minutes.compareTo(BigDecimal.ONE) >= 0
                    && minutes.compareTo(BigDecimal.valueOf(1440)) <= 0;
        }
    }
}
