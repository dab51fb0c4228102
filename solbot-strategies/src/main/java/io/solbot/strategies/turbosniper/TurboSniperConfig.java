package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.OneOf;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.config.TradeFees;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import io.solbot.strategies.common.TurboExitFields;
import io.solbot.strategies.common.TurboToggles;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.Window;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The turbo sniper: every field of the sniper plus all of the original's turbo knobs ({@code validateTurboSniper}),
 * its rules reachable (the original's turbo validator was keyed {@code turboSniper} but looked up lower-cased, so
 * turbo configs got only the shared rules).
 *
 * <p>Groups the original read only when {@code enabled: true} (leader timing, parallel wallets, pump.fun, airdrops,
 * private relay, probe) check their fields' ranges whenever given, and require the fields they need only when
 * enabled. Where the original accepted either comma-separated text or a list ({@code tpLadder}, {@code allowedDexes},
 * {@code rpcEndpoints}, {@code cuPriceCurve}), a list is required; {@code cuPriceCurve} and {@code
 * tipCurveCoefficients} are written as a list of coefficients, not as {@code {coeffs: [...]}}.
 *
 * @param dipThreshold accepted and range-checked as the sniper does, percent 0 to 100
 * @param recoveryWindow window of the dip check, 1 to 1440 minutes
 * @param delayBeforeBuyMs wait before each buy, ms, at least 0
 * @param maxPriceImpactPct LP gate: refuse a quote above this price impact, percent 0 to 100
 * @param multiBuyCount buys per signal, 1 to 3
 * @param multiWallet wallets to buy from in parallel (the original's shortcut for {@code parallelWallets.maxParallel}),
 *     at least 1
 * @param jitoTipLamports Jito tip, lamports, 0 to 1 000 000 000 (1 SOL; the original had no upper bound)
 * @param jitoRelayUrl Jito relay, an https URL
 * @param bundleStrategy {@code topOfBlock}, {@code mid} or {@code nearEnd}
 * @param tipCurve {@code flat}, {@code linear} or {@code expo}
 * @param cuPriceMicroLamportsMin compute-unit price floor, micro-lamports, at least 0
 * @param cuPriceMicroLamportsMax compute-unit price cap, micro-lamports, at least the floor
 * @param cuPriceCurve coefficients of the compute-unit price curve
 * @param tipCurveCoefficients coefficients of the tip curve
 * @param directAmmFirstPct share routed to the AMM directly first, a fraction 0 to 1
 * @param impactAbortPct abort above this price impact, percent 0 to 100
 * @param dynamicSlippageMaxPct cap of dynamic slippage, percent 0 to 100
 * @param allowedDexes DEXes the route may use (names, not blank)
 * @param excludedDexes DEXes the route must avoid (names, not blank)
 * @param coverWalletId the cover wallet of {@code ghostMode}
 * @param killThreshold failures before the kill switch fires, at least 1; required with {@code killSwitch}
 * @param rpcMaxErrors RPC errors tolerated, at least 1
 * @param rpcEndpoints RPC endpoints, http(s) URLs
 * @param privateRpcUrl a private RPC endpoint, an http(s) URL
 * @param quoteTtlMs a quote older than this is refused, ms, at least 1
 * @param idempotencyTtlSec the original's flat form of {@code idempotency.ttlSec}, at least 1 s; not with it
 * @param trailingStopPct trailing stop, percent 0 to 100
 * @param stopLossPercent the original's turbo spelling of a stop loss, percent 0 to 100
 * @param tpLadder take-profit ladder, each percent 0 to 100
 * @param maxHolderPercent the original's flat form of {@code devWatch.maxHolderPercent}, percent 0 to 100
 * @param poolFreshnessWindowSlots a pool older than this many slots is not new, at least 1
 * @param riskLevels the original's free-form risk levels object (kept, not used)
 */
@CrossField
public record TurboSniperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid TurboExitFields turboExitFields,
        @Flatten @Valid TurboToggles turboToggles,
        @Flatten @Valid Toggles toggles,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dipThreshold,
        @Window String recoveryWindow,
        @Between(min = "0", unit = "ms") Long delayBeforeBuyMs,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxPriceImpactPct,
        @Between(min = "1", max = "3") Integer multiBuyCount,
        @Between(min = "1") Integer multiWallet,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long jitoTipLamports,

        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String jitoRelayUrl,

        @OneOf({"topOfBlock", "mid", "nearEnd"}) String bundleStrategy,
        @OneOf({"flat", "linear", "expo"}) String tipCurve,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMin,
        @Between(min = "0", unit = "micro-lamports") Long cuPriceMicroLamportsMax,
        List<BigDecimal> cuPriceCurve,
        List<BigDecimal> tipCurveCoefficients,
        @Between(min = "0", max = "1") BigDecimal directAmmFirstPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal impactAbortPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dynamicSlippageMaxPct,
        List<@NotBlank(message = "must not be blank") String> allowedDexes,
        List<@NotBlank(message = "must not be blank") String> excludedDexes,
        String coverWalletId,
        @Between(min = "1") Integer killThreshold,
        @Between(min = "1") Integer rpcMaxErrors,
        List<@Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> rpcEndpoints,

        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String privateRpcUrl,

        @Between(min = "1", unit = "ms") Long quoteTtlMs,
        @Between(min = "1", unit = "seconds") Integer idempotencyTtlSec,
        @Between(min = "0", max = "100", unit = "%") BigDecimal trailingStopPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal stopLossPercent,
        List<@Between(min = "0", max = "100") BigDecimal> tpLadder,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxHolderPercent,
        @Between(min = "1", unit = "slots") Integer poolFreshnessWindowSlots,
        Map<String, Object> riskLevels,
        @Valid Flags flags,
        @Valid LeaderTiming leaderTiming,
        @Valid Idempotency idempotency,
        @Valid RetryPolicy retryPolicy,
        @Valid ParallelWallets parallelWallets,
        @Valid Pumpfun pumpfun,
        @Valid Airdrops airdrops,
        @Valid PrivateRelay privateRelay,
        @Valid Sizing sizing,
        @Valid Probe probe,
        @Valid Iceberg iceberg,
        @Valid DevWatch devWatch,
        @Valid Feeds feeds,
        @Valid Rpc rpc,
        @Valid LiqGate liqGate,
        @Valid SlippageAuto slippageAuto,
        @Valid PostTx postTx)
        implements TradingConfig, CrossFieldRules {

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

    /** The front end's nested feature switches, each true or false. */
    public record Flags(Boolean directAmm, Boolean bundles, Boolean leaderTiming, Boolean relay, Boolean probe) {}

    /**
     * Fire a buy {@code preflightMs} (at least 1 ms) before the leader's slot, within {@code windowSlots} (at least 1)
     * slots; both are required when enabled.
     */
    @CrossField
    public record LeaderTiming(
            Boolean enabled,
            @Between(min = "1", unit = "ms") Long preflightMs,
            @Between(min = "1", unit = "slots") Integer windowSlots)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (on(enabled)) {
                rules.require("preflightMs", preflightMs, WHEN_ENABLED);
                rules.require("windowSlots", windowSlots, WHEN_ENABLED);
            }
        }
    }

    /**
     * Duplicate-send protection: an intent is remembered {@code ttlSec} seconds (at least 1), keyed with {@code salt}
     * (not blank when given); {@code resumeFromLast} resumes an interrupted send.
     */
    public record Idempotency(
            @Between(min = "1", unit = "seconds") Integer ttlSec,

            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank (leave it out for no salt)")
            String salt,

            Boolean resumeFromLast) {}

    /**
     * A failed send is retried up to {@code max} times (at least 1), raising the compute-unit price by {@code
     * bumpCuStep} micro-lamports and the tip by {@code bumpTipStep} lamports each time (both at least 0; the tip step at most 1 SOL), optionally
     * switching route or RPC endpoint.
     */
    public record RetryPolicy(
            @Between(min = "1") Integer max,
            @Between(min = "0", unit = "micro-lamports") Long bumpCuStep,

            @Between(min = "0", max = "1000000000", unit = "lamports")
            Long bumpTipStep,

            Boolean routeSwitch,
            Boolean rpcFailover) {}

    /**
     * Split each buy across wallets: {@code walletIds} with one {@code splitPct} share each (each greater than 0 and at
     * most 1, summing to 1 ± 0.05), at most {@code maxParallel} at once (1 to the number of wallets). When enabled,
     * the wallets, shares and {@code maxParallel} are required.
     */
    @CrossField
    public record ParallelWallets(
            Boolean enabled,
            List<@NotBlank(message = "must not be blank") String> walletIds,
            List<@Between(min = "0", minInclusive = false, max = "1") BigDecimal> splitPct,
            @Between(min = "1") Integer maxParallel)
            implements CrossFieldRules {
        static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.05");

        @Override
        public void check(Rules rules) {
            if (!on(enabled)) {
                return;
            }
            if (walletIds == null || walletIds.isEmpty()) {
                rules.reject("walletIds", walletIds, "must list at least one wallet when enabled is true");
                return;
            }
            if (splitPct == null || splitPct.size() != walletIds.size()) {
                rules.reject(
                        "splitPct",
                        splitPct,
                        "must give one share per wallet (" + walletIds.size() + ") when enabled is true");
            } else if (!splitPct.contains(null)) {
                BigDecimal sum = splitPct.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(BigDecimal.ONE).abs().compareTo(SUM_TOLERANCE) > 0) {
                    rules.reject("splitPct", splitPct, "must sum to 1 ± 0.05, but sums to " + sum.toPlainString());
                }
            }
            if (maxParallel == null) {
                rules.require("maxParallel", null, WHEN_ENABLED);
            } else if (maxParallel > walletIds.size()) {
                rules.reject(
                        "maxParallel",
                        maxParallel,
                        "must be at most the number of walletIds (" + walletIds.size() + ")");
            }
        }
    }

    /**
     * The pump.fun listener: snipe a launch when its bonding curve passes {@code thresholdPct} (a fraction 0 to 1)
     * with at least {@code minSolLiquidity} SOL, then wait {@code cooldownSec} seconds; all three required when
     * enabled.
     */
    @CrossField
    public record Pumpfun(
            Boolean enabled,
            @Between(min = "0", max = "1") BigDecimal thresholdPct,
            @Between(min = "0", unit = "SOL") BigDecimal minSolLiquidity,
            @Between(min = "0", unit = "seconds") Integer cooldownSec)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (on(enabled)) {
                rules.require("thresholdPct", thresholdPct, WHEN_ENABLED);
                rules.require("minSolLiquidity", minSolLiquidity, WHEN_ENABLED);
                rules.require("cooldownSec", cooldownSec, WHEN_ENABLED);
            }
        }
    }

    /**
     * The airdrop sniffer: sell ({@code autoSell}) airdropped tokens worth at least {@code minUsdValue} USD with at
     * most {@code maxSellSlippagePct} (0 to 100) slippage, or only the {@code whitelistMints}; value and slippage
     * required when enabled.
     */
    @CrossField
    public record Airdrops(
            Boolean enabled,
            Boolean autoSell,
            List<@SolanaAddress String> whitelistMints,
            @Between(min = "0", unit = "USD") BigDecimal minUsdValue,
            @Between(min = "0", max = "100", unit = "%") BigDecimal maxSellSlippagePct)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (on(enabled)) {
                rules.require("minUsdValue", minUsdValue, WHEN_ENABLED);
                rules.require("maxSellSlippagePct", maxSellSlippagePct, WHEN_ENABLED);
            }
            if (whitelistMints != null && whitelistMints.contains(null)) {
                rules.reject("whitelistMints", null, "must not hold empty entries");
            }
        }
    }

    /** Send through private relays ({@code urls}, https; at least one when enabled) as a {@code bundle} or a {@code tx}. */
    @CrossField
    public record PrivateRelay(
            Boolean enabled,
            List<@Pattern(regexp = "https://\\S+", message = "must be an https URL") String> urls,
            @OneOf({"bundle", "tx"}) String mode)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (on(enabled) && (urls == null || urls.isEmpty())) {
                rules.reject("urls", urls, "must list at least one relay URL when enabled is true");
            }
        }
    }

    /**
     * Size a buy so that its price impact stays at most {@code maxImpactPct} (greater than 0, at most 100 %) and it
     * takes at most {@code maxPoolPct} of the pool (a fraction greater than 0, at most 1), and skip buys below {@code
     * minUsd} USD.
     */
    public record Sizing(
            @Between(min = "0", minInclusive = false, max = "100", unit = "%")
            BigDecimal maxImpactPct,

            @Between(min = "0", minInclusive = false, max = "1")
            BigDecimal maxPoolPct,

            @Between(min = "0", unit = "USD") BigDecimal minUsd) {}

    /**
     * Buy a {@code usd} probe first (greater than 0), abort above {@code abortOnImpactPct} impact (greater than 0, at
     * most 100 %), else buy {@code scaleFactor} times more (greater than 1) after {@code delayMs} (at least 0); all
     * four required when enabled.
     */
    @CrossField
    public record Probe(
            Boolean enabled,

            @Between(min = "0", minInclusive = false, unit = "USD")
            BigDecimal usd,

            @Between(min = "1", minInclusive = false) BigDecimal scaleFactor,

            @Between(min = "0", minInclusive = false, max = "100", unit = "%")
            BigDecimal abortOnImpactPct,

            @Between(min = "0", unit = "ms") Long delayMs)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (on(enabled)) {
                rules.require("usd", usd, WHEN_ENABLED);
                rules.require("scaleFactor", scaleFactor, WHEN_ENABLED);
                rules.require("abortOnImpactPct", abortOnImpactPct, WHEN_ENABLED);
                rules.require("delayMs", delayMs, WHEN_ENABLED);
            }
        }
    }

    /** Splits each buy into {@code tranches} (1 to 20) parts {@code trancheDelayMs} apart. */
    public record Iceberg(
            Boolean enabled,
            @Between(min = "1", max = "20") Integer tranches,
            @Between(min = "0", unit = "ms") Long trancheDelayMs) {}

    /**
     * Developer and creator heuristics: skip tokens whose top 5 holders own more than {@code holderTop5MaxPct} (also
     * read as {@code maxHolderPercent}) or whose LP burn is below {@code lpBurnMinPct} (also read as {@code
     * minLpBurnPercent}), both percent 0 to 100; {@code whitelist} bypasses, {@code blacklist} refuses (addresses).
     */
    @CrossField
    public record DevWatch(
            List<@SolanaAddress String> whitelist,
            List<@SolanaAddress String> blacklist,

            @Between(min = "0", max = "100", unit = "%") @Alias("maxHolderPercent")
            BigDecimal holderTop5MaxPct,

            @Between(min = "0", max = "100", unit = "%") @Alias("minLpBurnPercent")
            BigDecimal lpBurnMinPct,

            Boolean enableInsiderHeuristics)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (whitelist != null && whitelist.contains(null)) {
                rules.reject("whitelist", null, "must not hold empty entries");
            }
            if (blacklist != null && blacklist.contains(null)) {
                rules.reject("blacklist", null, "must not hold empty entries");
            }
        }
    }

    /**
     * Where new tokens come from, tried in {@code order} (each of {@code ws}, {@code birdeye}, {@code onchain}, at
     * least one, none twice); a result lives {@code ttlMs} and a source is given {@code timeoutMs} (both at least 1).
     */
    @CrossField
    public record Feeds(
            List<@OneOf({"ws", "birdeye", "onchain"}) String> order,
            @Between(min = "1", unit = "ms") Long ttlMs,
            @Between(min = "1", unit = "ms") Long timeoutMs)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (order == null) {
                return;
            }
            if (order.isEmpty()) {
                rules.reject("order", order, "must list at least one source");
            } else if (!order.contains(null) && new HashSet<>(order).size() != order.size()) {
                rules.reject("order", order, "must not name a source twice");
            }
        }
    }

    /** RPC reads agreed by a quorum, and how long a blockhash is used ({@code blockhashTtlMs}, at least 1 ms). */
    public record Rpc(
            @Valid Quorum quorum,
            @Between(min = "1", unit = "ms") Long blockhashTtlMs) {}

    /** Ask {@code size} endpoints (at least 1) and trust an answer {@code require} of them give (1 to size); both required. */
    @CrossField
    public record Quorum(
            @Between(min = "1") Integer size,
            @Between(min = "1") Integer require) implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            rules.require("size", size, "");
            rules.require("require", require, "");
            if (size != null && size >= 1 && require != null && require > size) {
                rules.reject("require", require, "must be at most size (" + size + ")");
            }
        }
    }

    /**
     * The original's nested LP gate: pools below {@code minPoolUsd} USD are skipped, and a pool is probed with a
     * {@code liqProbeSmallSol} and a {@code liqProbeLargeSol} quote (both greater than 0, small at most large) whose
     * impact must stay at most {@code maxImpactPctAtLarge} (0 to 100 %).
     */
    @CrossField
    public record LiqGate(
            @Between(min = "0", unit = "USD") BigDecimal minPoolUsd,
            @Between(min = "0", max = "100", unit = "%") BigDecimal maxImpactPctAtLarge,

            @Between(min = "0", minInclusive = false, unit = "SOL")
            BigDecimal liqProbeSmallSol,

            @Between(min = "0", minInclusive = false, unit = "SOL")
            BigDecimal liqProbeLargeSol)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (liqProbeSmallSol != null
                    && liqProbeLargeSol != null
                    && liqProbeLargeSol.compareTo(liqProbeSmallSol) < 0) {
                rules.reject(
                        "liqProbeLargeSol",
                        liqProbeLargeSol,
                        "must be at least liqProbeSmallSol (" + liqProbeSmallSol.toPlainString() + ")");
            }
        }
    }

    /**
     * Slippage chosen per trade between {@code floorPct} and {@code ceilPct} (0.01 to 99 %, floor at most ceil),
     * moving by {@code sensitivity} (0 to 1).
     */
    @CrossField
    public record SlippageAuto(
            Boolean enabled,
            @Between(min = "0.01", max = "99", unit = "%") BigDecimal floorPct,
            @Between(min = "0.01", max = "99", unit = "%") BigDecimal ceilPct,
            @Between(min = "0", max = "1") BigDecimal sensitivity)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (floorPct != null && ceilPct != null && ceilPct.compareTo(floorPct) < 0) {
                rules.reject("ceilPct", ceilPct, "must be at least floorPct (" + floorPct.toPlainString() + ")");
            }
        }
    }

    /** After a buy, run the {@code chain} of follow-ups ({@code tp}, {@code trail}, {@code alerts}), queued if asked. */
    public record PostTx(List<@OneOf({"tp", "trail", "alerts"}) String> chain, Boolean ensureQueued) {}

    private static final String WHEN_ENABLED = "when enabled is true";

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    @Override
    public void check(Rules rules) {
        if (turboToggles != null) {
            if (on(turboToggles.ghostMode()) && (coverWalletId == null || coverWalletId.isBlank())) {
                rules.reject("coverWalletId", null, "is required when ghostMode is true");
            }
            if (on(turboToggles.killSwitch()) && killThreshold == null) {
                rules.reject("killThreshold", null, "is required when killSwitch is true");
            }
        }
        if (cuPriceMicroLamportsMin != null
                && cuPriceMicroLamportsMax != null
                && cuPriceMicroLamportsMax < cuPriceMicroLamportsMin) {
            rules.reject(
                    "cuPriceMicroLamportsMax",
                    cuPriceMicroLamportsMax,
                    "must be at least cuPriceMicroLamportsMin (" + cuPriceMicroLamportsMin + ")");
        }
        if (idempotencyTtlSec != null && idempotency != null && idempotency.ttlSec() != null) {
            rules.reject(
                    "idempotencyTtlSec",
                    idempotencyTtlSec,
                    "is given as idempotencyTtlSec and idempotency.ttlSec; give only one of them");
        }
        if (maxHolderPercent != null && devWatch != null && devWatch.holderTop5MaxPct() != null) {
            rules.reject(
                    "maxHolderPercent",
                    maxHolderPercent,
                    "is given as maxHolderPercent and devWatch.maxHolderPercent; give only one of them");
        }
        if (stopLossPercent != null && sharedFields != null && sharedFields.stopLoss() != null) {
            rules.reject(
                    "stopLossPercent",
                    stopLossPercent,
                    "is given as stopLoss and stopLossPercent; give only one of them");
        }
        if (multiWallet != null
                && parallelWallets != null
                && parallelWallets.walletIds() != null
                && on(parallelWallets.enabled())
                && multiWallet > parallelWallets.walletIds().size()) {
            rules.reject(
                    "multiWallet",
                    multiWallet,
                    "must be at most the number of parallelWallets.walletIds ("
                            + parallelWallets.walletIds().size() + ")");
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.TURBO_MODES, turboExitFields);
        }
    }

    @Override
    public TradeFees tradeFees() {
        return TurboToggles.tradeFees(turboToggles, settings().priorityFee(), multiBuyCount, jitoTipLamports);
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(TradingConfig.super.warnings());
        if (!Units.isOff(trailingStopPct) || !Units.isOff(stopLossPercent)) {
            out.removeIf(w -> w.startsWith("no stop loss"));
        }
        return out;
    }
}
