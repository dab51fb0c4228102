package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import jakarta.validation.Valid;

/** RPC reads agreed by a quorum, and how long a blockhash is used ({@code blockhashTtlMs}, at least 1 ms). */
public record Rpc(
        @Valid Quorum quorum,
        @Between(min = "1", unit = "ms") Long blockhashTtlMs) {
    /**
     * Ask {@code size} endpoints (at least 1) and trust an answer {@code require} of them give (1 to size); both
     * required.
     */
    @CrossField
    public record Quorum(
            @Between(min = "1") Integer size,
            @Between(min = "1") Integer require) implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            rules.require("size", size, "");
            rules.require("require", require, "");
            if (size != null && size >= 1 && require != null && require > size) {
                rules.reject("require", require, "must be at most size (" + size + ")");
            }
        }
    }
}
