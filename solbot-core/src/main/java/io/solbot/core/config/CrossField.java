package io.solbot.core.config;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.solbot.core.config.internal.CrossFieldValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A class-level constraint for a config record that implements {@link CrossFieldRules}: its {@link
 * CrossFieldRules#check} runs after the field constraints, and each rule it breaks is reported against the field it
 * names, with that field's value.
 */
@Documented
@SuppressWarnings("exports") // the validator is internal; the module opens its package to Hibernate Validator
@Constraint(validatedBy = CrossFieldValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CrossField {
    /** Unused: each rule carries its own message. */
    String message() default "breaks a cross-field rule";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
