package io.solbot.bench.config;

import java.util.Random;

/** Generates large valid bots files with a mix of the built-in strategies. */
final class BotsFiles {
    static final String MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    static final String USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";

    private BotsFiles() {}

    /** A YAML bots file of {@code count} valid bots, the same for the same seed. */
    static String yaml(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(count * 400).append("bots:\n");
        for (int i = 0; i < count; i++) {
            String slippage =
                    java.math.BigDecimal.valueOf(1 + random.nextInt(300), 2).toPlainString();
            int trades = 1 + random.nextInt(20);
            String amount = "0.0" + (1 + random.nextInt(9));
            out.append("  - id: bot-").append(i).append('\n');
            switch (i % 5) {
                case 0 ->
                    out.append("    mode: sniper\n    wallet: w")
                            .append(i % 50)
                            .append("\n    config:\n")
                            .append("      amountToSpend: ")
                            .append(amount)
                            .append('\n')
                            .append("      slippage: ")
                            .append(slippage)
                            .append('\n')
                            .append("      interval: ")
                            .append(1 + random.nextInt(3600))
                            .append('\n')
                            .append("      maxTrades: ")
                            .append(trades)
                            .append('\n')
                            .append("      entryThreshold: 0.03\n      tokenFeed: trending\n      stopLoss: 10\n")
                            .append("      takeProfit: 25\n      priorityFeeLamports: 10000\n")
                            .append("      safetyChecks: {simulation: true, liquidity: true, authority: true,"
                                    + " topHolders: true}\n")
                            .append("      smartExitMode: time\n      smartExit: {time: {maxHoldSec: 600}}\n");
                case 1 ->
                    out.append("    mode: scalper\n    config:\n")
                            .append("      scalpAmount: \"")
                            .append(amount)
                            .append("\"\n")
                            .append("      slippage: ")
                            .append(slippage)
                            .append('\n')
                            .append("      interval: 10\n      maxTrades: ")
                            .append(trades)
                            .append('\n')
                            .append("      monitoredTokens: [")
                            .append(MINT)
                            .append(", ")
                            .append(USDC)
                            .append("]\n")
                            .append("      entryThreshold: 2\n      maxHoldSeconds: 30\n");
                case 2 ->
                    out.append("    mode: paperTrader\n    config:\n")
                            .append("      snipeAmount: ")
                            .append(amount)
                            .append('\n')
                            .append("      slippage: ")
                            .append(slippage)
                            .append('\n')
                            .append("      interval: 15\n      maxTrades: ")
                            .append(trades)
                            .append('\n')
                            .append("      execModel: amm_depth\n      seed: \"")
                            .append(i)
                            .append("\"\n")
                            .append("      latency: {quoteMs: 50, buildMs: 20, sendMs: 30, landMs: 400}\n")
                            .append("      failureRates: {quote: 0.01, send: 0.02}\n")
                            .append("      partials: {minParts: 1, maxParts: 3}\n");
                case 3 ->
                    out.append("    mode: chadMode\n    config:\n")
                            .append("      outputMint: ")
                            .append(MINT)
                            .append('\n')
                            .append("      amountToSpend: ")
                            .append(amount)
                            .append('\n')
                            .append("      slippage: 5\n      slippageMaxPct: 10\n      interval: 20\n")
                            .append("      maxTrades: ")
                            .append(trades)
                            .append('\n')
                            .append("      autoSell: {enabled: true, delay: 10000, dumpPct: 100,"
                                    + " randomDelayRange: [0, 500]}\n");
                default ->
                    out.append("    mode: rebalancer\n    config:\n")
                            .append("      targetAllocations: {")
                            .append(MINT)
                            .append(": 60, ")
                            .append(USDC)
                            .append(": 40}\n")
                            .append("      rebalanceThreshold: 5\n      slippage: ")
                            .append(slippage)
                            .append('\n')
                            .append("      maxRebalances: ")
                            .append(1 + random.nextInt(20))
                            .append('\n');
            }
        }
        return out.toString();
    }
}
