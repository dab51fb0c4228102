package io.solbot.core.solana.rpc;

import io.solbot.core.SolbotException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON-RPC call that did not give a result. The message names the method and the node's code and message, or the
 * field of the reply that is wrong; never the endpoint URL, which may carry an API key.
 */
public final class RpcException extends SolbotException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Reason {
        /** 429 on every attempt. */
        RATE_LIMITED,
        /** 5xx on every attempt. */
        SERVER_ERROR,
        /** No answer in time, or no connection, on every attempt. */
        UNAVAILABLE,
        /** A JSON-RPC error ({@code code}, {@code message}) or another HTTP status. */
        RPC_ERROR,
        /** {@code sendTransaction}'s simulation failed (-32002): nothing was sent; {@link #error()} says why. */
        PREFLIGHT_FAILED,
        /** The reply is not the documented shape. */
        MALFORMED_REPLY,
        /** The thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Reason reason;
    private final Long code;
    private final TransactionError error;
    private final List<String> logs;

    RpcException(Reason reason, Long code, TransactionError error, List<String> logs, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.error = error;
        this.logs = logs == null ? List.of() : List.copyOf(logs);
    }

    RpcException(Reason reason, String message) {
        this(reason, null, null, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The JSON-RPC error code ({@code -32002} for a failed preflight), if the node sent one. */
    public OptionalLong code() {
        return code == null ? OptionalLong.empty() : OptionalLong.of(code);
    }

    /** A failed preflight's transaction error. */
    public Optional<TransactionError> error() {
        return Optional.ofNullable(error);
    }

    /** A failed preflight's program logs. */
    public List<String> logs() {
        return logs;
    }
}
