package io.solbot.core.engine;

import java.util.regex.Pattern;

/**
 * Takes what may be a secret out of a text the engine did not write itself (an executor's exception message) before
 * it reaches a log line, a stored failure or an event: an RPC or relay URL often carries an API key in its query or a
 * password in its user info.
 */
final class Redaction {
    static final String HIDDEN = "***";

    // scheme://user:password@host: the user info goes, the host stays (it says which endpoint failed)
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    // key=value or key: value where the key names a secret (api-key, token, secret, password, ...)
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)\\b((?:api[-_]?key|apikey|access[-_]?token|token|secret|password|passwd|pwd|auth|authorization)"
                    + "\\s*[=:]\\s*)(?:bearer\\s+)?[^&\\s\"',;]+");

    private Redaction() {}

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
        return SECRET_VALUE.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /**
     * {@code thrown} as a redacted copy for a log line: the same class name, stack and causes, each message
     * redacted. The copy is a plain exception whose message starts with the original class name.
     */
    static Throwable redact(Throwable thrown) {
        return copy(thrown, 0);
    }

    /** "the.Class: message", redacted; the form {@code Throwable.toString()} has. */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        return thrown.getClass().getName() + (message == null ? "" : ": " + redact(message));
    }

    private static Throwable copy(Throwable thrown, int depth) {
        Throwable cause = thrown.getCause();
        Throwable copy = new RedactedException(
                describe(thrown), cause == null || cause == thrown || depth >= 8 ? null : copy(cause, depth + 1));
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message was redacted. */
    static final class RedactedException extends RuntimeException {
        RedactedException(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
