package io.solbot.strategies.common.internal;

import io.solbot.core.config.BotSettings;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenFeed;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TradingConfig;
import io.solbot.strategies.common.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the shared config groups of a validated config into the pieces of a {@link TradingPlan}. */
public final class ConfigPlans {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ConfigPlans() {}

    /**
     * The plan of {@code config}: its feed, {@code gates}, no safety checks yet, its price-impact cap, its settings'
     * caps and {@code exits}.
     *
     * @throws UnsupportedOperationException if the config spends USDC ({@code buyWithUSDC}): orders spend SOL
     */
    public static TradingPlan plan(
            TradingConfig config, FeedConfig feed, EntryDefaults defaults, List<Gate> gates, List<ExitRule> exits) {
        SharedConfig shared = config.sharedFields();
        BotSettings settings = config.settings();
        Lamports amount = settings.lamportsPerTrade()
                .orElseThrow(() -> new UnsupportedOperationException(
                        "buyWithUSDC is not supported by the built-in strategies yet: their orders spend SOL"));
        BigDecimal impact = shared.maxSlippage() == null ? defaults.maxImpact() : shared.maxSlippage();
        BigDecimal daily = shared.maxDailyVolume() == null ? defaults.maxDailySol() : shared.maxDailyVolume();
        String source = feed == null ? "new" : feed.source();
        boolean monitored = source.equalsIgnoreCase("monitored");
        List<Mint> mints =
                monitored ? feed.monitoredTokens().stream().map(Mint::of).toList() : List.of();
        return new TradingPlan(
                monitored ? null : TokenFeed.of(source),
                mints,
                TradingPlan.FEED_LIMIT,
                gates,
                List.of(),
                Gates.priceImpact(amount, impact.multiply(BigDecimal.valueOf(10_000))),
                amount,
                settings.maxTrades(),
                settings.maxOpenPositions(),
                settings.maxFailuresInARow(),
                settings.cooldown(),
                Lamports.ofSol(daily.setScale(9, RoundingMode.DOWN)),
                exits,
                Duration.ZERO);
    }

    /**
     * The sniper's plan for {@code config} (the sniper and the paper trader): its feed, the common gates with the pump
     * gate over its price window, the sniper's defaults, its exits, and its {@code delayBeforeBuyMs} (unset: none).
     */
    public static TradingPlan sniper(
            TradingConfig config, FeedConfig feed, FilterConfig filterFields, ExitConfig exit, SniperFields fields) {
        Long delay = fields == null ? null : fields.delayBeforeBuyMs();
        return sniper(config, feed, filterFields, exit).withEntryDelay(delay == null ? null : Duration.ofMillis(delay));
    }

    /** The sniper's plan without an entry delay. */
    public static TradingPlan sniper(
            TradingConfig config, FeedConfig feed, FilterConfig filterFields, ExitConfig exit) {
        FilterConfig filter = orEmpty(filterFields);
        EntryDefaults defaults = EntryDefaults.SNIPER;
        Duration window = window(filter.priceWindow(), defaults.priceWindow());
        SharedConfig shared = config.sharedFields();
        return plan(
                config,
                feed,
                defaults,
                gates(shared, filter, defaults, pump(shared, window, defaults)),
                exits(shared, exit));
    }

    /**
     * The common gates in the original's order: token age → {@code signal} (the pump gate, or a strategy's own) →
     * volume → volume spike → target price → market cap → liquidity. A gate whose field is unset (or 0) and has no
     * default is left out.
     */
    public static List<Gate> gates(
            SharedConfig shared, FilterConfig filter, EntryDefaults defaults, List<Gate> signal) {
        List<Gate> out = new ArrayList<>();
        if (filter.minTokenAgeMinutes() != null || filter.maxTokenAgeMinutes() != null) {
            out.add(Gates.tokenAge(minutes(filter.minTokenAgeMinutes()), minutes(filter.maxTokenAgeMinutes())));
        }
        out.addAll(signal);
        BigDecimal volume = shared.volumeThreshold() == null ? defaults.volumeUsd() : shared.volumeThreshold();
        Duration volumeWindow = window(filter.volumeWindow(), EntryDefaults.VOLUME_WINDOW);
        if (volume.signum() > 0) {
            out.add(Gates.volume(volumeWindow, volume));
        }
        if (filter.volumeSpikeMultiplier() != null) {
            out.add(Gates.volumeSpike(spikeWidth(volumeWindow), 6, filter.volumeSpikeMultiplier()));
        }
        if (!Units.isOff(shared.targetPriceUSD())) {
            out.add(Gates.targetPrice(shared.targetPriceUSD()));
        }
        if (!Units.isOff(filter.minMarketCap()) || !Units.isOff(filter.maxMarketCap())) {
            out.add(Gates.marketCap(
                    Units.isOff(filter.minMarketCap()) ? null : filter.minMarketCap(),
                    Units.isOff(filter.maxMarketCap()) ? null : filter.maxMarketCap()));
        }
        BigDecimal pool = filter.minPoolUsd() == null ? defaults.minPoolUsd() : filter.minPoolUsd();
        if (pool.signum() > 0) {
            out.add(Gates.liquidity(pool));
        }
        return out;
    }

    /** A volume-spike window of at most 24 h / 7, so that it and the six before it fit the market's day of history. */
    private static Duration spikeWidth(Duration volumeWindow) {
        Duration max = Duration.ofSeconds(Duration.ofDays(1).toSeconds() / 7);
        return volumeWindow.compareTo(max) > 0 ? max : volumeWindow;
    }

    /**
     * The pump gate: the config's {@code entryThreshold} (as percent; 0 is off) over {@code window}, or the default's
     * when the config gives none; empty when neither sets one.
     */
    public static List<Gate> pump(SharedConfig shared, Duration window, EntryDefaults defaults) {
        BigDecimal entry = shared.entryThreshold() == null ? defaults.entryPercent() : shared.entryThresholdPercent();
        return entry == null || entry.signum() == 0 ? List.of() : List.of(Gates.pump(window, entry));
    }

    /**
     * The exits every feed strategy shares: a liquidity drop ({@code smartExitMode: liquidity}), the stop loss and
     * take profit (selling {@code slPercent} / {@code tpPercent} of the position, all of it when 0 or unset), and a
     * max hold ({@code smartExitMode: time}).
     */
    public static List<ExitRule> exits(SharedConfig shared, ExitConfig exit) {
        List<ExitRule> out = new ArrayList<>();
        String mode = exit == null || exit.smartExitMode() == null
                ? "off"
                : exit.smartExitMode().trim().toLowerCase(java.util.Locale.ROOT);
        if (mode.equals("liquidity")) {
            BigDecimal pct = exit.postBuyWatch() != null && exit.postBuyWatch().lpOutflowExitPct() != null
                    ? exit.postBuyWatch().lpOutflowExitPct()
                    : exit.lpOutflowExitPct();
            if (pct != null && pct.signum() > 0) {
                out.add(new ExitRule.LiquidityDrop(pct));
            }
        }
        if (!Units.isOff(shared.stopLoss())) {
            out.add(new ExitRule.StopLoss(shared.stopLoss(), share(shared.slPercent())));
        }
        if (!Units.isOff(shared.takeProfit())) {
            out.add(new ExitRule.TakeProfit(shared.takeProfit(), share(shared.tpPercent())));
        }
        if (mode.equals("time")) {
            ExitConfig.Time nested =
                    exit.smartExit() == null ? null : exit.smartExit().time();
            Integer seconds =
                    nested != null && nested.maxHoldSec() != null ? nested.maxHoldSec() : exit.timeMaxHoldSec();
            BigDecimal minPnl = nested != null && nested.minPnLBeforeTimeExitPct() != null
                    ? nested.minPnLBeforeTimeExitPct()
                    : exit.timeMinPnLBeforeTimeExitPct();
            if (seconds != null) {
                out.add(new ExitRule.MaxHold(Duration.ofSeconds(seconds), minPnl));
            }
        }
        return out;
    }

    private static BigDecimal share(BigDecimal percent) {
        return Units.isOff(percent) ? HUNDRED : percent;
    }

    /** A config window ({@code "5m"}, {@code 30}) as whole seconds, or {@code fallback} when unset. */
    public static Duration window(String window, Duration fallback) {
        BigDecimal minutes = Units.minutes(window);
        if (minutes == null) {
            return fallback;
        }
        return Duration.ofSeconds(minutes.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    /** {@code filter}, or one with every field unset when null (a config built in code may leave a group out). */
    public static FilterConfig orEmpty(FilterConfig filter) {
        return filter != null ? filter : new FilterConfig(null, null, null, null, null, null, null, null);
    }

    /** The capabilities of the reads the common pipeline and exits make. */
    public static final java.util.Set<io.solbot.core.spi.Capability> CAPABILITIES = java.util.Set.of(
            io.solbot.core.spi.Capability.PRICES,
            io.solbot.core.spi.Capability.POOLS,
            io.solbot.core.spi.Capability.TOKEN_INFO,
            io.solbot.core.spi.Capability.PRICE_HISTORY,
            io.solbot.core.spi.Capability.TRENDING,
            io.solbot.core.spi.Capability.SOL_USD);

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }
}
