package io.solbot.strategies.common;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.Decimals;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The fields the order monitors (DCA, limit orders, TP/SL rules, grids) share, flat in their configs. Included with
 * {@code @Flatten @Valid}.
 *
 * @param interval seconds between price checks, 1 to 3600 (each monitor says its default)
 * @param slippage percent, greater than 0 and at most 99 (default 1)
 * @param priorityFeeLamports priority fee per order, lamports (default 0)
 * @param haltOnFailures failed orders in a row after which the bot is FAILED (default 3; also {@code maxFails}, the
 *     original limit orders' name)
 */
public record MonitorFields(
        @Between(min = "1", max = "3600", unit = "seconds") Integer interval,

        @Between(min = "0", minInclusive = false, max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        @Between(min = "1") @Alias("maxFails") Integer haltOnFailures) {

    /** The fields left out: every default. */
    public static final MonitorFields NONE = new MonitorFields(null, null, null, null);

    /**
     * The settings of a monitor of one token that ticks every {@code interval} (or {@code defaultInterval}), opens at
     * most {@code maxTrades} trades and spends at most {@code perBuy} on each buy.
     */
    public BotSettings settings(Duration defaultInterval, int maxTrades, Lamports perBuy) {
        return new BotSettings(
                interval == null ? defaultInterval : Duration.ofSeconds(interval),
                maxTrades,
                Duration.ZERO,
                haltOnFailures == null ? 3 : haltOnFailures,
                1,
                Units.bps(slippage == null ? BigDecimal.ONE : slippage),
                Lamports.of(priorityFeeLamports == null ? 0 : priorityFeeLamports),
                Mint.WRAPPED_SOL,
                TokenAmount.of(perBuy.value(), 9));
    }

    /** {@code fields}, or {@link #NONE} when a config built in code leaves the group out. */
    public static MonitorFields orNone(MonitorFields fields) {
        return fields == null ? NONE : fields;
    }
}
