package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The port through which the engine executes orders: a paper simulator ({@link PaperExecutor}) or live Jupiter +
 * Solana RPC.
 *
 * <p>Threading: the engine calls {@link #execute} off every bot's tick path, possibly from several threads at once
 * for different orders; implementations are thread-safe. A call may block (a live swap waits for confirmation). A
 * paper executor spends its simulated latencies on a {@link Timeline}: by default, and in a backtest, without
 * sleeping, so that simulated runs go as fast as the CPU allows and repeat exactly for a seed; a real-time host may
 * give it {@link Timeline#sleeping} instead.
 *
 * <p>Units: amounts in raw units of their mint (SOL as 9-decimal lamports), slippage in basis points.
 */
public interface SwapExecutor {
    /** Executes {@code order} and reports how it ended; never throws for a failed swap, only for a bug. */
    SwapOutcome execute(SwapOrder order);

    /**
     * What became of {@code order}, sent to {@link #execute} by an earlier process that died before it learnt the
     * outcome: the fills it landed with, or a failure (for example: it never reached the executor), or empty while
     * that cannot be told yet (a live transaction whose blockhash has not expired). Never executes anything: after a
     * crash an order is only ever resolved, never sent again. The default knows nothing and answers empty; the
     * engine treats an order that stays unknown past its expiry as failed.
     */
    default Optional<SwapOutcome> resolve(SwapOrder order) {
        return Optional.empty();
    }

    /**
     * What spending {@code amountIn} on {@code side} of {@code mint} would pay out now, with the least it may pay
     * within {@code slippageBps}; empty if there is no route (unknown token, drained pool) or this executor does not
     * quote. Nothing is sent.
     */
    default Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
        return Optional.empty();
    }

    /**
     * Runs a swap of {@code amountIn} on {@code side} of {@code mint} without sending it (a live executor simulates
     * the transaction; the paper executor tries it on the simulated pool without moving it): whether it would land,
     * and what it would pay out. Empty if this executor cannot try swaps (the default). What a honeypot check asks
     * before it trusts a sell route.
     */
    default Optional<DryRun> dryRun(Mint mint, Side side, TokenAmount amountIn) {
        return Optional.empty();
    }

    /**
     * What a swap tried without sending it came to.
     *
     * @param out what it would pay out, or empty if it would revert
     * @param detail why it would revert, or a note on how it was tried
     */
    record DryRun(Optional<TokenAmount> out, String detail) {
        public DryRun {
            java.util.Objects.requireNonNull(out, "out");
            java.util.Objects.requireNonNull(detail, "detail");
        }

        /** Whether the swap would land. */
        public boolean lands() {
            return out.isPresent();
        }
    }

    /**
     * What the wallet labelled {@code wallet} that {@code botId} trades from holds now: its SOL and tokens (without
     * prices: the engine adds them from its market data), or empty if this executor does not report balances (the
     * default). A paper executor keeps a wallet per bot and label; a live one reads the chain for the wallet the
     * label names. Capability {@code "wallet-balances"}. May block (a live executor asks the RPC node); the engine
     * caches what it answers.
     */
    default Optional<WalletBalances> balances(BotId botId, String wallet) {
        return Optional.empty();
    }

    /**
     * The names of the capabilities ({@code io.solbot.core.spi.Capability}) this executor supplies beyond executing
     * one wallet's swaps: {@code "wallet-balances"} ({@link #balances}), {@code "multi-wallet"} (orders from more than
     * one wallet per bot); the engine adds them to what its market data supplies when it checks a strategy's needs.
     * Names rather than the SPI type, because the execution port depends on nothing of the engine's. None by default.
     */
    default Set<String> capabilities() {
        return Set.of();
    }

    /**
     * The engine is starting {@code botId}, whose config sets how a simulator runs its orders: {@code settings} turns
     * this executor's own {@link PaperSettings} into the bot's (the paper trader's execution model, latency, failure
     * rates and partial fills). A paper executor simulates the bot's orders with them from now on, until called again
     * for that bot; an executor that does not simulate ignores them (the default).
     */
    default void simulateBotWith(BotId botId, UnaryOperator<PaperSettings> settings) {}

    /**
     * Why this executor would not take an order of {@code botId} placed at {@code at} (a paper executor's daily limit
     * reached), or empty. The engine asks before it journals an order, so that a bot at such a limit has its orders
     * refused, and goes on, rather than failed until it halts. None by default.
     */
    default Optional<String> refusal(BotId botId, Instant at) {
        return Optional.empty();
    }
}
