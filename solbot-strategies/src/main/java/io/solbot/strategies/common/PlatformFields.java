package io.solbot.strategies.common;

/**
 * The original platform's per-bot fields that the strategies without {@link SharedConfig} (rebalancer, rotation bot,
 * stealth bot) accept too, flat in the config file, as their last fields. Included with {@code @Flatten @Valid}.
 *
 * @param dryRun simulate instead of sending
 * @param walletLabel the wallet to trade from
 * @param walletId the original platform's wallet id (kept, not used)
 * @param userId the original platform's user id (kept, not used)
 * @param botId the original platform's bot id (kept, not used; the bots file names bots)
 */
public record PlatformFields(Boolean dryRun, String walletLabel, String walletId, String userId, String botId) {}
