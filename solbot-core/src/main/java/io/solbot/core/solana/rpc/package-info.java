/**
 * A Solana JSON-RPC client of our own on {@code java.net.http}: the calls a live executor and the safety checks need
 * ({@code getLatestBlockhash}, {@code sendTransaction}, {@code getSignatureStatuses}, {@code simulateTransaction},
 * {@code getTransaction}, {@code getAccountInfo} as raw bytes, {@code getBlockHeight}), each with its result read
 * strictly and its failure named.
 *
 * <p>Why not solanaj for these calls: its typed results drop the fields a bot decides on ({@code err} of a signature
 * status and of a simulation, {@code unitsConsumed}, the {@code code} and {@code data} of a JSON-RPC error), its send
 * config has no {@code preflightCommitment}, and it cannot carry a v0 transaction; through its raw {@code call} it
 * would be a JSON transport only, bringing OkHttp and Kotlin for what the JDK's HTTP client does. One small client for
 * every call keeps one retry, timeout and rate-limit policy, and one set of error messages, for Jupiter and the RPC
 * node alike. Signing is {@link io.solbot.core.solana.TransactionSigner}'s; this package only moves bytes.
 *
 * <p>The endpoint URL often carries a provider's API key, so no message, log line or {@code toString} shows more
 * of it than its host.
 */
package io.solbot.core.solana.rpc;
