package io.solbot.core.config.internal;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Runs {@link CrossFieldRules#check} for {@link CrossField}; the rejected value travels as the dynamic payload. */
public final class CrossFieldValidator implements ConstraintValidator<CrossField, CrossFieldRules> {
    private record Rejection(String field, Object rejected, String reason) {}

    @Override
    public boolean isValid(CrossFieldRules value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        List<Rejection> rejections = new ArrayList<>(2);
        value.check((field, rejected, reason) -> rejections.add(new Rejection(field, rejected, reason)));
        if (rejections.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hv = context.unwrap(HibernateConstraintValidatorContext.class);
        for (Rejection r : rejections) {
            hv.withDynamicPayload(r.rejected() == null ? RejectedValue.NONE : new RejectedValue(r.rejected()));
            var builder = hv.buildConstraintViolationWithTemplate(Messages.literal(r.reason()));
            String[] parts = r.field().split("\\.");
            var node = builder.addPropertyNode(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                node = node.addPropertyNode(parts[i]);
            }
            node.addConstraintViolation();
        }
        return false;
    }

    /** The value a cross-field rule rejected, carried as Hibernate Validator's dynamic payload. */
    public record RejectedValue(Object value) {
        static final RejectedValue NONE = new RejectedValue(null);
    }
}
