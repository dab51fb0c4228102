/**
 * Exact decoders of SPL Token and Token-2022 account bytes: the 82-byte mint ({@link
 * io.solbot.core.solana.account.MintAccount}), the 165-byte token account ({@link
 * io.solbot.core.solana.account.TokenAccount}) and the Token-2022 extensions after them ({@link
 * io.solbot.core.solana.account.Extension}), from raw account data and the id of the program that owns it. No RPC and
 * no network: whoever reads the account (an RPC client, the simulated market) hands the bytes in.
 *
 * <p>A decoder either returns the whole account or throws {@link
 * io.solbot.core.solana.account.MalformedAccountException} naming the offset and the field; it never throws anything
 * else, whatever the bytes. Amounts are unsigned 64-bit on chain and are carried as {@link java.math.BigInteger}, so
 * values above {@code Long.MAX_VALUE} stay exact.
 */
package io.solbot.core.solana.account;
