package io.solbot.core.config;

import io.solbot.core.SolbotException;
import java.util.List;
import java.util.stream.Collectors;

/** A config broke one or more rules; {@link #violations()} lists every one, and the message shows them all. */
public final class InvalidConfigException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidConfigException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        return violations.size()
                + (violations.size() == 1 ? " config error:" : " config errors:")
                + violations.stream().map(v -> "\n  " + v.message()).collect(Collectors.joining());
    }

    public List<Violation> violations() {
        return violations;
    }
}
