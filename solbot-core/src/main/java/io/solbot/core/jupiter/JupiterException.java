package io.solbot.core.jupiter;

import io.solbot.core.SolbotException;
import java.util.Optional;

/**
 * A Jupiter call that did not give what it promises. The message names the call, the HTTP status and Jupiter's error
 * code and text where there are some, or the field of the reply that is wrong and what came instead.
 */
public final class JupiterException extends SolbotException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure: whether waiting, re-quoting or nothing can help. */
    public enum Reason {
        /** 429 on every attempt: the JVM's requests exceed the plan. */
        RATE_LIMITED,
        /** 5xx on every attempt. */
        SERVER_ERROR,
        /** No answer in time, or no connection, on every attempt. */
        UNAVAILABLE,
        /** Jupiter found no route for the pair and amount ({@code NO_ROUTES_FOUND}, {@code TOKEN_NOT_TRADABLE}...). */
        NO_ROUTE,
        /** Jupiter refused the request (another 4xx, or an error inside an HTTP 200). */
        REJECTED,
        /** The reply is not what the API documents: not JSON, a field missing or of another type, a number too big. */
        MALFORMED_REPLY,
        /** The thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Reason reason;
    private final int httpStatus;
    private final String errorCode;

    JupiterException(Reason reason, int httpStatus, String errorCode, String message) {
        super(message);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the last answer, or 0 if there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Jupiter's error code ({@code "NO_ROUTES_FOUND"}, {@code "-1000"}), if it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
