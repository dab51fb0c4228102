package io.solbot.core.config.internal;

/** Helpers for building constraint messages from data. */
final class Messages {
    private Messages() {}

    /** {@code text} as a message template that Hibernate Validator prints literally. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
