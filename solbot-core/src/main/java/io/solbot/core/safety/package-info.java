/**
 * Token safety checks: the {@link io.solbot.core.safety.SafetyCheck} SPI (discovered with {@code ServiceLoader}, like
 * strategies), the built-in checks ({@link io.solbot.core.safety.BuiltInChecks}: mint and freeze authority, risky
 * Token-2022 extensions, top-holder concentration, liquidity, honeypot), the verdict that combines their results into
 * a 0–100 risk score and a decision ({@link io.solbot.core.safety.SafetyVerdict}), and the {@link
 * io.solbot.core.safety.SafetyGate} that holds every buy to it, caching per token and checking off the tick.
 */
package io.solbot.core.safety;
