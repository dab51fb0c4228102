package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.WHEN_ENABLED;
import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.SolanaAddress;
import java.math.BigDecimal;
import java.util.List;

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
