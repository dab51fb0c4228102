package io.solbot.core.solana.rpc;

import io.solbot.core.solana.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One of a mint's largest token accounts, as {@code getTokenLargestAccounts} lists it: a token account, not its owner.
 *
 * @param address the token account
 * @param amount what it holds, raw units (u64)
 * @param decimals the mint's decimals
 */
public record LargestAccount(Address address, BigInteger amount, int decimals) {
    public LargestAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(amount, "amount");
    }
}
