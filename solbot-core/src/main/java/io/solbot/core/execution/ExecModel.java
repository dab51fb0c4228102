package io.solbot.core.execution;

import java.util.Arrays;
import java.util.Locale;

/** How a {@link PaperExecutor} prices and lands a simulated swap; the names are the original paper trader's. */
public enum ExecModel {
    /** Fills at the pool's mid price: no fee, no price impact, the pool does not move. */
    IDEAL("ideal"),
    /** Fills against the pool's reserves by the constant-product rule, which move with the fill. */
    AMM_DEPTH("amm_depth"),
    /** As {@link #AMM_DEPTH}; a transaction that does not land is re-sent as a Jito bundle, which pays a tip. */
    JITO_FALLBACK("jito_fallback");

    private final String id;

    ExecModel(String id) {
        this.id = id;
    }

    /** The name used in configs: {@code ideal}, {@code amm_depth}, {@code jito_fallback}. */
    public String id() {
        return id;
    }

    /**
     * The model named {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the known models
     */
    public static ExecModel of(String id) {
        for (ExecModel m : values()) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("execModel must be one of "
                + Arrays.stream(values()).map(ExecModel::id).toList() + ", but was '" + id + "'");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
