/**
 * Solana keys and transactions: a {@link io.solbot.core.solana.Keypair} loaded from a Solana CLI keypair file or an
 * environment variable, a reader of transactions in wire format ({@link io.solbot.core.solana.Transaction}: legacy and
 * v0 with address lookup tables) and a {@link io.solbot.core.solana.TransactionSigner} that checks a transaction
 * against a {@link io.solbot.core.solana.SigningPolicy} and puts our signature in our slot, leaving every other byte
 * as it came.
 *
 * <p>Signatures are the JDK's Ed25519 ({@code java.security}); nothing here needs a Solana client library. A secret key
 * never leaves {@link io.solbot.core.solana.Keypair}: not in a {@code toString}, an exception message or a log line.
 */
package io.solbot.core.solana;
