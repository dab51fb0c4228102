package io.solbot.core.safety;

import io.solbot.core.domain.Mint;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.market.MarketData;
import io.solbot.core.solana.account.MalformedAccountException;
import io.solbot.core.solana.account.MintAccount;
import java.util.Optional;

/**
 * What a {@link SafetyCheck} reads of the token it checks. One context per evaluation of a token, shared by the
 * checks that run on it in parallel; thread-safe.
 */
public interface SafetyContext {
    /** The token checked. */
    Mint mint();

    /** The market the engine trades on: pools, holders, raw accounts. */
    MarketData market();

    /** The executor, for quotes and simulated swaps; empty when the gate was built without one. */
    Optional<SwapExecutor> executor();

    /** The thresholds of the built-in checks. */
    SafetyLimits limits();

    /**
     * The token's mint account, decoded from the raw bytes the market holds for {@link #mint()}; read and decoded once
     * per context.
     *
     * @throws SafetyDataException if the market has no bytes for the mint
     * @throws MalformedAccountException if they are not a token mint
     */
    MintAccount mintAccount();
}
