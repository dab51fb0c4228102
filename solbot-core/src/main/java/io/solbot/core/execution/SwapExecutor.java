package io.solbot.core.execution;

/**
 * The port through which the engine executes orders: a paper simulator or live Jupiter + Solana RPC.
 *
 * <p>Threading: the engine calls {@link #execute} off every bot's tick path, possibly from several threads at once
 * for different orders; implementations are thread-safe. A call may block (a live swap waits for confirmation). A
 * paper executor computes the outcome, including simulated latencies as the fills' timestamps, without sleeping, so
 * that simulated runs go as fast as the CPU allows and repeat exactly for a seed.
 *
 * <p>This is the first slice of the port; quotes are added by the market issue.
 */
public interface SwapExecutor {
    /** Executes {@code order} and reports how it ended; never throws for a failed swap, only for a bug. */
    SwapOutcome execute(SwapOrder order);
}
