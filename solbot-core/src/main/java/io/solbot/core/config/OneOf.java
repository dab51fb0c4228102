package io.solbot.core.config;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.solbot.core.config.internal.OneOfValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text is one of a fixed set of words, compared ignoring case, '-' and '_' (so {@code highLiquidity}
 * matches {@code high-liquidity}). The message lists the words and the closest one. Null is valid.
 */
@Documented
@SuppressWarnings("exports") // the validator is internal; the module opens its package to Hibernate Validator
@Constraint(validatedBy = OneOfValidator.class)
@Target({FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface OneOf {
    String[] value();

    /** Unused: the message is built from the words. */
    String message() default "is not an allowed value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
