package io.solbot.core.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A bot's own small key-value state, journalled with the bot and given back after a restart or a crash. Meant for a
 * few values (the last signal, an entry reference), not for history: every change is written to disk.
 */
public interface StrategyState {
    Optional<String> get(String key);

    /** Sets {@code key} to {@code value}; both non-null. */
    void put(String key, String value);

    void remove(String key);

    /** A copy of all entries. */
    Map<String, String> asMap();
}
