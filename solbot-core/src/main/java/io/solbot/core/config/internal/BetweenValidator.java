package io.solbot.core.config.internal;

import io.solbot.core.config.Between;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Checks {@link Between} on any {@link Number}. */
public final class BetweenValidator implements ConstraintValidator<Between, Number> {
    private BigDecimal min;
    private BigDecimal max;
    private boolean minInclusive;
    private boolean maxInclusive;
    private String message;

    @Override
    public void initialize(Between range) {
        min = range.min().isEmpty() ? null : new BigDecimal(range.min());
        max = range.max().isEmpty() ? null : new BigDecimal(range.max());
        minInclusive = range.minInclusive();
        maxInclusive = range.maxInclusive();
        message = Messages.literal(describe(range.unit()));
    }

    private String describe(String unit) {
        String u = unit.isEmpty() ? "" : (unit.equals("%") ? " %" : " " + unit);
        String lower = min == null ? null : (minInclusive ? "at least " : "greater than ") + min.toPlainString() + u;
        String upper = max == null ? null : (maxInclusive ? "at most " : "less than ") + max.toPlainString() + u;
        if (lower != null && upper != null) {
            if (minInclusive && maxInclusive) {
                return "must be between " + min.toPlainString() + " and " + max.toPlainString() + u;
            }
            return "must be " + lower + " and " + upper;
        }
        return "must be " + (lower != null ? lower : upper);
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        BigDecimal v = toDecimal(value);
        if (v == null) {
            return fail(context);
        }
        if (min != null) {
            int c = v.compareTo(min);
            if (c < 0 || (c == 0 && !minInclusive)) {
                return fail(context);
            }
        }
        if (max != null) {
            int c = v.compareTo(max);
            if (c > 0 || (c == 0 && !maxInclusive)) {
                return fail(context);
            }
        }
        return true;
    }

    private boolean fail(ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }

    private static BigDecimal toDecimal(Number value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> {
                double d = value.doubleValue();
                yield Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
        };
    }
}
