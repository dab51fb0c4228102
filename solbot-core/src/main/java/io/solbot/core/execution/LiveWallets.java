package io.solbot.core.execution;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.account.TokenAccount;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.OwnedAccount;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A wallet's balances read from the chain: its SOL ({@code getBalance}) and its tokens ({@code
 * getTokenAccountsByOwner} for SPL Token and Token-2022, decoded; several accounts of one mint added up; empty ones
 * left out, and wrapped SOL too: Jupiter wraps and unwraps around each swap, so the wallet's SOL is its lamports).
 * Decimals come from the mints. Thread-safe.
 */
final class LiveWallets {
    private final SolanaRpc rpc;
    private final JupiterQuoter mints;
    private final InstantSource clock;

    LiveWallets(SolanaRpc rpc, JupiterQuoter mints, InstantSource clock) {
        this.rpc = rpc;
        this.mints = mints;
        this.clock = clock;
    }

    /**
     * @throws io.solbot.core.solana.rpc.RpcException if the node cannot be read
     * @throws io.solbot.core.solana.account.MalformedAccountException if a token account is not one
     * @throws IllegalStateException if a mint held cannot be read
     */
    WalletBalances balances(String label, Address wallet) {
        long lamports = rpc.balance(wallet, Commitment.CONFIRMED);
        Map<Mint, BigInteger> held = new TreeMap<>();
        for (Address program : List.of(Address.TOKEN_PROGRAM, Address.TOKEN_2022_PROGRAM)) {
            for (OwnedAccount owned : rpc.tokenAccountsByOwner(wallet, program, Commitment.CONFIRMED)) {
                TokenAccount account = TokenAccount.decode(
                        owned.account().data(), owned.account().owner().toString());
                Mint mint = Mint.of(account.mint());
                if (!mint.equals(Mint.WRAPPED_SOL) && account.amount().signum() > 0) {
                    held.merge(mint, account.amount(), BigInteger::add);
                }
            }
        }
        List<TokenBalance> tokens = new ArrayList<>(held.size());
        for (Map.Entry<Mint, BigInteger> e : held.entrySet()) {
            Optional<Integer> decimals = mints.decimals(e.getKey());
            int d = decimals.orElseThrow(() -> new IllegalStateException(
                    "the mint " + e.getKey() + " of a token the wallet holds cannot be read"));
            tokens.add(TokenBalance.unpriced(e.getKey(), new TokenAmount(e.getValue(), d)));
        }
        return new WalletBalances(label, Lamports.of(lamports), tokens, clock.instant());
    }
}
