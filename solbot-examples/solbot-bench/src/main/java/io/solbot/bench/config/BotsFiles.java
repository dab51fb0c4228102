package io.solbot.bench.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Generates large valid bots files with every built-in strategy in turn (all 14, the turbo sniper with most of its
 * nested groups), so that the benchmark measures the mix a real file has rather than the five simplest strategies.
 */
final class BotsFiles {
    static final String MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";

    /**
     * One bot per strategy, with {@code $AMOUNT} (SOL), {@code $SLIPPAGE} (%), {@code $TRADES} (1 to 20), {@code $I}
     * (the bot's number) and {@code $MINT}/{@code $USDC} filled in per bot.
     */
    private static final List<String> TEMPLATES =
            List.of("""
                mode: sniper
                wallet: w$WALLET
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: $INTERVAL
                  maxTrades: $TRADES
                  entryThreshold: 0.03
                  tokenFeed: trending
                  stopLoss: 10
                  takeProfit: 25
                  priorityFeeLamports: 10000
                  safetyChecks: {simulation: true, liquidity: true, authority: true, topHolders: true}
                  smartExitMode: time
                  smartExit: {time: {maxHoldSec: 600}}
            """, """
                mode: scalper
                config:
                  scalpAmount: "$AMOUNT"
                  slippage: $SLIPPAGE
                  interval: 10
                  maxTrades: $TRADES
                  monitoredTokens: [$MINT, $USDC]
                  entryThreshold: 2
                  maxHoldSeconds: 30
            """, """
                mode: breakout
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 30
                  maxTrades: $TRADES
                  breakoutThreshold: 5
                  minLiquidity: 10000
                  volumeSpikeMult: 2.5
                  squeezeLookback: 10
                  timeOfDayFilter: {start: "09:00", end: "17:30"}
            """, """
                mode: dipBuyer
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 30
                  maxTrades: $TRADES
                  dipThreshold: 5
                  recoveryWindow: 5m
                  volumeWindow: 1h
            """, """
                mode: delayedSniper
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 30
                  maxTrades: $TRADES
                  delayBeforeBuyMs: 500
                  ignoreBlocks: 3
                  breakoutPct: 0.3
                  pullbackPct: 0.1
            """, """
                mode: trendFollower
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 30
                  maxTrades: $TRADES
                  stopLoss: 5
                  emaPeriods: [10, 30, 60]
                  trailingPct: 0.02
                  pyramidEnabled: true
                  riskPerAdd: 0.01
                  maxRisk: 0.05
            """, """
                mode: chadMode
                config:
                  outputMint: $MINT
                  amountToSpend: $AMOUNT
                  slippage: 5
                  slippageMaxPct: 10
                  interval: 20
                  maxTrades: $TRADES
                  feeEscalationLamports: 5000
                  autoSell: {enabled: true, delay: 10000, dumpPct: 100, randomDelayRange: [0, 500]}
            """, """
                mode: rotationBot
                wallet: rotation-$WALLET
                config:
                  slippage: $SLIPPAGE
                  maxTrades: $TRADES
                  rotationInterval: 600000
                  minMomentum: 2
                  sectors: {memes: [$MINT], stables: [$USDC]}
            """, """
                mode: rebalancer
                config:
                  targetAllocations: {$MINT: 60, $USDC: 40}
                  rebalanceThreshold: 5
                  slippage: $SLIPPAGE
                  maxRebalances: $TRADES
            """, """
                mode: stealthBot
                config:
                  wallets: [s$I-a, s$I-b, s$I-c]
                  tokenMint: $MINT
                  positionSize: $AMOUNT
                  sizeJitterPct: 10
                  slippageJitterPct: 5
                  delayMinMs: 100
                  delayMaxMs: 900
                  autoForward: onEachBuy
                  forwardDest: $USDC
            """, """
                mode: paperTrader
                config:
                  snipeAmount: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 15
                  maxTrades: $TRADES
                  execModel: amm_depth
                  seed: "$I"
                  latency: {quoteMs: 50, buildMs: 20, sendMs: 30, landMs: 400}
                  failureRates: {quote: 0.01, send: 0.02}
                  partials: {minParts: 1, maxParts: 3}
            """, """
                mode: paperTraderTurbo
                config:
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 3
                  maxTrades: $TRADES
                  trailingStopPct: 10
                  multiBuy: true
                  multiBuyCount: 2
                  useJitoBundle: true
                  jitoTipLamports: 1000
                  smartExitMode: volume
                  smartVolLookbackSec: 60
                  smartVolThreshold: 1000
                  execModel: jito_fallback
            """, """
                mode: turboSniper
                config:
                  tokenFeed: new
                  amountToSpend: $AMOUNT
                  slippage: $SLIPPAGE
                  interval: 3
                  maxTrades: $TRADES
                  entryThreshold: 3
                  volumeThreshold: 50000
                  priorityFeeLamports: 10000
                  ghostMode: true
                  coverWalletId: cover-$WALLET
                  multiBuy: true
                  multiBuyCount: 2
                  useJitoBundle: true
                  jitoTipLamports: 1000
                  bundleStrategy: topOfBlock
                  tipCurve: linear
                  cuPriceMicroLamportsMin: 100
                  cuPriceMicroLamportsMax: 5000
                  smartExitMode: liquidity
                  smartLiqLookbackSec: 60
                  smartLiqDropPct: 30
                  leaderTiming: {enabled: true, preflightMs: 220, windowSlots: 2}
                  parallelWallets: {enabled: true, walletIds: [p$I-a, p$I-b], splitPct: [0.5, 0.5], maxParallel: 2}
                  retryPolicy: {max: 3, bumpCuStep: 2000, bumpTipStep: 1000, routeSwitch: true, rpcFailover: true}
                  idempotency: {ttlSec: 90, salt: s$I, resumeFromLast: true}
                  rpc: {quorum: {size: 3, require: 2}, blockhashTtlMs: 2500}
                  feeds: {order: [ws, birdeye, onchain], ttlMs: 800, timeoutMs: 400}
                  devWatch: {holderTop5MaxPct: 65, lpBurnMinPct: 50, whitelist: [$USDC]}
                  sizing: {maxImpactPct: 2, maxPoolPct: 0.01, minUsd: 10}
                  probe: {enabled: true, usd: 5, scaleFactor: 4, abortOnImpactPct: 2, delayMs: 250}
                  iceberg: {enabled: true, tranches: 3, trancheDelayMs: 100}
                  pumpfun: {enabled: true, thresholdPct: 0.5, minSolLiquidity: 10, cooldownSec: 120}
                  airdrops: {enabled: true, autoSell: true, minUsdValue: 5, maxSellSlippagePct: 10}
                  privateRelay: {enabled: true, urls: ["https://relay.example"], mode: bundle}
                  riskLevels: {low: 1, high: [2, 3]}
                  takeProfit: 20
                  tpLadder: [25, 25, 50]
                  trailingStopPct: 10
            """, """
                mode: scheduleLauncher
                config:
                  outputMint: $MINT
                  name: schedule-$I
                  slippage: $SLIPPAGE
                  amountToSpend: $BIG_AMOUNT
                  interval: 60
                  maxTrades: $TRADES
                  startTime: 2026-12-01T09:00:00Z
            """);

    private BotsFiles() {}

    /** A YAML bots file of {@code count} valid bots, the same for the same seed; bot i runs strategy i mod 14. */
    static String yaml(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(count * 600).append("bots:\n");
        for (int i = 0; i < count; i++) {
            String bot = TEMPLATES
                    .get(i % TEMPLATES.size())
                    .replace("$BIG_AMOUNT", String.valueOf(1 + random.nextInt(9)))
                    .replace("$AMOUNT", "0.0" + (1 + random.nextInt(9)))
                    .replace(
                            "$SLIPPAGE",
                            BigDecimal.valueOf(1 + random.nextInt(300), 2).toPlainString())
                    .replace("$TRADES", String.valueOf(1 + random.nextInt(20)))
                    .replace("$INTERVAL", String.valueOf(1 + random.nextInt(3600)))
                    .replace("$WALLET", String.valueOf(i % 50))
                    .replace("$MINT", MINT)
                    .replace("$USDC", USDC)
                    .replace("$I", String.valueOf(i));
            out.append("  - id: bot-").append(i).append('\n').append(bot);
        }
        return out.toString();
    }
}
