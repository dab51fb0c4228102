package io.solbot.core.domain;

import java.util.Objects;

/**
 * One account holding a token, as {@code getTokenLargestAccounts} reports it, with the owner resolved.
 *
 * @param owner the base58 address of the wallet (or program account) that owns the tokens
 * @param amount how many tokens it holds, in raw units
 * @param pool whether the owner is a liquidity pool or bonding curve, which safety checks leave out of concentration
 */
public record Holder(String owner, TokenAmount amount, boolean pool) {
    /** The incinerator: tokens sent to it are gone for good, so they are burnt though still counted in the supply. */
    public static final String INCINERATOR = "1nc1nerator11111111111111111111111111111111";

    public Holder {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a holder cannot hold a negative amount, but was " + amount.raw());
        }
    }

    /** Whether these tokens are burnt: held by the {@link #INCINERATOR}. */
    public boolean isBurnt() {
        return INCINERATOR.equals(owner);
    }
}
