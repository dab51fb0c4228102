package io.solbot.strategies.turbosniper;

import io.solbot.strategies.common.TurboToggles;

/**
 * The turbo sniper's own on/off switches, beside the shared {@link TurboToggles}; each true or false, flat in the
 * config file.
 *
 * @param enableInsiderHeuristics the original's flat form of {@code devWatch.enableInsiderHeuristics}
 * @param requireFreezeRevoked buy only tokens whose freeze authority is revoked
 * @param enableLaserStream use the LaserStream feed
 * @param alignToLeader fire aligned to the slot leader (turns {@code leaderTiming} on)
 * @param rpcFailover fail over to the next RPC endpoint
 * @param watchRaydium watch Raydium for new pools
 * @param watchOrca watch Orca for new pools
 * @param watchMeteora watch Meteora for new pools
 * @param watchStep watch Step for new pools
 * @param watchCrema watch Crema for new pools
 */
public record Toggles(
        Boolean enableInsiderHeuristics,
        Boolean requireFreezeRevoked,
        Boolean enableLaserStream,
        Boolean alignToLeader,
        Boolean rpcFailover,
        Boolean watchRaydium,
        Boolean watchOrca,
        Boolean watchMeteora,
        Boolean watchStep,
        Boolean watchCrema) {}
