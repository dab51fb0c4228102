package io.solbot.core.solana.pubsub;

import io.solbot.core.solana.rpc.TransactionError;
import java.util.List;
import java.util.Optional;

/**
 * A transaction's logs ({@code logsNotification}).
 *
 * @param slot the slot it was seen in
 * @param signature its signature, base58
 * @param err why it failed; empty if it succeeded
 * @param logs its log lines, in order
 */
public record LogsNotification(long slot, String signature, Optional<TransactionError> err, List<String> logs) {
    public LogsNotification {
        logs = List.copyOf(logs);
    }
}
