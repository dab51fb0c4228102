package io.solbot.core.solana.rpc;

import java.util.Locale;

/** How settled a state of the ledger is, from seen by one node to rooted by the cluster. */
public enum Commitment {
    PROCESSED,
    CONFIRMED,
    FINALIZED;

    /** The JSON-RPC name: {@code "processed"}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Commitment ofWire(String name) {
        return switch (name) {
            case "processed" -> PROCESSED;
            case "confirmed" -> CONFIRMED;
            case "finalized" -> FINALIZED;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
