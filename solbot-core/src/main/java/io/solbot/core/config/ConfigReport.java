package io.solbot.core.config;

import java.util.List;
import java.util.Objects;

/**
 * What loading a bots file found: the bots whose config is valid, and every violation in the file. The file is
 * valid only when there are no violations at all; a bot with a violation is not in {@link #bots()}.
 *
 * @param source the file name, or a description of the text
 * @param bots the valid bots, in file order
 * @param violations every violation, in file order
 */
public record ConfigReport(String source, List<BotDefinition> bots, List<Violation> violations) {
    public ConfigReport {
        Objects.requireNonNull(source, "source");
        bots = List.copyOf(bots);
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * The bots, if the whole file is valid.
     *
     * @throws InvalidConfigException listing every violation otherwise
     */
    public List<BotDefinition> requireValid() {
        if (!isValid()) {
            throw new InvalidConfigException(violations);
        }
        return bots;
    }
}
