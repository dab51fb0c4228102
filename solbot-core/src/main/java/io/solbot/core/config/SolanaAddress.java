package io.solbot.core.config;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.solbot.core.config.internal.SolanaAddressValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated text is a Solana address: base58 that decodes to exactly 32 bytes (a mint, a wallet, a program).
 * Null is valid; combine with a required rule where the field must be set.
 */
@Documented
@SuppressWarnings("exports") // the validator is internal; the module opens its package to Hibernate Validator
@Constraint(validatedBy = SolanaAddressValidator.class)
@Target({FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface SolanaAddress {
    String message() default "must be a Solana address (base58 that decodes to 32 bytes)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
