package io.solbot.core.solana.rpc;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.solana.Address;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A landed transaction's effect on balances ({@code getTransaction}): what each account held before and after, in
 * lamports and in token units. A swap's fill is read from these changes, not from its quote.
 *
 * @param signature the transaction
 * @param slot where it landed
 * @param blockTime when its block was produced, if the node knows
 * @param err why it failed; empty if it succeeded
 * @param feeLamports the fee it paid (failed transactions pay too)
 * @param accountKeys every account of the message: static keys, then those loaded from lookup tables
 * @param preBalances lamports of each account before
 * @param postBalances lamports of each account after
 * @param tokenBalances token balances before and after, of the token accounts that had one
 * @param instructions the message's instructions in order, each followed by those it invoked (when the node recorded
 *     them)
 */
public record LandedTransaction(
        TxSignature signature,
        long slot,
        Optional<Instant> blockTime,
        Optional<TransactionError> err,
        long feeLamports,
        List<Address> accountKeys,
        List<Long> preBalances,
        List<Long> postBalances,
        List<TokenBalance> tokenBalances,
        List<Instruction> instructions) {
    /**
     * One token account's balance around the transaction.
     *
     * @param accountIndex the token account's index among {@link #accountKeys}
     * @param mint its mint
     * @param owner its owner (the wallet), if the node says
     * @param before raw units before (zero if the account did not exist)
     * @param after raw units after (zero if it was closed)
     * @param decimals the mint's decimals
     */
    public record TokenBalance(
            int accountIndex, Mint mint, Optional<Address> owner, BigInteger before, BigInteger after, int decimals) {}

    /**
     * One instruction the transaction ran, with its accounts resolved to addresses.
     *
     * @param program the program it called
     * @param accounts its accounts, in the instruction's order
     * @param data its data; {@link #data()} returns a copy
     * @param depth 1 for an instruction of the message, more for one a program invoked
     */
    public record Instruction(Address program, List<Address> accounts, byte[] data, int depth) {
        public Instruction {
            accounts = List.copyOf(accounts);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The account at {@code index} of this instruction, if it has that many. */
        public Optional<Address> account(int index) {
            return index < accounts.size() ? Optional.of(accounts.get(index)) : Optional.empty();
        }

        @Override
        public String toString() {
            return "Instruction[" + program + ", " + accounts.size() + " accounts, " + data.length + " bytes]";
        }
    }

    public LandedTransaction {
        instructions = List.copyOf(instructions);
        accountKeys = List.copyOf(accountKeys);
        preBalances = List.copyOf(preBalances);
        postBalances = List.copyOf(postBalances);
        tokenBalances = List.copyOf(tokenBalances);
    }

    /** How {@code account}'s lamports changed (negative when it paid); zero if it is not in the transaction. */
    public long lamportChange(Address account) {
        int index = accountKeys.indexOf(account);
        return index < 0 ? 0 : Math.subtractExact(postBalances.get(index), preBalances.get(index));
    }

    /** How the {@code mint} tokens of {@code owner}'s token accounts changed, in raw units. */
    public BigInteger tokenChange(Address owner, Mint mint) {
        BigInteger change = BigInteger.ZERO;
        for (TokenBalance balance : tokenBalances) {
            if (balance.mint().equals(mint)
                    && balance.owner().map(owner::equals).orElse(false)) {
                change = change.add(balance.after().subtract(balance.before()));
            }
        }
        return change;
    }
}
