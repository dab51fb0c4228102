package io.solbot.core.config;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.solbot.core.config.internal.BetweenValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated number ({@code BigDecimal}, {@code Integer}, {@code Long}, any {@link Number}) lies in a range. Bounds
 * are decimal text, so {@code "0.01"} is exact; an empty bound is open. The message says the range in words ("must be
 * between 1 and 20", "must be at least 0", "must be greater than 0 and at most 99"); the loader adds the rejected
 * value. Null is valid.
 */
@Documented
@SuppressWarnings("exports") // the validator is internal; the module opens its package to Hibernate Validator
@Constraint(validatedBy = BetweenValidator.class)
@Target({FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Between {
    /** The lower bound as decimal text, or empty for none. */
    String min() default "";

    /** The upper bound as decimal text, or empty for none. */
    String max() default "";

    /** Whether the value may equal {@link #min()}. */
    boolean minInclusive() default true;

    /** Whether the value may equal {@link #max()}. */
    boolean maxInclusive() default true;

    /** A unit added to the message after the bounds, for example {@code "%"} or {@code "seconds"}. */
    String unit() default "";

    /** Unused: the message is built from the bounds. */
    String message() default "is out of range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
