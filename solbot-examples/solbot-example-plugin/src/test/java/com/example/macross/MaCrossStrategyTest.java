package com.example.macross;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.config.ConfigValidator;
import io.solbot.core.config.InvalidConfigException;
import io.solbot.core.config.Violation;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import java.math.BigDecimal;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MaCrossStrategyTest {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("ma-1"));
    private final Strategy strategy = new MaCrossProvider().create(config("10", "5"));

    private static MaCrossConfig config(String tp, String sl) {
        return new MaCrossConfig(BONK, 3, new BigDecimal("0.5"), new BigDecimal(tp), new BigDecimal(sl));
    }

    private void tick(String price) throws Exception {
        ctx.price(BONK, price);
        strategy.onTick(ctx);
    }

    @Test
    void shouldBuyOnlyWhenThePriceCrossesAboveItsMovingAverage() throws Exception {
        tick("1.00");
        tick("0.90");
        tick("0.80"); // window full, average 0.9, price below
        tick("0.80"); // average 0.8333, still below
        assertThat(ctx.placedOrders()).isEmpty();
        tick("1.00"); // average 0.8667, price above: a cross
        assertThat(ctx.placedOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.mint()).isEqualTo(BONK);
            assertThat(o.sol()).isEqualTo(Lamports.of(500_000_000));
        });
        tick("1.10"); // still above, but no new cross and an order is in flight
        assertThat(ctx.placedOrders()).hasSize(1);
    }

    @Test
    void shouldSellTheWholePositionAtTheTakeProfit() throws Exception {
        PlacedOrder buy = buyAt("1.00");
        strategy.onFill(ctx, ctx.fill(buy));
        tick("1.09");
        assertThat(ctx.placedOrders()).hasSize(1);
        tick("1.10"); // +10 %
        PlacedOrder sell = ctx.placedOrders().get(1);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
    }

    @Test
    void shouldSellTheWholePositionAtTheStopLoss() throws Exception {
        PlacedOrder buy = buyAt("1.00");
        strategy.onFill(ctx, ctx.fill(buy));
        tick("0.96");
        assertThat(ctx.placedOrders()).hasSize(1);
        tick("0.95"); // -5 %
        assertThat(ctx.placedOrders().get(1).side()).isEqualTo(Side.SELL);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().get(1)));
        assertThat(ctx.positions()).isEmpty();
    }

    @Test
    void shouldTryAgainAfterARefusedOrder() throws Exception {
        tick("1.00");
        tick("0.90");
        tick("0.80");
        ctx.refuseOrders("max trades reached");
        tick("1.00");
        assertThat(ctx.placedOrders()).isEmpty();
        ctx.refuseOrders(null);
        tick("0.70");
        tick("0.60");
        tick("1.20");
        assertThat(ctx.placedOrders()).hasSize(1);
    }

    @Test
    void shouldHoldItsAverageWhenAPriceIsMissing() throws Exception {
        tick("1.00");
        ctx.clearPrice(BONK);
        strategy.onTick(ctx);
        tick("0.90");
        tick("0.80");
        tick("1.00");
        assertThat(ctx.placedOrders()).hasSize(1);
    }

    @Test
    void shouldRefuseOutOfRangeConfigNamingTheFieldAndValue() {
        ConfigValidator validator = ConfigValidator.standard();
        assertThat(validator.validate(
                        "ma-1", new MaCrossConfig(BONK, 1, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN)))
                .extracting(Violation::message)
                .containsExactly("bot 'ma-1': window must be between 2 and 1000, but was 1");
        assertThat(validator.validate("ma-1", config("10", "100")))
                .extracting(Violation::message)
                .containsExactly("bot 'ma-1': stopLossPct must be greater than 0 % and less than 100 %, but was 100");
        assertThat(validator.validate(
                        "ma-1",
                        new MaCrossConfig(BONK, 5, new BigDecimal("0.0000000001"), BigDecimal.TEN, BigDecimal.TEN)))
                .extracting(Violation::message)
                .containsExactly("bot 'ma-1': amountSol must have at most 9 decimals, but was 0.0000000001");
    }

    @Test
    void shouldReportEveryViolationAtOnce() {
        assertThatThrownBy(() -> ConfigValidator.standard()
                        .requireValid(
                                "ma-1", new MaCrossConfig(null, 1001, BigDecimal.ZERO, null, new BigDecimal("-1"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("5 config errors")
                .hasMessageContaining("mint is required")
                .hasMessageContaining("window must be between 2 and 1000, but was 1001")
                .hasMessageContaining("amountSol must be greater than 0 SOL, but was 0")
                .hasMessageContaining("takeProfitPct is required")
                .hasMessageContaining("stopLossPct must be greater than 0 % and less than 100 %, but was -1");
    }

    @Test
    void shouldBeRegisteredAsAServiceProvider() {
        assertThat(ServiceLoader.load(io.solbot.core.spi.StrategyProvider.class).stream()
                        .map(ServiceLoader.Provider::type))
                .contains(MaCrossProvider.class);
    }

    private PlacedOrder buyAt(String price) throws Exception {
        tick("1.00");
        tick("0.90");
        tick("0.80");
        tick(price);
        return ctx.placedOrders().getFirst();
    }
}
