package io.solbot.core.config.internal;

import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Mint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link SolanaAddress}. */
public final class SolanaAddressValidator implements ConstraintValidator<SolanaAddress, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || Mint.isValid(value.toString());
    }
}
