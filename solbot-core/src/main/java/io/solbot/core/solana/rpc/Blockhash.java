package io.solbot.core.solana.rpc;

/**
 * A recent blockhash and the last block height at which a transaction that carries it can land.
 *
 * @param blockhash base58
 * @param lastValidBlockHeight after this block height, a transaction with this blockhash never lands
 * @param contextSlot the slot the node answered at
 */
public record Blockhash(String blockhash, long lastValidBlockHeight, long contextSlot) {}
