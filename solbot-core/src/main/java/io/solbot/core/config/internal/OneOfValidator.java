package io.solbot.core.config.internal;

import io.solbot.core.config.OneOf;
import io.solbot.core.internal.Names;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Checks {@link OneOf}. */
public final class OneOfValidator implements ConstraintValidator<OneOf, CharSequence> {
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private String words;

    @Override
    public void initialize(OneOf oneOf) {
        for (String word : oneOf.value()) {
            byKey.put(key(word), word);
        }
        words = String.join(", ", oneOf.value());
    }

    /** The form in which words are compared: lower case without '-' and '_'. */
    public static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String key = key(value.toString().trim());
        if (byKey.containsKey(key)) {
            return true;
        }
        String hint = Names.closest(key, byKey.keySet(), byKey::get)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(Messages.literal("must be one of " + words + hint))
                .addConstraintViolation();
        return false;
    }
}
