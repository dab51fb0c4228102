package io.solbot.strategies.turbopapertrader;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.execution.PaperSettings;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TurboExitFields;
import io.solbot.strategies.common.TurboToggles;
import io.solbot.strategies.common.TurboTradingConfig;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.papertrader.PaperFields;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * The turbo paper trader: the paper trader's fields, the turbo smart-exit modes ({@code none}, {@code time}, {@code
 * volume}, {@code liquidity}; the original's base rules rejected its own modes), the turbo flat smart-exit fields
 * ({@link TurboExitFields}), and a few turbo knobs.
 *
 * @param maxPriceImpactPct percent 0 to 100
 * @param multiBuyCount buys per signal, 1 to 3
 * @param jitoTipLamports Jito tip, lamports, 0 to 1 000 000 000 (1 SOL; the original had no upper bound)
 * @param trailingStopPct trailing stop, percent 0 to 100
 * @param turboToggles the turbo on/off switches ({@code useJitoBundle}, {@code ghostMode}, ...), each true or false
 * @param loop false runs one pass only
 */
@CrossField
public record TurboPaperTraderConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid TurboExitFields turboExitFields,
        @Flatten @Valid PaperFields paper,
        @Flatten @Valid SniperFields sniperFields,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxPriceImpactPct,
        @Between(min = "1", max = "3") Integer multiBuyCount,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long jitoTipLamports,

        @Between(min = "0", max = "100", unit = "%") BigDecimal trailingStopPct,
        @Flatten @Valid TurboToggles turboToggles,
        Boolean loop)
        implements TurboTradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.TURBO_MODES, turboExitFields);
        }
        if (turboToggles != null) {
            if (Boolean.TRUE.equals(turboToggles.autoPriorityFee())
                    && (sharedFields == null || sharedFields.priorityFeeLamports() == null)) {
                rules.reject(
                        "priorityFeeLamports",
                        null,
                        "is required when autoPriorityFee is true: the most the automatic priority fee may pay");
            }
            TurboToggles.checkJitoTip(rules, turboToggles, jitoTipLamports);
        }
    }

    /** One buy per signal: the turbo paper trader neither probes nor splits. */
    @Override
    public int ordersPerSignal() {
        return 1;
    }

    /** The executor's simulation with this bot's {@code execModel}, latency, failure rates, partials and limits. */
    @Override
    public PaperSettings paperSettings(PaperSettings executor) {
        return paper == null ? executor : paper.applyTo(executor);
    }

    @Override
    public boolean hasTurboStopLoss() {
        return !Units.isOff(trailingStopPct);
    }
}
