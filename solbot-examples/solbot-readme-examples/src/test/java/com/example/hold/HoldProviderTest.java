package com.example.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.solbot.core.config.ConfigValidator;
import io.solbot.core.config.Violation;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldProviderTest {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("hold-1"));
    private final Strategy strategy = new HoldProvider()
            .create(new HoldConfig(BONK, new BigDecimal("0.5"), BigDecimal.TEN, BigDecimal.TEN, 60, null, null));

    private PlacedOrder tick(String price) throws Exception {
        ctx.price(BONK, price);
        strategy.onTick(ctx);
        return ctx.placedOrders().getLast();
    }

    @Test
    void shouldBuyThenSellAtTheTakeProfit() throws Exception {
        PlacedOrder buy = tick("1.00");
        assertEquals(Side.BUY, buy.side());
        assertEquals(Lamports.ofSol("0.5"), buy.sol());
        strategy.onFill(ctx, ctx.fill(buy)); // the engine would call onFill after the tick

        tick("1.09");
        assertEquals(1, ctx.placedOrders().size()); // +9 %: holds
        PlacedOrder sell = tick("1.10"); // +10 %: the take profit
        assertEquals(Side.SELL, sell.side());
        assertEquals(ctx.positions().getFirst().quantity(), sell.quantity());
    }

    @Test
    void shouldSellWhenItsHoldingTimeIsOver() throws Exception {
        strategy.onFill(ctx, ctx.fill(tick("1.00")));
        ctx.advance(Duration.ofSeconds(59));
        tick("1.00");
        assertEquals(1, ctx.placedOrders().size());
        ctx.advance(Duration.ofSeconds(1));
        assertEquals(Side.SELL, tick("1.00").side());
    }

    @Test
    void shouldNameEveryMistakeOfAConfigWithItsValue() {
        List<String> messages = ConfigValidator.standard()
                .validate(
                        "hold-1",
                        new HoldConfig(BONK, BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("100"), 0, null, null))
                .stream()
                .map(Violation::message)
                .toList();
        assertEquals(
                List.of(
                        "bot 'hold-1': amountSol must be greater than 0 SOL, but was 0",
                        "bot 'hold-1': holdSeconds must be between 1 and 86400 s, but was 0",
                        "bot 'hold-1': stopLossPct must be greater than 0 % and less than 100 %, but was 100"),
                messages.stream().sorted().toList());
    }
}
