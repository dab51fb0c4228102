package io.solbot.core.config;

/**
 * Rules between fields of one config record ("chad mode needs an output mint", "maxParts must be at least
 * minParts"). Annotate the record with {@link CrossField}; {@link #check} may assume nothing about the fields'
 * own constraints (a field may be null or out of range), so each rule should skip what it cannot judge.
 */
public interface CrossFieldRules {
    /** Reports each broken rule to {@code rules}; must not throw. */
    void check(Rules rules);

    /** Where cross-field rules report what they find. */
    interface Rules {
        /**
         * Reports a broken rule.
         *
         * @param field the field to blame, as named in config files ({@code "outputMint"}); may be a dotted path
         * @param rejected the value to show as rejected, or null
         * @param reason what is wrong, starting with a verb: {@code "is required when buyWithUSDC is true"}
         */
        void reject(String field, Object rejected, String reason);

        /** Reports {@code field} as required ({@code "is required"} plus {@code why}) when {@code value} is null. */
        default void require(String field, Object value, String why) {
            if (value == null) {
                reject(field, null, why == null || why.isEmpty() ? "is required" : "is required " + why);
            }
        }
    }
}
