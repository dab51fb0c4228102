/**
 * A client of Jupiter's HTTP APIs on {@code java.net.http}: swaps through the Metis Swap API v1 ({@code /swap/v1/quote}
 * and {@code /swap/v1/swap}) or Swap API v2 ({@code /swap/v2/order} and {@code /swap/v2/execute}) behind one
 * {@link io.solbot.core.jupiter.SwapApi}, and USD prices (Price API v3).
 *
 * <p>All clients of the JVM that talk to one host with one API key share one rate limiter, since Jupiter counts
 * requests per organisation; 429 and 5xx answers and timeouts are retried with exponential backoff. Every other
 * surprise (an error inside an HTTP 200, a missing field, a field of another type, an amount beyond an unsigned 64-bit
 * integer) is a {@link io.solbot.core.jupiter.JupiterException} that names the call and the field. The API key is sent
 * as the {@code x-api-key} header and shown nowhere.
 */
package io.solbot.core.jupiter;
