package io.solbot.strategies.common.internal;

import io.solbot.core.config.BotSettings;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TurboExitFields;
import io.solbot.strategies.common.TurboTradingConfig;
import io.solbot.strategies.common.Units;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the config groups of the turbo strategies into the {@link TradingPlan} of a {@link TurboPlan}. */
public final class TurboPlans {
    private TurboPlans() {}

    /**
     * The sniper's plan of {@code config} with the turbo exits: the take profit replaced by the rungs of {@code
     * tpLadder} when one is given (rung i at i × {@code takeProfit} %, each selling its share of the position as
     * bought), a stop loss of {@code stopLossPercent} and a trailing stop of {@code trailingStopPct} when set, the
     * flat smart exits ({@code smartExitTimeMins}, {@code smartLiqDropPct}) of modes {@code time} and {@code
     * liquidity}; and its caps counted in signals ({@code maxTrades}) with the config's own cooldown, not the
     * engine's, which counts orders.
     */
    public static TradingPlan trading(
            TurboTradingConfig config,
            FeedConfig feed,
            FilterConfig filter,
            ExitConfig exit,
            SniperFields fields,
            List<BigDecimal> tpLadder,
            BigDecimal stopLossPercent,
            BigDecimal trailingStopPct) {
        TradingPlan sniper = ConfigPlans.sniper(config, feed, filter, exit, fields);
        List<ExitRule> exits = new ArrayList<>();
        for (ExitRule rule : sniper.exits()) {
            if (rule instanceof ExitRule.TakeProfit tp && tpLadder != null && !tpLadder.isEmpty()) {
                exits.addAll(ladder(tp.percent(), tpLadder));
            } else {
                exits.add(rule);
            }
        }
        String mode = exit == null || exit.smartExitMode() == null
                ? "off"
                : exit.smartExitMode().trim().toLowerCase(java.util.Locale.ROOT);
        TurboExitFields flat = config.turboExitFields();
        if (flat != null) {
            // the turbo validators' flat smart-exit fields, where the shared ones leave the mode without its exit
            if (mode.equals("time")
                    && flat.smartExitTimeMins() != null
                    && exits.stream().noneMatch(r -> r instanceof ExitRule.MaxHold)) {
                exits.add(new ExitRule.MaxHold(Duration.ofMinutes(flat.smartExitTimeMins()), null));
            }
            if (mode.equals("liquidity")
                    && !Units.isOff(flat.smartLiqDropPct())
                    && exits.stream().noneMatch(r -> r instanceof ExitRule.LiquidityDrop)) {
                exits.add(0, new ExitRule.LiquidityDrop(flat.smartLiqDropPct()));
            }
        }
        if (!Units.isOff(stopLossPercent)) {
            exits.add(0, new ExitRule.StopLoss(stopLossPercent, ExitRule.HUNDRED));
        }
        if (!Units.isOff(trailingStopPct)) {
            exits.add(new ExitRule.TrailingStop(trailingStopPct));
        }
        BotSettings signals = config.sharedFields().settings(config.defaults());
        return new TradingPlan(
                sniper.feed(),
                sniper.monitored(),
                sniper.feedLimit(),
                sniper.gates(),
                sniper.safety(),
                sniper.priceImpact(),
                sniper.amount(),
                signals.maxTrades(),
                sniper.maxOpen(),
                sniper.haltOnFailures(),
                signals.cooldown(),
                sniper.maxDailyVolume(),
                exits,
                sniper.entryDelay());
    }

    /**
     * The rungs of a ladder of {@code shares} (percent of the position as bought, summing to at most 100) every {@code
     * step} percent: each rung sells its share of what the rungs before it left, so that every rung sells its share of
     * the position as bought.
     */
    static List<ExitRule> ladder(BigDecimal step, List<BigDecimal> shares) {
        List<ExitRule> out = new ArrayList<>();
        BigDecimal left = ExitRule.HUNDRED;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal share = shares.get(i);
            if (share.signum() <= 0 || left.signum() <= 0) {
                continue;
            }
            BigDecimal ofLeft = share.compareTo(left) >= 0
                    ? ExitRule.HUNDRED
                    : share.multiply(ExitRule.HUNDRED).divide(left, io.solbot.core.domain.Price.MATH);
            out.add(new ExitRule.LadderRung(i + 1, step.multiply(BigDecimal.valueOf(i + 1L)), ofLeft));
            left = left.subtract(share);
        }
        return out;
    }
}
