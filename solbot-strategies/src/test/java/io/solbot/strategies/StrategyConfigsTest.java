package io.solbot.strategies;

import static io.solbot.strategies.Bots.MINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.BotSettings;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.plugin.RegisteredProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the original validator (reference §c) at its boundaries, for every strategy that has it: a value
 * just inside is accepted, a value just outside gives exactly one violation with the expected message. Rows are
 * {@code modes ; overrides ; expected}: modes is a list, or SHARED / FEED; overrides is JSON merged into the mode's
 * minimal config (dotted keys nest, null removes); expected is empty for "valid", else a part of the one message.
 */
class StrategyConfigsTest {
    static final String RULES = """
            SHARED ; {"tokenMint": "%MINT%"} ;
            SHARED ; {"tokenMint": "0OIl-not-base58"} ; tokenMint must be a Solana address (base58 that decodes to 32 bytes), but was '0OIl-not-base58'
            SHARED ; {"tokenMint": "1111111111111111111111111111111"} ; tokenMint must be a Solana address
            SHARED ; {"entryThreshold": 0} ;
            SHARED ; {"entryThreshold": -0.01} ; entryThreshold must be between 0 and 100 %, but was -0.01
            sniper,breakout,dipBuyer,delayedSniper,trendFollower,chadMode,paperTrader,turboPaperTrader,turboSniper ; {"entryThreshold": 100} ;
            sniper,breakout,dipBuyer,delayedSniper,trendFollower,chadMode,paperTrader,turboPaperTrader,turboSniper ; {"entryThreshold": 100.01} ; entryThreshold must be between 0 and 100 %, but was 100.01
            sniper ; {"entryThreshold": 0.99} ;
            SHARED ; {"volumeThreshold": 0} ;
            SHARED ; {"volumeThreshold": -1} ; volumeThreshold must be at least 0 USD, but was -1
            SHARED ; {"slippage": 0.01} ;
            SHARED ; {"slippage": 99} ;
            SHARED ; {"slippage": 0} ; slippage must be between 0.01 and 99 %, but was 0
            SHARED ; {"slippage": 99.01} ; slippage must be between 0.01 and 99 %, but was 99.01
            SHARED ; {"slippage": 1.005} ; slippage must have at most 2 decimals, but was 1.005
            SHARED ; {"slippage": "NaN"} ; slippage must be a number, but was 'NaN'
            SHARED ; {"slippage": null} ; slippage is required
            SHARED ; {"slippage": "2.5"} ;
            SHARED ; {"interval": 1} ;
            SHARED ; {"interval": 3600} ;
            SHARED ; {"interval": 0.999} ; interval must be between 1 and 3600 seconds, but was 0.999
            SHARED ; {"interval": 3601} ; interval must be between 1 and 3600 seconds, but was 3601
            SHARED ; {"interval": null} ; interval is required
            SHARED ; {"maxTrades": 1} ;
            SHARED ; {"maxTrades": 20} ;
            SHARED ; {"maxTrades": 0} ; maxTrades must be between 1 and 20, but was 0
            SHARED ; {"maxTrades": 21} ; maxTrades must be between 1 and 20, but was 21
            SHARED ; {"maxTrades": 2.5} ; maxTrades must be a whole number, but was 2.5
            SHARED ; {"maxTrades": "3"} ;
            SHARED ; {"maxTrades": null} ; maxTrades is required
            SHARED ; {"amountToSpend": 0.000000001} ;
            SHARED ; {"amountToSpend": 0} ; amountToSpend must be greater than 0 SOL, but was 0
            SHARED ; {"amountToSpend": 0.0000000001} ; amountToSpend must have at most 9 decimals
            SHARED ; {"amountToSpend": null} ; amountToSpend is required
            SHARED ; {"amountToSpend": null, "snipeAmount": 0.1} ;
            SHARED ; {"amountToSpend": null, "spendAmount": 0.1} ;
            SHARED ; {"amountToSpend": null, "amount": "0.1"} ;
            SHARED ; {"amount": 0.1} ; amountToSpend is given as amountToSpend and amount; give only one of them
            SHARED ; {"takeProfit": 100, "stopLoss": 100} ;
            SHARED ; {"takeProfit": 100.1} ; takeProfit must be between 0 and 100 %, but was 100.1
            SHARED ; {"stopLoss": -1} ; stopLoss must be between 0 and 100 %, but was -1
            SHARED ; {"tpPercent": 101} ; tpPercent must be between 0 and 100 %
            SHARED ; {"slPercent": -0.5} ; slPercent must be between 0 and 100 %
            SHARED ; {"targetPriceUSD": 0} ;
            SHARED ; {"targetPriceUSD": -0.01} ; targetPriceUSD must be at least 0 USD, but was -0.01
            SHARED ; {"buyWithUSDC": true, "usdcAmount": 5, "amountToSpend": null} ;
            SHARED ; {"buyWithUSDC": true, "amountToSpend": null} ; usdcAmount is required when buyWithUSDC is true
            SHARED ; {"buyWithUSDC": "maybe"} ; buyWithUSDC must be true or false, but was 'maybe'
            SHARED ; {"buyWithUSDC": true, "usdcAmount": 0} ; usdcAmount must be greater than 0 USDC, but was 0
            SHARED ; {"safetyEnabled": "yes"} ; safetyEnabled must be true or false, but was 'yes'
            SHARED ; {"safetyChecks": {"simulation": true, "liquidity": false, "authority": true, "topHolders": true}} ;
            SHARED ; {"safetyChecks": {"liquidty": false}} ; safetyChecks.liquidty is not a known field; did you mean 'liquidity'?
            SHARED ; {"safetyChecks": "on"} ; safetyChecks must be an object with the fields simulation, liquidity, authority, topHolders, but was 'on'
            SHARED ; {"safetyChecks.authority": 1} ; safetyChecks.authority must be true or false, but was 1
            SHARED ; {"haltOnFailures": 1} ;
            SHARED ; {"haltOnFailures": 0} ; haltOnFailures must be at least 1, but was 0
            SHARED ; {"haltOnFailures": 1.5} ; haltOnFailures must be a whole number, but was 1.5
            SHARED ; {"cooldown": 0} ;
            SHARED ; {"cooldown": -1} ; cooldown must be at least 0 seconds, but was -1
            SHARED ; {"maxOpenTrades": 1} ;
            SHARED ; {"maxOpenTrades": 0} ; maxOpenTrades must be at least 1, but was 0
            SHARED ; {"maxDailyVolume": 0} ; maxDailyVolume must be greater than 0 SOL, but was 0
            SHARED ; {"priorityFeeLamports": 0} ;
            SHARED ; {"priorityFeeLamports": -1} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was -1
            SHARED ; {"priorityFeeLamports": 1.5} ; priorityFeeLamports must be a whole number, but was 1.5
            SHARED ; {"maxSlippage": 1} ;
            SHARED ; {"maxSlippage": 1.01} ; maxSlippage must be between 0 and 1, but was 1.01
            SHARED ; {"stopLos": 5} ; stopLos is not a known field; did you mean 'stopLoss'?
            FEED ; {"tokenFeed": "trending"} ;
            FEED ; {"tokenFeed": "HIGH_LIQUIDITY"} ;
            FEED ; {"tokenFeed": "trendy"} ; tokenFeed must be one of new, trending, high-liquidity, mid-cap-growth, price-surge, volume-spike, high-trade, recent-good-liquidity, all, monitored, but was 'trendy'
            FEED ; {"tokenFeed": "trendng"} ; tokenFeed must be one of new, trending, high-liquidity, mid-cap-growth, price-surge, volume-spike, high-trade, recent-good-liquidity, all, monitored (did you mean 'trending'?), but was 'trendng'
            FEED ; {"monitoredTokens": ["%MINT%"]} ;
            FEED ; {"monitoredTokens": ["%MINT%", "bad"]} ; monitoredTokens[1] must be a Solana address
            FEED ; {"tokenFeed": "monitored"} ; monitoredTokens must list at least one token when tokenFeed is monitored
            sniper,scalper,turboSniper ; {"tokenFeed": null} ; tokenFeed or monitoredTokens is required: give a token feed (new, trending, ...) or at least one monitored token, else the bot could never buy
            sniper,scalper,turboSniper ; {"tokenFeed": null, "monitoredTokens": []} ; tokenFeed or monitoredTokens is required
            sniper,scalper,turboSniper ; {"tokenFeed": "", "monitoredTokens": []} ; tokenFeed or monitoredTokens is required
            sniper,scalper,turboSniper ; {"tokenFeed": null, "monitoredTokens": ["%MINT%"]} ;
            breakout,dipBuyer,delayedSniper,trendFollower,paperTrader ; {"tokenFeed": null} ;
            SHARED ; {"tokenMint": ""} ;
            SHARED ; {"tokenMint": "  "} ;
            FEED ; {"smartExitMode": "", "walletLabel": ""} ;
            stealthBot ; {"tokenMint": ""} ; tokenMint is required
            FEED ; {"overrideMonitored": "x"} ; overrideMonitored must be true or false
            FEED ; {"minMarketCap": 0, "maxMarketCap": 0} ;
            FEED ; {"minMarketCap": -1} ; minMarketCap must be at least 0 USD, but was -1
            FEED ; {"minMarketCap": 10, "maxMarketCap": 9} ; maxMarketCap must be at least minMarketCap (10), but was 9
            FEED ; {"minTokenAgeMinutes": 1, "maxTokenAgeMinutes": 1440} ;
            FEED ; {"minTokenAgeMinutes": 0} ; minTokenAgeMinutes must be between 1 and 1440 minutes, but was 0
            FEED ; {"maxTokenAgeMinutes": 1441} ; maxTokenAgeMinutes must be between 1 and 1440 minutes, but was 1441
            FEED ; {"minTokenAgeMinutes": 60, "maxTokenAgeMinutes": 59} ; maxTokenAgeMinutes must be at least minTokenAgeMinutes (60), but was 59
            FEED ; {"minPoolUsd": -1} ; minPoolUsd must be at least 0 USD
            FEED ; {"priceWindow": "1m", "volumeWindow": "1d"} ;
            FEED ; {"priceWindow": 1440} ;
            FEED ; {"priceWindow": "30s"} ; priceWindow must be a window of 1 to 1440 minutes
            FEED ; {"volumeWindow": "2d"} ; volumeWindow must be a window of 1 to 1440 minutes
            FEED ; {"volumeSpikeMultiplier": 1} ;
            FEED ; {"volumeSpikeMultiplier": 0.99} ; volumeSpikeMultiplier must be at least 1, but was 0.99
            FEED ; {"volumeSpikeMult": 0.5} ; volumeSpikeMultiplier must be at least 1, but was 0.5
            FEED ; {"smartExitMode": "time", "smartExit.time.maxHoldSec": 60} ;
            FEED ; {"smartExitMode": "time", "timeMaxHoldSec": 60} ;
            FEED ; {"smartExitMode": "TIME"} ; smartExit.time.maxHoldSec is required when smartExitMode is time
            FEED ; {"smartExit.time.maxHoldSec": 0} ; smartExit.time.maxHoldSec must be at least 1 seconds, but was 0
            FEED ; {"smartExit.time.minPnLBeforeTimeExitPct": -100} ;
            FEED ; {"smartExit.time.minPnLBeforeTimeExitPct": -100.01} ; smartExit.time.minPnLBeforeTimeExitPct must be between -100 and 100 %
            FEED ; {"timeMinPnLBeforeTimeExitPct": 100.01} ; timeMinPnLBeforeTimeExitPct must be between -100 and 100 %
            FEED ; {"smartExitMode": "liquidity", "postBuyWatch.lpOutflowExitPct": 100} ;
            FEED ; {"smartExitMode": "liquidity", "lpOutflowExitPct": 0.01} ;
            FEED ; {"smartExitMode": "liquidity", "postBuyWatch.lpOutflowExitPct": 0} ; postBuyWatch.lpOutflowExitPct must be greater than 0 and at most 100 % when smartExitMode is liquidity
            FEED ; {"postBuyWatch.lpOutflowExitPct": 100.5} ; postBuyWatch.lpOutflowExitPct must be between 0 and 100 %
            FEED ; {"postBuyWatch.intervalSec": 0} ; postBuyWatch.intervalSec must be at least 1 seconds, but was 0
            FEED ; {"postBuyWatch.rugDelayBlocks": -1} ; postBuyWatch.rugDelayBlocks must be at least 0, but was -1
            FEED ; {"postBuyWatch.authorityFlipExit": "no"} ; postBuyWatch.authorityFlipExit must be true or false
            FEED ; {"intervalSec": 0} ; intervalSec must be at least 1 seconds
            FEED ; {"rugDelayBlocks": -1} ; rugDelayBlocks must be at least 0
            FEED ; {"smartExitMode": "sometimes"} ; smartExitMode must be one of off, none, time, volume, liquidity
            sniper,scalper,breakout,dipBuyer,delayedSniper,trendFollower,paperTrader ; {"smartExitMode": "volume"} ; smartExitMode must be one of liquidity, off, time for this strategy, but was 'volume'
            turboPaperTrader,turboSniper ; {"smartExitMode": "none"} ;
            sniper,paperTrader,turboPaperTrader ; {"dipThreshold": 100, "recoveryWindow": "1h", "delayBeforeBuyMs": 0} ;
            sniper,paperTrader,turboPaperTrader ; {"dipThreshold": 100.01} ; dipThreshold must be between 0 and 100 %
            sniper,paperTrader,turboPaperTrader,trendFollower,turboSniper ; {"delayBeforeBuyMs": -1} ; delayBeforeBuyMs must be at least 0 ms
            sniper,paperTrader ; {"recoveryWindow": 0} ; recoveryWindow must be a window of 1 to 1440 minutes
            scalper ; {"entryThreshold": 10} ;
            scalper ; {"entryThreshold": 0.05} ;
            scalper ; {"entryThreshold": 10.01} ; entryThreshold must be at most 10 % for the scalper (values below 1 are fractions: 0.05 = 5 %), but was 10.01
            scalper ; {"entryThreshold": 0.5} ; entryThreshold must be at most 10 % for the scalper (values below 1 are fractions: 0.05 = 5 %), but was 0.5
            scalper ; {"maxHoldSeconds": 1, "takeProfitPct": 1, "stopLossPct": 0.01, "useSignals": true} ;
            scalper ; {"maxHoldSeconds": 0} ; maxHoldSeconds must be at least 1 seconds
            scalper ; {"takeProfitPct": 0} ; takeProfitPct must be greater than 0 and at most 1, but was 0
            scalper ; {"stopLossPct": 1.01} ; stopLossPct must be greater than 0 and at most 1, but was 1.01
            scalper ; {"scalpAmount": 0.01, "amountToSpend": null} ;
            breakout ; {"breakoutThreshold": 100, "minLiquidity": 0, "squeezeLookback": 1, "expansionMultiplier": 1} ;
            breakout ; {"breakoutThreshold": 100.01} ; breakoutThreshold must be between 0 and 100 %
            breakout ; {"minLiquidity": -1} ; minLiquidity must be at least 0 USD
            breakout ; {"squeezeLookback": 0} ; squeezeLookback must be at least 1, but was 0
            breakout ; {"squeezeThreshold": 0} ; squeezeThreshold must be greater than 0
            breakout ; {"expansionMultiplier": 0.99} ; expansionMultiplier must be at least 1
            breakout ; {"fakeoutCooldownMs": -1} ; fakeoutCooldownMs must be at least 0 ms
            breakout ; {"timeOfDayFilter": {"start": "09:00", "end": "23:59"}} ;
            breakout ; {"timeOfDayFilter": {"start": "24:00", "end": "10:00"}} ; timeOfDayFilter.start must be a time HH:MM (00:00 to 23:59), but was '24:00'
            breakout ; {"timeOfDayFilter": {"start": "09:00"}} ; timeOfDayFilter.end is required
            breakout ; {"dipThreshold": 101} ; dipThreshold must be between 0 and 100 %
            dipBuyer ; {"dipThreshold": 99} ;
            dipBuyer ; {"dipThreshold": 0.01} ;
            dipBuyer ; {"dipThreshold": 99.01} ; dipThreshold must be greater than 0 % and at most 99 %, but was 99.01
            dipBuyer ; {"dipThreshold": 0} ; dipThreshold must be greater than 0 % and at most 99 %, but was 0
            dipBuyer ; {"dipThreshold": null} ; dipThreshold is required
            dipBuyer ; {"recoveryWindow": "5m"} ;
            dipBuyer ; {"recoveryWindow": "25h"} ; recoveryWindow must be a window of 1 to 1440 minutes
            delayedSniper ; {"delayBeforeBuyMs": 1} ;
            delayedSniper ; {"delayBeforeBuyMs": null, "delayMs": 1} ;
            delayedSniper ; {"delayBeforeBuyMs": 0} ; delayBeforeBuyMs must be at least 1 ms, but was 0
            delayedSniper ; {"delayBeforeBuyMs": null} ; delayBeforeBuyMs is required
            delayedSniper ; {"delayMs": 5} ; delayBeforeBuyMs is given as delayBeforeBuyMs and delayMs; give only one of them
            delayedSniper ; {"scanInterval": 1, "ignoreBlocks": 0, "breakoutPct": 0.3, "pullbackPct": 0.1} ;
            delayedSniper ; {"scanInterval": 0} ; scanInterval must be at least 1 seconds
            delayedSniper ; {"ignoreBlocks": -1} ; ignoreBlocks must be at least 0
            trendFollower ; {"dipThreshold": 5} ;
            trendFollower ; {"dipThreshold": 5, "entryThreshold": 0} ;
            trendFollower ; {"dipThreshold": 5, "entryThreshold": 3} ; dipThreshold must be 0 or left out when entryThreshold is above 0
            trendFollower ; {"emaPeriods": [10, 30, 60], "trailingPct": 0.02, "riskPerAdd": 0.01, "maxRisk": 0.05} ;
            trendFollower ; {"emaPeriods": [30, 10]} ; emaPeriods must be strictly increasing, but was [30, 10]
            trendFollower ; {"emaPeriods": [0, 10]} ; emaPeriods[0] must be between 1 and 1000, but was 0
            trendFollower ; {"trailingPct": 1} ; trailingPct must be greater than 0 and less than 1, but was 1
            trendFollower ; {"riskPerAdd": 0.06, "maxRisk": 0.05} ; riskPerAdd must be at most maxRisk (0.05), but was 0.06
            chadMode ; {"outputMint": null, "outputMints": ["%MINT%"]} ;
            chadMode ; {"outputMint": null} ; outputMint is required (or a non-empty outputMints list)
            chadMode ; {"outputMint": null, "outputMints": []} ; outputMint is required (or a non-empty outputMints list)
            chadMode ; {"outputMint": "not-a-mint"} ; outputMint must be a Solana address
            chadMode ; {"outputMints": ["x"]} ; outputMints[0] must be a Solana address
            chadMode ; {"slippageMaxPct": 1, "minVolumeRequired": 0, "panicDumpPct": 100, "feeEscalationLamports": 0} ;
            chadMode ; {"slippageMaxPct": 0.5} ; slippageMaxPct must be at least slippage (1), but was 0.5
            chadMode ; {"minVolumeRequired": -1} ; minVolumeRequired must be at least 0 USD
            chadMode ; {"panicDumpPct": -1} ; panicDumpPct must be between 0 and 100 %
            chadMode ; {"feeEscalationLamports": -1} ; feeEscalationLamports must be between 0 and 1000000000 lamports, but was -1
            chadMode ; {"autoSell": {"enabled": true, "delay": 0, "dumpPct": 100, "randomJitterMs": 0, "randomDelayRange": [0, 0]}} ;
            chadMode ; {"autoSell.randomDelayRange": [5, 1]} ; autoSell.randomDelayRange must have a max of at least its min, but was [5, 1]
            chadMode ; {"autoSell.randomDelayRange": [-1, 5]} ; autoSell.randomDelayRange must have a min of at least 0
            chadMode ; {"autoSell.randomDelayRange": [1]} ; autoSell.randomDelayRange must be two numbers [min, max] in ms
            chadMode ; {"autoSell.dumpPct": 0} ; autoSell.dumpPct must be greater than 0 % and at most 100 %
            chadMode ; {"autoSell.delay": -1} ; autoSell.delay must be at least 0 ms
            chadMode ; {"tokenFeed": "new"} ; tokenFeed is not a known field
            paperTrader,turboPaperTrader ; {"maxDailyTrades": 1, "execModel": "amm_depth", "seed": 42, "slippageBpsCap": 0, "enableShadowMode": true, "paperRunId": "run-1"} ;
            paperTrader,turboPaperTrader ; {"maxDailyTrades": 0} ; maxDailyTrades must be at least 1, but was 0
            paperTrader,turboPaperTrader ; {"execModel": "amm"} ; execModel must be one of ideal, amm_depth, jito_fallback, but was 'amm'
            paperTrader,turboPaperTrader ; {"execModel": "amm-dept"} ; execModel must be one of ideal, amm_depth, jito_fallback (did you mean 'amm_depth'?), but was 'amm-dept'
            paperTrader,turboPaperTrader ; {"slippageBpsCap": -1} ; slippageBpsCap must be at least 0 bps
            paperTrader,turboPaperTrader ; {"latency": {"quoteMs": 0, "buildMs": 0, "sendMs": 0, "landMs": 0}} ;
            paperTrader,turboPaperTrader ; {"latency.landMs": -1} ; latency.landMs must be at least 0 ms, but was -1
            paperTrader,turboPaperTrader ; {"latency": 5} ; latency must be an object with the fields quoteMs, buildMs, sendMs, landMs
            paperTrader,turboPaperTrader ; {"failureRates": {"quote": 0, "send": 1}} ;
            paperTrader,turboPaperTrader ; {"failureRates": {"send": 1.01}} ; failureRates[send] must be between 0 and 1, but was 1.01
            paperTrader,turboPaperTrader ; {"failureRates": {"sign": 0.1}} ; failureRates[sign] is not a stage: the stages are quote, build, send, land, bundle, but was 0.1
            paperTrader,turboPaperTrader ; {"partials": {"minParts": 1, "maxParts": 1}} ;
            paperTrader,turboPaperTrader ; {"partials": {"minParts": 3, "maxParts": 2}} ; partials.maxParts must be at least minParts (3), but was 2
            paperTrader,turboPaperTrader ; {"partials.minParts": 0} ; partials.minParts must be at least 1, but was 0
            turboPaperTrader ; {"maxPriceImpactPct": 100, "multiBuyCount": 3, "jitoTipLamports": 0, "trailingStopPct": 100, "loop": false} ;
            turboPaperTrader,turboSniper ; {"multiBuyCount": 0} ; multiBuyCount must be between 1 and 3, but was 0
            turboPaperTrader,turboSniper ; {"multiBuyCount": 4} ; multiBuyCount must be between 1 and 3, but was 4
            turboPaperTrader ; {"maxPriceImpactPct": 100.01} ; maxPriceImpactPct must be between 0 and 100 %
            turboPaperTrader,turboSniper ; {"jitoTipLamports": -1} ; jitoTipLamports must be between 0 and 1000000000 lamports, but was -1
            turboSniper ; {"ghostMode": true, "coverWalletId": "cover-1", "bundleStrategy": "nearEnd", "tipCurve": "expo", "directAmmFirstPct": 1} ;
            turboSniper ; {"ghostMode": true} ; coverWalletId is required when ghostMode is true
            turboSniper ; {"cuPriceMicroLamportsMin": 10, "cuPriceMicroLamportsMax": 9} ; cuPriceMicroLamportsMax must be at least cuPriceMicroLamportsMin (10), but was 9
            turboSniper ; {"bundleStrategy": "top"} ; bundleStrategy must be one of topOfBlock, mid, nearEnd
            turboSniper ; {"tipCurve": "log"} ; tipCurve must be one of flat, linear, expo
            turboSniper ; {"directAmmFirstPct": 1.1} ; directAmmFirstPct must be between 0 and 1
            turboSniper ; {"smartVolLookbackSec": 5, "smartLiqLookbackSec": 600, "smartExitTimeMins": 1440, "smartLiqDropPct": 100} ;
            turboSniper ; {"smartVolLookbackSec": 4} ; smartVolLookbackSec must be between 5 and 600 seconds
            turboSniper ; {"smartLiqLookbackSec": 601} ; smartLiqLookbackSec must be between 5 and 600 seconds
            turboSniper ; {"smartExitTimeMins": 0} ; smartExitTimeMins must be between 1 and 1440 minutes
            turboSniper ; {"takeProfit": 10, "tpLadder": [25, 25, 50]} ;
            turboSniper ; {"takeProfit": 10, "tpLadder": [50, 101]} ; tpLadder[1] must be between 0 and 100, but was 101
            turboSniper ; {"jitoRelayUrl": "http://relay"} ; jitoRelayUrl must be an https URL
            turboSniper ; {"killSwitch": true} ; killThreshold is required when killSwitch is true
            turboSniper ; {"killThreshold": 0} ; killThreshold must be at least 1
            turboSniper ; {"idempotency": {"ttlSec": 0}} ; idempotency.ttlSec must be at least 1 seconds
            turboSniper ; {"iceberg": {"enabled": true, "tranches": 21}} ; iceberg.tranches must be between 1 and 20
            turboPaperTrader,turboSniper ; {"smartExitMode": "time", "smartExitTimeMins": 1} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "time", "smartExitTimeMins": 1441} ; smartExitTimeMins must be between 1 and 1440 minutes, but was 1441
            turboPaperTrader,turboSniper ; {"smartExitMode": "volume", "smartVolLookbackSec": 600, "smartVolThreshold": 0} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "volume", "smartExit": {"volume": {"volWindowSec": 5, "volDropPct": 100}}} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "volume", "smartExit": {"volume": {"lookbackSec": 5, "threshold": 0}}} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "volume", "smartVolThreshold": 0} ; smartVolLookbackSec is required when smartExitMode is volume
            turboPaperTrader,turboSniper ; {"smartExitMode": "volume", "smartVolLookbackSec": 5} ; smartVolThreshold is required when smartExitMode is volume
            turboPaperTrader,turboSniper ; {"smartExitMode": "liquidity", "smartLiqLookbackSec": 5, "smartLiqDropPct": 0} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "liquidity", "smartExit": {"liquidity": {"lookbackSec": 600, "lpOutflowExitPct": 100}}} ;
            turboPaperTrader,turboSniper ; {"smartExitMode": "liquidity", "smartLiqLookbackSec": 5} ; postBuyWatch.lpOutflowExitPct must be greater than 0 and at most 100 % when smartExitMode is liquidity
            turboPaperTrader,turboSniper ; {"smartExit.volume.volDropPct": 100.01} ; smartExit.volume.volDropPct must be between 0 and 100 %, but was 100.01
            turboPaperTrader,turboSniper ; {"smartExit.volume.volWindowSec": 4} ; smartExit.volume.lookbackSec must be between 5 and 600 seconds, but was 4
            turboPaperTrader,turboSniper ; {"smartVolLookbackSec": 600, "smartVolThreshold": 0, "smartLiqLookbackSec": 5, "smartLiqDropPct": 0} ;
            turboPaperTrader,turboSniper ; {"smartVolLookbackSec": 601} ; smartVolLookbackSec must be between 5 and 600 seconds, but was 601
            turboPaperTrader,turboSniper ; {"smartVolThreshold": -0.01} ; smartVolThreshold must be at least 0, but was -0.01
            turboPaperTrader,turboSniper ; {"smartLiqLookbackSec": 4} ; smartLiqLookbackSec must be between 5 and 600 seconds, but was 4
            turboPaperTrader,turboSniper ; {"smartLiqDropPct": -0.01} ; smartLiqDropPct must be between 0 and 100 %, but was -0.01
            turboPaperTrader,turboSniper ; {"smartLiqDropPct": 100.01} ; smartLiqDropPct must be between 0 and 100 %, but was 100.01
            turboPaperTrader,turboSniper ; {"smartExitTimeMins": 0} ; smartExitTimeMins must be between 1 and 1440 minutes, but was 0
            sniper,paperTrader ; {"smartExitTimeMins": 5} ; smartExitTimeMins is not a known field
            turboSniper ; {"dipThreshold": 100, "recoveryWindow": "1h", "maxPriceImpactPct": 100, "multiWallet": 1} ;
            turboSniper ; {"dipThreshold": 100.01} ; dipThreshold must be between 0 and 100 %, but was 100.01
            turboSniper ; {"recoveryWindow": 0} ; recoveryWindow must be a window of 1 to 1440 minutes
            turboSniper ; {"maxPriceImpactPct": 0} ;
            turboSniper ; {"maxPriceImpactPct": -0.01} ; maxPriceImpactPct must be between 0 and 100 %, but was -0.01
            turboSniper ; {"maxPriceImpactPct": 100.01} ; maxPriceImpactPct must be between 0 and 100 %, but was 100.01
            turboSniper ; {"multiWallet": 0} ; multiWallet must be at least 1, but was 0
            turboSniper ; {"multiBuyCount": 1, "jitoTipLamports": 0, "priorityFeeLamports": 0, "rpcMaxErrors": 1, "killThreshold": 1, "quoteTtlMs": 1} ;
            turboSniper ; {"multiBuyCount": 3, "multiBuy": true} ;
            turboSniper ; {"multiBuyCount": 2.5} ; multiBuyCount must be a whole number, but was 2.5
            turboSniper ; {"jitoTipLamports": 1.5} ; jitoTipLamports must be a whole number, but was 1.5
            turboSniper ; {"priorityFeeLamports": -1} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was -1
            turboSniper ; {"rpcMaxErrors": 0} ; rpcMaxErrors must be at least 1, but was 0
            turboSniper ; {"rpcMaxErrors": 1.5} ; rpcMaxErrors must be a whole number, but was 1.5
            turboSniper ; {"killThreshold": 1.5} ; killThreshold must be a whole number, but was 1.5
            turboSniper ; {"quoteTtlMs": 0} ; quoteTtlMs must be at least 1 ms, but was 0
            turboSniper ; {"killSwitch": true, "killThreshold": 1} ;
            turboSniper ; {"ghostMode": true, "coverWalletId": " "} ; coverWalletId is required when ghostMode is true
            turboSniper ; {"ghostMode": false} ;
            turboSniper ; {"flags": {"directAmm": true, "bundles": false, "leaderTiming": true, "relay": false, "probe": true}} ;
            turboSniper ; {"flags.relay": "on"} ; flags.relay must be true or false, but was 'on'
            turboSniper ; {"flags.jito": true} ; flags.jito is not a known field
            turboSniper ; {"leaderTiming": {"enabled": true, "preflightMs": 1, "windowSlots": 1}} ;
            turboSniper ; {"leaderTiming": {"enabled": false}} ;
            turboSniper ; {"leaderTiming": {"enabled": true, "preflightMs": 0, "windowSlots": 1}} ; leaderTiming.preflightMs must be at least 1 ms, but was 0
            turboSniper ; {"leaderTiming": {"enabled": true, "preflightMs": 220, "windowSlots": 0}} ; leaderTiming.windowSlots must be at least 1 slots, but was 0
            turboSniper ; {"leaderTiming": {"enabled": true, "windowSlots": 2}} ; leaderTiming.preflightMs is required when enabled is true
            turboSniper ; {"leaderTiming": {"enabled": true, "preflightMs": 220}} ; leaderTiming.windowSlots is required when enabled is true
            turboSniper ; {"idempotency": {"ttlSec": 1, "salt": "s", "resumeFromLast": true}} ;
            turboSniper ; {"idempotency.salt": " "} ;
            turboSniper ; {"idempotency.resumeFromLast": "yes"} ; idempotency.resumeFromLast must be true or false
            turboSniper ; {"idempotencyTtlSec": 1} ;
            turboSniper ; {"idempotencyTtlSec": 0} ; idempotencyTtlSec must be at least 1 seconds, but was 0
            turboSniper ; {"idempotencyTtlSec": 60, "idempotency.ttlSec": 60} ; idempotencyTtlSec is given as idempotencyTtlSec and idempotency.ttlSec; give only one of them
            turboSniper ; {"retryPolicy": {"max": 1, "bumpCuStep": 0, "bumpTipStep": 0, "routeSwitch": true, "rpcFailover": false}} ;
            turboSniper ; {"retryPolicy.max": 0} ; retryPolicy.max must be at least 1, but was 0
            turboSniper ; {"retryPolicy.bumpCuStep": -1} ; retryPolicy.bumpCuStep must be at least 0 micro-lamports, but was -1
            turboSniper ; {"retryPolicy.bumpTipStep": -1} ; retryPolicy.bumpTipStep must be between 0 and 1000000000 lamports, but was -1
            turboSniper ; {"retryPolicy.routeSwitch": 1} ; retryPolicy.routeSwitch must be true or false
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.55], "maxParallel": 2}} ;
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.45, 0.5], "maxParallel": 1}} ;
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.56], "maxParallel": 2}} ; parallelWallets.splitPct must sum to 1 ± 0.05, but sums to 1.06
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.44, 0.5], "maxParallel": 2}} ; parallelWallets.splitPct must sum to 1 ± 0.05, but sums to 0.94
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [1], "maxParallel": 2}} ; parallelWallets.splitPct must give one share per wallet (2) when enabled is true
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0, 1], "maxParallel": 2}} ; parallelWallets.splitPct[0] must be greater than 0 and at most 1, but was 0
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.5], "maxParallel": 3}} ; parallelWallets.maxParallel must be at most the number of walletIds (2), but was 3
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.5], "maxParallel": 0}} ; parallelWallets.maxParallel must be at least 1, but was 0
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": ["a"], "splitPct": [1]}} ; parallelWallets.maxParallel is required when enabled is true
            turboSniper ; {"parallelWallets": {"enabled": true, "walletIds": [], "splitPct": [], "maxParallel": 1}} ; parallelWallets.walletIds must list at least one wallet when enabled is true
            turboSniper ; {"parallelWallets": {"enabled": false, "walletIds": [], "splitPct": [0.5, 0.5], "maxParallel": 2}} ;
            turboSniper ; {"parallelWallets.walletIds": [" "]} ; parallelWallets.walletIds[0] must not be blank
            turboSniper ; {"multiWallet": 2, "parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.5], "maxParallel": 2}} ;
            turboSniper ; {"multiWallet": 3, "parallelWallets": {"enabled": true, "walletIds": ["a", "b"], "splitPct": [0.5, 0.5], "maxParallel": 2}} ; multiWallet must be at most the number of parallelWallets.walletIds (2), but was 3
            turboSniper ; {"pumpfun": {"enabled": true, "thresholdPct": 1, "minSolLiquidity": 0, "cooldownSec": 0}} ;
            turboSniper ; {"pumpfun": {"enabled": true, "thresholdPct": 0, "minSolLiquidity": 10, "cooldownSec": 120}} ;
            turboSniper ; {"pumpfun.thresholdPct": 1.01} ; pumpfun.thresholdPct must be between 0 and 1, but was 1.01
            turboSniper ; {"pumpfun.thresholdPct": -0.01} ; pumpfun.thresholdPct must be between 0 and 1, but was -0.01
            turboSniper ; {"pumpfun.minSolLiquidity": -1} ; pumpfun.minSolLiquidity must be at least 0 SOL, but was -1
            turboSniper ; {"pumpfun.cooldownSec": -1} ; pumpfun.cooldownSec must be at least 0 seconds, but was -1
            turboSniper ; {"pumpfun": {"enabled": true, "minSolLiquidity": 10, "cooldownSec": 120}} ; pumpfun.thresholdPct is required when enabled is true
            turboSniper ; {"pumpfun": {"enabled": false}} ;
            turboSniper ; {"airdrops": {"enabled": true, "autoSell": true, "whitelistMints": ["%MINT%"], "minUsdValue": 0, "maxSellSlippagePct": 100}} ;
            turboSniper ; {"airdrops.minUsdValue": -0.01} ; airdrops.minUsdValue must be at least 0 USD, but was -0.01
            turboSniper ; {"airdrops.maxSellSlippagePct": 100.01} ; airdrops.maxSellSlippagePct must be between 0 and 100 %, but was 100.01
            turboSniper ; {"airdrops.whitelistMints": ["bad"]} ; airdrops.whitelistMints[0] must be a Solana address
            turboSniper ; {"airdrops": {"enabled": true, "minUsdValue": 5}} ; airdrops.maxSellSlippagePct is required when enabled is true
            turboSniper ; {"privateRelay": {"enabled": true, "urls": ["https://relay.example"], "mode": "tx"}} ;
            turboSniper ; {"privateRelay": {"enabled": false, "urls": [], "mode": "bundle"}} ;
            turboSniper ; {"privateRelay": {"enabled": true, "urls": []}} ; privateRelay.urls must list at least one relay URL when enabled is true
            turboSniper ; {"privateRelay.mode": "both"} ; privateRelay.mode must be one of bundle, tx
            turboSniper ; {"privateRelay.urls": ["ftp://relay"]} ; privateRelay.urls[0] must be an https URL
            turboSniper ; {"sizing": {"maxImpactPct": 100, "maxPoolPct": 1, "minUsd": 0}} ;
            turboSniper ; {"sizing": {"maxImpactPct": 0.01, "maxPoolPct": 0.01}} ;
            turboSniper ; {"sizing.maxImpactPct": 0} ; sizing.maxImpactPct must be greater than 0 % and at most 100 %, but was 0
            turboSniper ; {"sizing.maxPoolPct": 0} ; sizing.maxPoolPct must be greater than 0 and at most 1, but was 0
            turboSniper ; {"sizing.maxPoolPct": 1.01} ; sizing.maxPoolPct must be greater than 0 and at most 1, but was 1.01
            turboSniper ; {"sizing.minUsd": -1} ; sizing.minUsd must be at least 0 USD, but was -1
            turboSniper ; {"probe": {"enabled": true, "usd": 0.01, "scaleFactor": 1.01, "abortOnImpactPct": 100, "delayMs": 0}} ;
            turboSniper ; {"probe.usd": 0} ; probe.usd must be greater than 0 USD, but was 0
            turboSniper ; {"probe.scaleFactor": 1} ; probe.scaleFactor must be greater than 1, but was 1
            turboSniper ; {"probe.abortOnImpactPct": 0} ; probe.abortOnImpactPct must be greater than 0 % and at most 100 %, but was 0
            turboSniper ; {"probe.delayMs": -1} ; probe.delayMs must be at least 0 ms, but was -1
            turboSniper ; {"probe": {"enabled": true, "usd": 5, "scaleFactor": 4, "abortOnImpactPct": 2}} ; probe.delayMs is required when enabled is true
            turboSniper ; {"cuPriceMicroLamportsMin": 10, "cuPriceMicroLamportsMax": 10, "cuAdapt": true} ;
            turboSniper ; {"cuPriceMicroLamportsMin": -1} ; cuPriceMicroLamportsMin must be at least 0 micro-lamports, but was -1
            turboSniper ; {"bundleStrategy": "topOfBlock", "tipCurve": "linear"} ;
            turboSniper ; {"bundleStrategy": "mid", "tipCurve": "flat"} ;
            turboSniper ; {"cuPriceCurve": [1, 0.5, -2], "tipCurveCoefficients": [1000]} ;
            turboSniper ; {"cuPriceCurve": [1, "x"]} ; cuPriceCurve[1] must be a number, but was 'x'
            turboSniper ; {"tipCurveCoefficients": "1,2"} ; tipCurveCoefficients must be a list, but was '1,2'
            turboSniper ; {"directAmmFirstPct": 0, "directAmmFallback": true} ;
            turboSniper ; {"directAmmFirstPct": -0.01} ; directAmmFirstPct must be between 0 and 1, but was -0.01
            turboSniper ; {"postBuyWatch": {"durationSec": 0, "lpPullExit": true, "authorityFlipExit": true, "rugDelayBlocks": 0}} ;
            turboSniper ; {"postBuyWatch.durationSec": -1} ; postBuyWatch.durationSec must be at least 0 seconds, but was -1
            turboSniper ; {"postBuyWatch.lpPullExit": "yes"} ; postBuyWatch.lpPullExit must be true or false
            turboSniper ; {"iceberg": {"enabled": true, "tranches": 1, "trancheDelayMs": 0}} ;
            turboSniper ; {"iceberg": {"tranches": 20}} ;
            turboSniper ; {"iceberg.tranches": 0} ; iceberg.tranches must be between 1 and 20, but was 0
            turboSniper ; {"iceberg.trancheDelayMs": -1} ; iceberg.trancheDelayMs must be at least 0 ms, but was -1
            turboSniper ; {"iceberg.enabled": "y"} ; iceberg.enabled must be true or false
            turboSniper ; {"impactAbortPct": 100, "dynamicSlippageMaxPct": 0} ;
            turboSniper ; {"impactAbortPct": 100.01} ; impactAbortPct must be between 0 and 100 %, but was 100.01
            turboSniper ; {"dynamicSlippageMaxPct": -0.01} ; dynamicSlippageMaxPct must be between 0 and 100 %, but was -0.01
            turboSniper ; {"devWatch": {"whitelist": ["%MINT%"], "blacklist": [], "holderTop5MaxPct": 100, "lpBurnMinPct": 0, "enableInsiderHeuristics": true}} ;
            turboSniper ; {"devWatch": {"maxHolderPercent": 0, "minLpBurnPercent": 100}} ;
            turboSniper ; {"devWatch.holderTop5MaxPct": 100.01} ; devWatch.holderTop5MaxPct must be between 0 and 100 %, but was 100.01
            turboSniper ; {"devWatch.maxHolderPercent": -0.01} ; devWatch.holderTop5MaxPct must be between 0 and 100 %, but was -0.01
            turboSniper ; {"devWatch.lpBurnMinPct": -1} ; devWatch.lpBurnMinPct must be between 0 and 100 %, but was -1
            turboSniper ; {"devWatch.minLpBurnPercent": 100.5} ; devWatch.lpBurnMinPct must be between 0 and 100 %, but was 100.5
            turboSniper ; {"devWatch": {"holderTop5MaxPct": 65, "maxHolderPercent": 65}} ; devWatch.holderTop5MaxPct is given as holderTop5MaxPct and maxHolderPercent; give only one of them
            turboSniper ; {"devWatch.blacklist": ["bad"]} ; devWatch.blacklist[0] must be a Solana address
            turboSniper ; {"devWatch.enableInsiderHeuristics": "no"} ; devWatch.enableInsiderHeuristics must be true or false
            turboSniper ; {"devWatch": "on"} ; devWatch must be an object with the fields
            turboSniper ; {"maxHolderPercent": 100, "enableInsiderHeuristics": true, "requireFreezeRevoked": false} ;
            turboSniper ; {"maxHolderPercent": 100.01} ; maxHolderPercent must be between 0 and 100 %, but was 100.01
            turboSniper ; {"maxHolderPercent": 50, "devWatch.maxHolderPercent": 50} ; maxHolderPercent is given as maxHolderPercent and devWatch.maxHolderPercent; give only one of them
            turboSniper ; {"feeds": {"order": ["ws", "birdeye", "onchain"], "ttlMs": 1, "timeoutMs": 1}} ;
            turboSniper ; {"feeds.order": ["onchain"]} ;
            turboSniper ; {"feeds.order": ["ws", "helius"]} ; feeds.order[1] must be one of ws, birdeye, onchain
            turboSniper ; {"feeds.order": []} ; feeds.order must list at least one source
            turboSniper ; {"feeds.order": ["ws", "ws"]} ; feeds.order must not name a source twice
            turboSniper ; {"feeds.ttlMs": 0} ; feeds.ttlMs must be at least 1 ms, but was 0
            turboSniper ; {"feeds.timeoutMs": 0} ; feeds.timeoutMs must be at least 1 ms, but was 0
            turboSniper ; {"rpc": {"quorum": {"size": 1, "require": 1}, "blockhashTtlMs": 1}} ;
            turboSniper ; {"rpc": {"quorum": {"size": 3, "require": 3}}} ;
            turboSniper ; {"rpc": {"quorum": {"size": 3, "require": 4}}} ; rpc.quorum.require must be at most size (3), but was 4
            turboSniper ; {"rpc": {"quorum": {"size": 0, "require": 1}}} ; rpc.quorum.size must be at least 1, but was 0
            turboSniper ; {"rpc": {"quorum": {"size": 2, "require": 0}}} ; rpc.quorum.require must be at least 1, but was 0
            turboSniper ; {"rpc": {"quorum": {"size": 2}}} ; rpc.quorum.require is required
            turboSniper ; {"rpc": {"blockhashTtlMs": 0}} ; rpc.blockhashTtlMs must be at least 1 ms, but was 0
            turboSniper ; {"rpcEndpoints": ["https://a.example", "http://localhost:8899"], "privateRpcUrl": "https://p.example", "rpcFailover": true} ;
            turboSniper ; {"rpcEndpoints": ["a.example"]} ; rpcEndpoints[0] must be an http(s) URL
            turboSniper ; {"privateRpcUrl": "p.example"} ; privateRpcUrl must be an http(s) URL
            turboSniper ; {"allowedDexes": ["raydium", "orca"], "excludedDexes": []} ;
            turboSniper ; {"allowedDexes": [""]} ; allowedDexes[0] must not be blank
            turboSniper ; {"watchRaydium": true, "watchOrca": false, "poolFreshnessWindowSlots": 1} ;
            turboSniper ; {"poolFreshnessWindowSlots": 0} ; poolFreshnessWindowSlots must be at least 1 slots, but was 0
            turboSniper ; {"poolFreshnessWindowSlots": 1.5} ; poolFreshnessWindowSlots must be a whole number, but was 1.5
            turboSniper ; {"takeProfit": 10, "tpLadder": [0, 100]} ;
            turboSniper ; {"takeProfit": 10, "tpLadder": [-0.01]} ; tpLadder[0] must be between 0 and 100, but was -0.01
            turboSniper ; {"tpLadder": "25,50"} ; tpLadder must be a list, but was '25,50'
            turboSniper ; {"trailingStopPct": 100, "stopLossPercent": 0} ;
            turboSniper ; {"trailingStopPct": 100.01} ; trailingStopPct must be between 0 and 100 %, but was 100.01
            turboSniper ; {"stopLossPercent": 100.01} ; stopLossPercent must be between 0 and 100 %, but was 100.01
            turboSniper ; {"stopLossPercent": 10, "stopLoss": 10} ; stopLossPercent is given as stopLoss and stopLossPercent; give only one of them
            turboSniper ; {"liqGate": {"minPoolUsd": 0, "maxImpactPctAtLarge": 100, "liqProbeSmallSol": 0.1, "liqProbeLargeSol": 0.1}} ;
            turboSniper ; {"liqGate": {"liqProbeSmallSol": 1, "liqProbeLargeSol": 0.5}} ; liqGate.liqProbeLargeSol must be at least liqProbeSmallSol (1), but was 0.5
            turboSniper ; {"liqGate.liqProbeSmallSol": 0} ; liqGate.liqProbeSmallSol must be greater than 0 SOL, but was 0
            turboSniper ; {"liqGate.maxImpactPctAtLarge": 100.01} ; liqGate.maxImpactPctAtLarge must be between 0 and 100 %, but was 100.01
            turboSniper ; {"liqGate.minPoolUsd": -1} ; liqGate.minPoolUsd must be at least 0 USD, but was -1
            turboSniper ; {"slippageAuto": {"enabled": true, "floorPct": 0.01, "ceilPct": 0.01, "sensitivity": 1}} ;
            turboSniper ; {"slippageAuto": {"floorPct": 2, "ceilPct": 1}} ; slippageAuto.ceilPct must be at least floorPct (2), but was 1
            turboSniper ; {"slippageAuto.sensitivity": 1.01} ; slippageAuto.sensitivity must be between 0 and 1, but was 1.01
            turboSniper ; {"slippageAuto.floorPct": 0} ; slippageAuto.floorPct must be between 0.01 and 99 %, but was 0
            turboSniper ; {"postTx": {"chain": ["tp", "trail", "alerts"], "ensureQueued": true}} ;
            turboSniper ; {"postTx.chain": ["tp", "sell"]} ; postTx.chain[1] must be one of tp, trail, alerts
            turboSniper ; {"riskLevels": {"low": 1, "high": {"maxPct": 2}}} ;
            turboSniper ; {"riskLevels": [1]} ; riskLevels must be an object of key: value pairs, but was 'a list'
            rotationBot ; {"slippage": 0.01, "maxTrades": 20, "rotationInterval": 1000, "minMomentum": 100, "cooldown": 0, "haltOnFailures": 1} ;
            rotationBot ; {"slippage": null} ; slippage is required
            rotationBot ; {"slippage": 99.01} ; slippage must be between 0.01 and 99 %
            rotationBot ; {"maxTrades": null} ; maxTrades is required
            rotationBot ; {"maxTrades": 21} ; maxTrades must be between 1 and 20, but was 21
            rotationBot ; {"tokens": []} ; tokens must list at least one token (or give sectors or wallets with tokens)
            rotationBot ; {"tokens": null, "sectors": {"memes": ["%MINT%"]}} ;
            rotationBot ; {"tokens": null, "wallets": {"main": ["%MINT%"]}} ;
            rotationBot ; {"tokens": null, "sectors": {"memes": []}} ; tokens must list at least one token
            rotationBot ; {"tokens": ["bad"]} ; tokens[0] must be a Solana address
            rotationBot ; {"tokenMint": "bad"} ; tokenMint must be a Solana address
            rotationBot ; {"minMomentum": 100.1} ; minMomentum must be between 0 and 100 %
            rotationBot ; {"rotationInterval": 999} ; rotationInterval must be between 1000 and 3600000 ms, but was 999
            rotationBot ; {"cooldown": -1} ; cooldown must be at least 0 seconds
            rotationBot ; {"haltOnFailures": 0} ; haltOnFailures must be at least 1
            rotationBot ; {"interval": 30} ; interval is not a known field
            rebalancer ; {"targetAllocations": null, "targetWeights": {"%MINT%": 1}} ;
            rebalancer ; {"targetAllocations": null} ; targetAllocations is required
            rebalancer ; {"targetAllocations": {}} ; targetAllocations is required
            rebalancer ; {"targetAllocations": {"SOL": 1}} ; targetAllocations[SOL] must be keyed by a Solana address (base58 that decodes to 32 bytes), but was 'SOL'
            rebalancer ; {"targetAllocations": {"%MINT%": 0}} ; targetAllocations[%MINT%] must be greater than 0, but was 0
            rebalancer ; {"rebalanceThreshold": 0.01, "rebalanceInterval": 1000, "minSolBalance": 0.01, "maxRebalances": 20, "maxTradesPerCycle": 20} ;
            rebalancer ; {"rebalanceThreshold": 0} ; rebalanceThreshold must be greater than 0 % and at most 100 %, but was 0
            rebalancer ; {"rebalanceThreshold": null} ; rebalanceThreshold is required
            rebalancer ; {"slippage": null} ; slippage is required
            rebalancer ; {"slippage": 0} ; slippage must be between 0.01 and 99 %
            rebalancer ; {"maxRebalances": null} ; maxRebalances is required
            rebalancer ; {"maxRebalances": 21} ; maxRebalances must be between 1 and 20, but was 21
            rebalancer ; {"maxTradesPerCycle": 0} ; maxTradesPerCycle must be between 1 and 20
            rebalancer ; {"minSolBalance": 0.009} ; minSolBalance must be at least 0.01 SOL, but was 0.009
            rebalancer ; {"rebalanceInterval": 0} ; rebalanceInterval must be between 1000 and 3600000 ms, but was 0
            rebalancer ; {"priorityFeeLamports": 0.5} ; priorityFeeLamports must be a whole number
            rebalancer ; {"tokenMint": "bad"} ; tokenMint must be a Solana address
            rebalancer ; {"autoWallet": true, "slippage": 150} ; slippage must be between 0.01 and 99 %, but was 150
            stealthBot ; {"slippage": 99, "delayMinMs": 0, "delayMaxMs": 0, "sizeJitterPct": 100, "autoForward": "off"} ;
            stealthBot ; {"wallets": []} ; wallets must list at least one wallet label
            stealthBot ; {"wallets": null} ; wallets is required
            stealthBot ; {"tokenMint": null} ; tokenMint is required
            stealthBot ; {"tokenMint": "bad"} ; tokenMint must be a Solana address
            stealthBot ; {"positionSize": null} ; positionSize is required
            stealthBot ; {"positionSize": 0} ; positionSize must be greater than 0 SOL and at most 1000000000 SOL, but was 0
            stealthBot ; {"slippage": 0} ; slippage must be greater than 0 % and at most 99 %, but was 0
            stealthBot ; {"slippage": 99.01} ; slippage must be greater than 0 % and at most 99 %, but was 99.01
            stealthBot ; {"slippage": "NaN"} ; slippage must be a number, but was 'NaN'
            stealthBot ; {"delayMinMs": 10, "delayMaxMs": 9} ; delayMaxMs must be at least delayMinMs (10), but was 9
            stealthBot ; {"autoForward": "onEachBuy"} ; forwardDest is required when autoForward is onEachBuy
            stealthBot ; {"autoForward": "onEachBuy", "forwardDest": "%MINT%"} ;
            stealthBot ; {"rotationInterval": 500} ; rotationInterval must be 0 (run once) or at least 1000 ms
            scheduleLauncher ; {"slippage": 0.01, "name": "ab", "interval": 10, "maxTrades": 25, "amountToSpend": 0.01} ;
            scheduleLauncher ; {"interval": 3600, "maxTrades": 1, "name": "abcdefghijklmnopqrstuvwxyz012345"} ;
            scheduleLauncher ; {"outputMint": null} ; outputMint is required
            scheduleLauncher ; {"outputMint": "not-base58!"} ; outputMint must be a Solana address
            scheduleLauncher ; {"slippage": 99.5} ; slippage must be between 0.01 and 99 %
            scheduleLauncher ; {"name": "a"} ; name must be 2 to 32 characters, but was 'a'
            scheduleLauncher ; {"name": "abcdefghijklmnopqrstuvwxyz0123456"} ; name must be 2 to 32 characters
            scheduleLauncher ; {"interval": 9} ; interval must be between 10 and 3600 seconds, but was 9
            scheduleLauncher ; {"interval": 3601} ; interval must be between 10 and 3600 seconds, but was 3601
            scheduleLauncher ; {"maxTrades": 26} ; maxTrades must be between 1 and 25, but was 26
            scheduleLauncher ; {"maxTrades": 0} ; maxTrades must be between 1 and 25, but was 0
            scheduleLauncher ; {"maxTrades": 2.5} ; maxTrades must be a whole number, but was 2.5
            scheduleLauncher ; {"amountToSpend": 0.0099} ; amountToSpend must be between 0.01 and 1000000000 SOL, but was 0.0099
            scheduleLauncher ; {"amountToSpend": null} ; amountToSpend is required when buyMode is interval
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 0.0001, "amount": 0.01}]} ;
            scheduleLauncher ; {"buyMode": "limit"} ; limitConfigs must hold 1 to 10 tiers when buyMode is limit
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 0.00009, "amount": 1}]} ; limitConfigs[0].price must be at least 0.0001 USD, but was 0.00009
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 1, "amount": 0.009}]} ; limitConfigs[0].amount must be between 0.01 and 1000000000 SOL, but was 0.009
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 1}]} ; limitConfigs[0].amount is required
            scheduleLauncher ; {"buyMode": "market"} ; buyMode must be one of interval, limit
            scheduleLauncher ; {"startTime": "2026-12-01T09:00:00Z"} ;
            rotationBot ; {"tokens": "%MINT%"} ; tokens must be a list, but was '%MINT%'
            rotationBot ; {"sectors": ["%MINT%"]} ; sectors must be an object of key: value pairs, but was 'a list'
            rebalancer ; {"targetAllocations": [1]} ; targetAllocations must be an object of key: value pairs, but was 'a list'
            rebalancer ; {"autoWallet": "sometimes"} ; autoWallet must be true or false, but was 'sometimes'
            stealthBot ; {"positionSize": "lots"} ; positionSize must be a number, but was 'lots'
            stealthBot ; {"wallets": "w1"} ; wallets must be a list, but was 'w1'
            scheduleLauncher ; {"limitConfigs": {"price": 1}} ; limitConfigs must be a list, but was 'an object'
            scheduleLauncher ; {"interval": "1m"} ; interval must be a number, but was '1m'
            chadMode ; {"autoSell": true} ; autoSell must be an object with the fields enabled, delay, dumpPct, randomJitterMs, randomDelayRange, but was true
            paperTrader ; {"failureRates": {"send": "high"}} ; failureRates[send] must be a number, but was 'high'
            scheduleLauncher ; {"startTime": "tomorrow"} ; startTime must be a date and time with an offset, like 2026-12-01T09:00:00Z, but was 'tomorrow'
            SHARED ; {"takeProfit": 0, "stopLoss": 0} ;
            SHARED ; {"takeProfit": -0.01} ; takeProfit must be between 0 and 100 %, but was -0.01
            SHARED ; {"stopLoss": 100.01} ; stopLoss must be between 0 and 100 %, but was 100.01
            SHARED ; {"tpPercent": 0, "slPercent": 0} ;
            SHARED ; {"tpPercent": 100, "slPercent": 100} ;
            SHARED ; {"tpPercent": -0.01} ; tpPercent must be between 0 and 100 %, but was -0.01
            SHARED ; {"slPercent": 100.01} ; slPercent must be between 0 and 100 %, but was 100.01
            SHARED ; {"maxSlippage": 0} ;
            SHARED ; {"maxSlippage": -0.01} ; maxSlippage must be between 0 and 1, but was -0.01
            SHARED ; {"priorityFeeLamports": 1000000000} ;
            SHARED ; {"priorityFeeLamports": 1000000001} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was 1000000001
            SHARED ; {"priorityFeeLamports": 9223372036854775807} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was 9223372036854775807
            SHARED ; {"amountToSpend": 1000000000} ;
            SHARED ; {"amountToSpend": "1000000000.000000001"} ; amountToSpend must be at most 1000000000 SOL (more SOL than exists), but was 1000000000.000000001
            SHARED ; {"entryThreshold": 0.05} ;
            FEED ; {"maxMarketCap": -1} ; maxMarketCap must be at least 0 USD, but was -1
            FEED ; {"minTokenAgeMinutes": 1441} ; minTokenAgeMinutes must be between 1 and 1440 minutes, but was 1441
            FEED ; {"maxTokenAgeMinutes": 0} ; maxTokenAgeMinutes must be between 1 and 1440 minutes, but was 0
            FEED ; {"minPoolUsd": 0} ;
            FEED ; {"timeMaxHoldSec": 1} ;
            FEED ; {"timeMaxHoldSec": 0} ; timeMaxHoldSec must be at least 1 seconds, but was 0
            FEED ; {"smartExit.time.minPnLBeforeTimeExitPct": 100} ;
            FEED ; {"smartExit.time.minPnLBeforeTimeExitPct": 100.01} ; smartExit.time.minPnLBeforeTimeExitPct must be between -100 and 100 %, but was 100.01
            FEED ; {"timeMinPnLBeforeTimeExitPct": -100} ;
            FEED ; {"timeMinPnLBeforeTimeExitPct": -100.01} ; timeMinPnLBeforeTimeExitPct must be between -100 and 100 %, but was -100.01
            FEED ; {"postBuyWatch.lpOutflowExitPct": 0} ;
            FEED ; {"postBuyWatch.lpOutflowExitPct": -0.01} ; postBuyWatch.lpOutflowExitPct must be between 0 and 100 %, but was -0.01
            FEED ; {"lpOutflowExitPct": 0} ;
            FEED ; {"lpOutflowExitPct": 100} ;
            FEED ; {"lpOutflowExitPct": -0.01} ; lpOutflowExitPct must be between 0 and 100 %, but was -0.01
            FEED ; {"lpOutflowExitPct": 100.01} ; lpOutflowExitPct must be between 0 and 100 %, but was 100.01
            FEED ; {"authorityFlipExit": true} ;
            FEED ; {"authorityFlipExit": "no"} ; authorityFlipExit must be true or false, but was 'no'
            FEED ; {"monitoredTokens": ["%MINT%", null]} ; monitoredTokens[1] must not be empty
            FEED ; {"monitoredTokens": [""]} ; monitoredTokens[0] must be a Solana address
            sniper,paperTrader,turboPaperTrader,turboSniper,breakout,trendFollower ; {"dipThreshold": 0} ;
            sniper,paperTrader,turboPaperTrader,turboSniper,breakout,trendFollower ; {"dipThreshold": -0.01} ; dipThreshold must be between 0 and 100 %, but was -0.01
            sniper,paperTrader,turboPaperTrader,turboSniper ; {"recoveryWindow": 1440} ;
            sniper,paperTrader,turboPaperTrader,turboSniper ; {"recoveryWindow": "1d"} ;
            sniper,paperTrader,turboPaperTrader,turboSniper ; {"recoveryWindow": 1441} ; recoveryWindow must be a window of 1 to 1440 minutes
            sniper,paperTrader,turboPaperTrader,turboSniper ; {"recoveryWindow": "24.1h"} ; recoveryWindow must be a window of 1 to 1440 minutes
            breakout ; {"breakoutThreshold": 0} ;
            breakout ; {"breakoutThreshold": -0.01} ; breakoutThreshold must be between 0 and 100 %, but was -0.01
            paperTrader,turboPaperTrader ; {"latency.quoteMs": -1} ; latency.quoteMs must be at least 0 ms, but was -1
            paperTrader,turboPaperTrader ; {"latency.buildMs": -1} ; latency.buildMs must be at least 0 ms, but was -1
            paperTrader,turboPaperTrader ; {"latency.sendMs": -1} ; latency.sendMs must be at least 0 ms, but was -1
            paperTrader,turboPaperTrader ; {"failureRates": {"quote": -0.01}} ; failureRates[quote] must be between 0 and 1, but was -0.01
            paperTrader,turboPaperTrader ; {"partials.maxParts": 0} ; partials.maxParts must be at least 1, but was 0
            paperTrader,turboPaperTrader ; {"enableShadowMode": "yes"} ; enableShadowMode must be true or false, but was 'yes'
            chadMode ; {"slippage": 0.01, "slippageMaxPct": 0.01} ;
            chadMode ; {"slippageMaxPct": 99} ;
            chadMode ; {"slippageMaxPct": 99.01} ; slippageMaxPct must be between 0.01 and 99 %, but was 99.01
            chadMode ; {"slippage": 0.01, "slippageMaxPct": 0} ; slippageMaxPct must be between 0.01 and 99 %, but was 0
            chadMode ; {"panicDumpPct": 100.01} ; panicDumpPct must be between 0 and 100 %, but was 100.01
            chadMode ; {"autoSell.dumpPct": 100.01} ; autoSell.dumpPct must be greater than 0 % and at most 100 %, but was 100.01
            chadMode ; {"autoSell.randomJitterMs": -1} ; autoSell.randomJitterMs must be at least 0 ms, but was -1
            chadMode ; {"feeEscalationLamports": 1000000000, "priorityFeeLamports": 1000000000} ;
            chadMode ; {"feeEscalationLamports": 1000000001} ; feeEscalationLamports must be between 0 and 1000000000 lamports, but was 1000000001
            rebalancer ; {"slippage": 0.01} ;
            rebalancer ; {"slippage": 99} ;
            rebalancer ; {"slippage": 99.01} ; slippage must be between 0.01 and 99 %, but was 99.01
            rebalancer ; {"maxRebalances": 1} ;
            rebalancer ; {"maxRebalances": 0} ; maxRebalances must be between 1 and 20, but was 0
            rebalancer ; {"maxTradesPerCycle": 21} ; maxTradesPerCycle must be between 1 and 20, but was 21
            rebalancer ; {"rebalanceThreshold": 100} ;
            rebalancer ; {"rebalanceThreshold": 100.01} ; rebalanceThreshold must be greater than 0 % and at most 100 %, but was 100.01
            rebalancer ; {"rebalanceInterval": 3600000} ;
            rebalancer ; {"rebalanceInterval": 999} ; rebalanceInterval must be between 1000 and 3600000 ms, but was 999
            rebalancer ; {"rebalanceInterval": 3600001} ; rebalanceInterval must be between 1000 and 3600000 ms, but was 3600001
            rebalancer ; {"priorityFeeLamports": 1000000000} ;
            rebalancer ; {"priorityFeeLamports": -1} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was -1
            rebalancer ; {"priorityFeeLamports": 1000000001} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was 1000000001
            rebalancer ; {"targetPriceUSD": 0} ;
            rebalancer ; {"targetPriceUSD": -0.01} ; targetPriceUSD must be at least 0 USD, but was -0.01
            rebalancer ; {"buyWithUSDC": true, "usdcAmount": 5} ;
            rebalancer ; {"buyWithUSDC": true} ; usdcAmount is required when buyWithUSDC is true
            rebalancer ; {"skipSafety": true} ;
            rebalancer ; {"skipSafety": "yes"} ; skipSafety must be true or false, but was 'yes'
            rotationBot ; {"slippage": 99} ;
            rotationBot ; {"slippage": 0} ; slippage must be between 0.01 and 99 %, but was 0
            rotationBot ; {"maxTrades": 0} ; maxTrades must be between 1 and 20, but was 0
            rotationBot ; {"rotationInterval": 3600000} ;
            rotationBot ; {"rotationInterval": 3600001} ; rotationInterval must be between 1000 and 3600000 ms, but was 3600001
            rotationBot ; {"minMomentum": 0} ;
            rotationBot ; {"minMomentum": -0.01} ; minMomentum must be between 0 and 100 %, but was -0.01
            rotationBot ; {"targetPriceUSD": 0} ;
            rotationBot ; {"targetPriceUSD": -0.01} ; targetPriceUSD must be at least 0 USD, but was -0.01
            rotationBot ; {"buyWithUSDC": true, "usdcAmount": 5} ;
            rotationBot ; {"buyWithUSDC": true} ; usdcAmount is required when buyWithUSDC is true
            rotationBot ; {"safetyEnabled": false, "safetyChecks": {"simulation": false, "liquidity": false, "authority": false, "topHolders": false}} ;
            rotationBot ; {"safetyEnabled": "no"} ; safetyEnabled must be true or false, but was 'no'
            rotationBot ; {"safetyChecks": {"liquidty": true}} ; safetyChecks.liquidty is not a known field; did you mean 'liquidity'?
            rotationBot ; {"safetyChecks.authority": 1} ; safetyChecks.authority must be true or false, but was 1
            rotationBot ; {"priorityFeeLamports": 1000000001} ; priorityFeeLamports must be between 0 and 1000000000 lamports, but was 1000000001
            stealthBot ; {"wallets": ["w1", " "]} ; wallets must not hold empty labels
            stealthBot ; {"wallets": ["w1", "w1 "]} ; wallets must not name a wallet twice
            stealthBot ; {"autoForward": " OFF "} ;
            rotationBot ; {"tokens": ["%MINT%", null]} ; tokens[1] must not be empty
            chadMode ; {"outputMint": null, "outputMints": [null]} ; outputMints[0] must not be empty
            trendFollower ; {"emaPeriods": [null, 5]} ; emaPeriods[0] must not be empty
            rebalancer ; {"targetAllocations": {"%MINT%": null}} ; targetAllocations[%MINT%] must not be empty
            paperTrader,turboPaperTrader ; {"failureRates": {"send": null}} ; failureRates[send] must not be empty
            turboSniper ; {"feeds.order": ["ws", null]} ; feeds.order[1] must not be empty
            stealthBot ; {"wallets": ["w1", null]} ; wallets[1] must not be empty
            stealthBot ; {"rotationInterval": 0} ;
            stealthBot ; {"rotationInterval": 1000} ;
            stealthBot ; {"rotationInterval": 3600000} ;
            stealthBot ; {"rotationInterval": 3600001} ; rotationInterval must be between 0 and 3600000 ms, but was 3600001
            stealthBot ; {"sizeJitterPct": 100.01} ; sizeJitterPct must be between 0 and 100 %, but was 100.01
            stealthBot ; {"slippageJitterPct": 100} ;
            stealthBot ; {"slippageJitterPct": 100.01} ; slippageJitterPct must be between 0 and 100 %, but was 100.01
            stealthBot ; {"autoForward": "onEachBuy", "forwardDest": "bad"} ; forwardDest must be a Solana address
            stealthBot ; {"solFloorLamports": 1000000000000000000, "priorityFeeLamports": 1000000000} ;
            stealthBot ; {"solFloorLamports": 1000000000000000001} ; solFloorLamports must be between 0 and 1000000000000000000 lamports, but was 1000000000000000001
            stealthBot ; {"positionSize": 1000000000, "sizeJitterPct": 100} ;
            stealthBot ; {"positionSize": "1000000000.000000001"} ; positionSize must be greater than 0 SOL and at most 1000000000 SOL, but was 1000000000.000000001
            scheduleLauncher ; {"slippage": 99} ;
            scheduleLauncher ; {"slippage": 0} ; slippage must be between 0.01 and 99 %, but was 0
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}]} ;
            scheduleLauncher ; {"buyMode": "limit", "limitConfigs": [{"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}, {"price": 1, "amount": 0.01}]} ; limitConfigs must hold 1 to 10 tiers when buyMode is limit, but was '11 tiers'
            scheduleLauncher ; {"interval": null} ; interval is required when buyMode is interval
            scheduleLauncher ; {"maxTrades": null} ; maxTrades is required when buyMode is interval
            scheduleLauncher ; {"amountToSpend": 1000000000} ;
            scheduleLauncher ; {"amountToSpend": "1000000000.000000001"} ; amountToSpend must be between 0.01 and 1000000000 SOL, but was 1000000000.000000001
            trendFollower ; {"emaPeriods": []} ; emaPeriods must list at least one period
            trendFollower ; {"emaPeriods": [1, 1000]} ;
            trendFollower ; {"emaPeriods": [10, 1001]} ; emaPeriods[1] must be between 1 and 1000, but was 1001
            trendFollower ; {"trailingPct": 0} ; trailingPct must be greater than 0 and less than 1, but was 0
            trendFollower ; {"maxRisk": 1} ;
            trendFollower ; {"maxRisk": 1.01} ; maxRisk must be greater than 0 and at most 1, but was 1.01
            trendFollower ; {"riskPerAdd": 0.05, "maxRisk": 0.05} ;
            turboPaperTrader ; {"trailingStopPct": 100.01} ; trailingStopPct must be between 0 and 100 %, but was 100.01
            turboPaperTrader ; {"maxPriceImpactPct": 0, "trailingStopPct": 0} ;
            turboPaperTrader ; {"maxPriceImpactPct": -0.01} ; maxPriceImpactPct must be between 0 and 100 %, but was -0.01
            turboPaperTrader,turboSniper ; {"jitoTipLamports": 1000000000, "priorityFeeLamports": 1000000000} ;
            turboPaperTrader,turboSniper ; {"jitoTipLamports": 1000000001} ; jitoTipLamports must be between 0 and 1000000000 lamports, but was 1000000001
            turboSniper ; {"retryPolicy.bumpTipStep": 1000000001} ; retryPolicy.bumpTipStep must be between 0 and 1000000000 lamports, but was 1000000001
            turboSniper ; {"devWatch.whitelist": ["%MINT%", null]} ; devWatch.whitelist[1] must not be empty
            turboSniper ; {"devWatch.blacklist": [null]} ; devWatch.blacklist[0] must not be empty
            turboSniper ; {"airdrops.whitelistMints": [null]} ; airdrops.whitelistMints[0] must not be empty
            """;

    static List<Arguments> rules() {
        List<Arguments> out = new ArrayList<>();
        for (String line : RULES.strip().split("\n")) {
            String[] parts = line.split(" ; ", -1);
            String modes = parts[0].strip();
            String overrides = parts[1].strip().replace("%MINT%", MINT);
            String expected = parts.length > 2 ? parts[2].strip().replace("%MINT%", MINT) : "";
            List<String> list = switch (modes) {
                case "SHARED" -> Bots.SHARED;
                case "FEED" -> Bots.FEED;
                default -> List.of(modes.split(","));
            };
            for (String mode : list) {
                out.add(Arguments.of(mode, overrides, expected));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("rules")
    void shouldApplyEachRuleOfTheOriginalValidatorAtItsBoundary(String mode, String overrides, String expected) {
        List<String> errors = Bots.errors(mode, overrides);
        if (expected.isEmpty()) {
            assertThat(errors).as("valid").isEmpty();
        } else {
            assertThat(errors).singleElement().asString().contains("bot 'b1': " + expected);
        }
    }

    @ParameterizedTest
    @FieldSource("io.solbot.strategies.Bots#ALL")
    void shouldAcceptTheMinimalConfigOfEveryStrategyAndDeriveItsSettings(String mode) {
        ConfigReport report = Bots.load(mode, Bots.minimal(mode));

        assertThat(report.violations()).isEmpty();
        BotSettings settings = report.bots().getFirst().settings().orElseThrow();
        assertThat(settings.interval()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3600));
        assertThat(settings.slippageBps()).isEqualTo(100);
        assertThat(settings.spendMint()).isEqualTo(Mint.WRAPPED_SOL);
    }

    /** The built-in strategies that trade. */
    static final List<String> TRADING = List.of(
            "sniper",
            "scalper",
            "breakout",
            "dipBuyer",
            "paperTrader",
            "rebalancer",
            "rotationBot",
            "chadMode",
            "stealthBot",
            "delayedSniper",
            "scheduleLauncher",
            "trendFollower",
            "dca",
            "limit",
            "grid",
            "tpSl",
            "copyTrade",
            "turboSniper",
            "turboPaperTrader");

    @Test
    void shouldLetEveryBuiltInStrategyTrade() {
        assertThat(TRADING).containsExactlyInAnyOrderElementsOf(Bots.ALL);
    }

    @ParameterizedTest
    @FieldSource("TRADING")
    void shouldCreateAStrategyOfEveryTradingModeFromItsMinimalConfig(String mode) {
        RegisteredProvider provider = Bots.REGISTRY.require(mode);

        assertThat(provider.provider().description()).doesNotContain("validation only");
        assertThat(create(
                        provider,
                        Bots.load(mode, Bots.minimal(mode)).bots().getFirst().config()))
                .isNotNull();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static io.solbot.core.spi.Strategy create(RegisteredProvider provider, Object config) {
        return ((io.solbot.core.spi.StrategyProvider) provider.provider()).create(config);
    }

    @ParameterizedTest
    @FieldSource("io.solbot.strategies.Bots#SHARED")
    void shouldReportWrongTypesAndMissingFieldsAllTogether(String mode) {
        List<String> errors = Bots.errors(
                mode,
                "{\"slippage\": \"lots\", \"interval\": null, \"maxTrades\": [1], \"amountToSpend\": true,"
                        + " \"takeProfit\": 101, \"stopLoss\": -5}");

        assertThat(errors)
                .hasSize(6)
                .anySatisfy(e -> assertThat(e).contains("slippage must be a number, but was 'lots'"))
                .anySatisfy(e -> assertThat(e).contains("interval is required"))
                .anySatisfy(e -> assertThat(e).contains("maxTrades must be a number, but was 'a list'"))
                .anySatisfy(e -> assertThat(e).contains("amountToSpend must be a number, but was true"))
                .anySatisfy(e -> assertThat(e).contains("takeProfit must be between 0 and 100 %, but was 101"))
                .anySatisfy(e -> assertThat(e).contains("stopLoss must be between 0 and 100 %, but was -5"));
    }

    @ParameterizedTest
    @FieldSource("io.solbot.strategies.Bots#SHARED")
    void shouldDeriveTheEngineSettingsInExactUnits(String mode) {
        ConfigReport report = Bots.load(
                mode,
                Bots.with(
                        mode,
                        "{\"interval\": 2.5, \"slippage\": 12.34, \"maxTrades\": 7, \"amountToSpend\": 0.123456789,"
                                + " \"cooldown\": 90, \"haltOnFailures\": 6, \"maxOpenTrades\": 3,"
                                + " \"priorityFeeLamports\": 10000}"));

        assertThat(report.violations()).isEmpty();
        BotSettings s = report.bots().getFirst().settings().orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.slippageBps()).isEqualTo(1234);
        assertThat(s.maxTrades()).isEqualTo(7);
        assertThat(s.cooldown()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.maxFailuresInARow()).isEqualTo(6);
        assertThat(s.maxOpenPositions()).isEqualTo(3);
        assertThat(s.priorityFee()).isEqualTo(Lamports.of(10_000));
        assertThat(s.lamportsPerTrade()).contains(Lamports.of(123_456_789));
        // a buy and a sell per trade, each 5 000 lamports signature fee + the priority fee (chad mode: escalated by
        // its default 5 000 lamports on each of 3 failed attempts)
        long perTransaction = 5_000 + 10_000 + (mode.equals("chadMode") ? 15_000 : 0);
        assertThat(((StrategyConfig) report.bots().getFirst().config())
                        .tradeFees()
                        .forTrades(7))
                .isEqualTo(Lamports.of(7 * 2 * perTransaction).toTokenAmount());
    }

    static Stream<String> feedModes() {
        return Bots.FEED.stream();
    }
}
