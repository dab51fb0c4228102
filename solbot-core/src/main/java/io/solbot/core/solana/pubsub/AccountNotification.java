package io.solbot.core.solana.pubsub;

import io.solbot.core.solana.rpc.RawAccount;

/**
 * An account's new state ({@code accountNotification}), in raw bytes.
 *
 * @param slot the slot of the change
 * @param account the account after it
 */
public record AccountNotification(long slot, RawAccount account) {}
