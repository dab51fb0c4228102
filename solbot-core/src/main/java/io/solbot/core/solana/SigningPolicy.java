package io.solbot.core.solana;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link TransactionSigner} checks before it signs: the transaction is at most {@link #maxSize()} bytes, our
 * wallet pays its fee, and every program it invokes is one of {@link #allowedPrograms()}. Immutable and thread-safe.
 *
 * @param maxSize the largest transaction to sign, in bytes; at most {@link Transaction#MAX_SIZE}
 * @param allowedPrograms the programs a signed transaction may invoke
 */
public record SigningPolicy(int maxSize, Set<Address> allowedPrograms) {
    /**
     * @throws IllegalArgumentException if {@code maxSize} is not 1..1232 or no program is allowed
     */
    public SigningPolicy {
        if (maxSize < 1 || maxSize > Transaction.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "maxSize must be between 1 and " + Transaction.MAX_SIZE + " bytes, but was " + maxSize);
        }
        if (allowedPrograms.isEmpty()) {
            throw new IllegalArgumentException("allowedPrograms must name at least one program");
        }
        allowedPrograms = Set.copyOf(allowedPrograms);
    }

    /**
     * What a Jupiter swap invokes: Compute Budget, System (SOL transfers such as a Jito tip), SPL Token, Token-2022,
     * Associated Token Account and Jupiter v6; up to 1,232 bytes.
     */
    public static SigningPolicy jupiterSwaps() {
        return new SigningPolicy(
                Transaction.MAX_SIZE,
                Set.of(
                        Address.COMPUTE_BUDGET_PROGRAM,
                        Address.SYSTEM_PROGRAM,
                        Address.TOKEN_PROGRAM,
                        Address.TOKEN_2022_PROGRAM,
                        Address.ASSOCIATED_TOKEN_PROGRAM,
                        Address.JUPITER_V6_PROGRAM));
    }

    /** This policy with {@code programs} allowed too. */
    public SigningPolicy allowing(Collection<Address> programs) {
        Set<Address> all = new LinkedHashSet<>(allowedPrograms);
        all.addAll(programs);
        return new SigningPolicy(maxSize, all);
    }

    /** This policy with {@code programs} allowed too. */
    public SigningPolicy allowing(Address... programs) {
        return allowing(List.of(programs));
    }

    void check(Transaction transaction, Address wallet) {
        if (transaction.size() > maxSize) {
            throw new TransactionRefusedException(
                    "the transaction has " + transaction.size() + " bytes, but at most " + maxSize + " may be signed");
        }
        if (!transaction.feePayer().equals(wallet)) {
            throw new TransactionRefusedException(
                    "the fee payer is " + transaction.feePayer() + ", not our wallet " + wallet);
        }
        for (Address program : transaction.programIds()) {
            if (!allowedPrograms.contains(program)) {
                throw new TransactionRefusedException("the transaction invokes program " + program
                        + ", which is not on the allow-list of the signing policy");
            }
        }
    }
}
