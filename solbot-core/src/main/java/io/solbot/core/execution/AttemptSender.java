package io.solbot.core.execution;

import io.solbot.core.jupiter.JupiterException;
import io.solbot.core.jupiter.SwapApi;
import io.solbot.core.jupiter.SwapExecution;
import io.solbot.core.jupiter.UnsignedSwap;
import io.solbot.core.solana.SignedTransaction;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SendOptions;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.solana.rpc.TransactionError;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link LiveExecutor}'s signed attempts go out: through Jupiter's {@code /execute} (Swap API v2), to a Jito
 * block engine (an order that tips, when one is configured) or to the RPC node; and which failures of a first send
 * prove the transaction did not go out. Thread-safe.
 */
final class AttemptSender {
    private static final Logger log = LoggerFactory.getLogger(AttemptSender.class);

    private final SwapApi swaps;
    private final SolanaRpc rpc;
    /** Null without a Jito block engine. */
    private final SolanaRpc jito;

    AttemptSender(SwapApi swaps, SolanaRpc rpc, SolanaRpc jito) {
        this.swaps = swaps;
        this.rpc = rpc;
        this.jito = jito;
    }

    /** Where {@code order}'s transactions go: a Jito block engine for an order that tips, if there is one. */
    private SolanaRpc sender(SwapOrder order) {
        return jito != null && !order.jitoTip().isZero() ? jito : rpc;
    }

    /** Sends the same bytes again, without preflight (they may have landed already). */
    void resend(SwapOrder order, SignedTransaction signed) {
        sender(order).sendTransaction(signed, SendOptions.resend());
    }

    /**
     * Sends an attempt, already journalled: through Jupiter's {@code /execute} when the swap API lands transactions
     * itself (Swap API v2), else to the RPC node (or Jito). Returns a failure if the transaction certainly did not go
     * out (nothing of it can land), why; else empty: the status decides, and the same bytes are re-sent meanwhile.
     */
    Optional<String> send(SwapOrder order, UnsignedSwap swap, SignedTransaction signed) {
        Optional<SwapExecution> executed;
        try {
            executed = swaps.execute(swap, signed);
        } catch (JupiterException e) {
            // no answer, or one we cannot read: Jupiter may have sent it
            log.warn(
                    "Order {}: Jupiter's execute of {} failed ({}); watching its status",
                    order.orderId(),
                    signed.id(),
                    e.getMessage());
            return Optional.empty();
        }
        if (executed.isPresent()) {
            SwapExecution x = executed.get();
            if (!x.landed() && NOT_SENT.contains(x.code())) {
                return Optional.of("Jupiter did not send " + signed.id() + ": code " + x.code()
                        + x.error().map(e -> " " + e).orElse(""));
            }
            // landed, failed on chain (a program error: it paid its fee) or failed to land by Jupiter's word: the
            // chain's status says which, and only it is trusted
            return Optional.empty();
        }
        try {
            // Jito's endpoint takes no preflight; an RPC node simulates first
            SolanaRpc to = sender(order);
            to.sendTransaction(signed, to == jito ? SendOptions.resend() : SendOptions.firstSend());
        } catch (RpcException e) {
            if (refused(e)) {
                // the node simulated it, it failed, and the node did not pass it on
                return Optional.of(e.getMessage());
            }
            // it may have reached the node (or landed: AlreadyProcessed), or the node may lag behind Jupiter's
            // blockhash (BlockhashNotFound): the status decides, and the same bytes are re-sent meanwhile
            log.warn(
                    "Order {}: sending {} failed ({}); watching its status",
                    order.orderId(),
                    signed.id(),
                    e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Swap API v2 {@code /execute} codes for a transaction Jupiter never sent (solana.md §2.4): missing cached order,
     * invalid signed transaction, invalid message bytes, invalid transaction, not fully signed, invalid block height.
     */
    static final Set<Integer> NOT_SENT = Set.of(-1, -2, -3, -1002, -1003, -1004);

    /**
     * Whether a failed first send certainly did not pass the transaction on: its preflight failed for a reason other
     * than the transaction having been seen already ({@code AlreadyProcessed}: an earlier copy reached the node) or
     * the node not knowing its blockhash ({@code BlockhashNotFound}: a node behind the one Jupiter asked). Any other
     * failure (no answer in time, 5xx, a reply of the wrong shape) may have come after the node took it.
     */
    static boolean refused(RpcException e) {
        if (e.reason() != RpcException.Reason.PREFLIGHT_FAILED) {
            return false;
        }
        String err = e.error().map(TransactionError::json).orElse("");
        return !err.contains("AlreadyProcessed") && !err.contains("BlockhashNotFound");
    }
}
