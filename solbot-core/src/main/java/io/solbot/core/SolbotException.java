package io.solbot.core;

/**
 * The root of every exception solbot throws on purpose. Unchecked: callers catch it where they can do something about
 * it. Subclasses carry the context (which bot, which field) in their message.
 */
public class SolbotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolbotException(String message) {
        super(message);
    }

    public SolbotException(String message, Throwable cause) {
        super(message, cause);
    }
}
