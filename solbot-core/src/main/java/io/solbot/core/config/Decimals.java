package io.solbot.core.config;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.solbot.core.config.internal.DecimalsValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@code BigDecimal} has at most {@link #value()} digits after the point, so it converts to an exact
 * integer unit (9 for SOL → lamports, 6 for USDC, 2 for a percent → basis points). Trailing zeros do not count. Null
 * is valid.
 */
@Documented
@SuppressWarnings("exports") // the validator is internal; the module opens its package to Hibernate Validator
@Constraint(validatedBy = DecimalsValidator.class)
@Target({FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Decimals {
    int value();

    String message() default "must have at most {value} decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
