package io.solbot.core.solana.rpc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of {@code simulateTransaction}: a failed simulation is a successful call with {@code err} set.
 *
 * @param err why it would fail; empty if it would succeed
 * @param logs the program logs
 * @param unitsConsumed compute units used, if the node says
 */
public record Simulation(Optional<TransactionError> err, List<String> logs, OptionalLong unitsConsumed) {
    public Simulation {
        logs = List.copyOf(logs);
    }
}
