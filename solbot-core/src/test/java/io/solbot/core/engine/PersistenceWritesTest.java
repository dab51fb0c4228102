package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Price;
import io.solbot.core.spi.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PersistenceWritesTest {
    @Test
    void shouldWriteNothingPerTickOnlyOnLifecycleChangesAndTrades() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            for (int i = 0; i < 200; i++) {
                // reads prices and positions every tick, like a real strategy, but never trades
                Strategy watcher = ctx -> {
                    Price p = ctx.market().price(Scripted.MINT).orElseThrow();
                    if (ctx.positions().isEmpty() && p.isBelow(Price.of("0.000001"))) {
                        ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL);
                    }
                };
                f.engine.start(spec("w-" + i, () -> watcher).build());
            }
            assertThat(f.stores.runSaves.get()).isEqualTo(200);
            assertThat(f.stores.journalSaves.get()).isEqualTo(200);

            f.advance(Duration.ofMinutes(10));

            long ticks =
                    f.engine.statuses().stream().mapToLong(BotStatus::tickCount).sum();
            // ticks at 0, 1, ..., 600
            assertThat(ticks).isEqualTo(200L * 601);
            assertThat(f.stores.writes()).isEqualTo(400);

            // a lifecycle change writes once to each; a trade writes the fill and the intent twice
            f.engine.pause(BotId.of("w-0"));
            assertThat(f.stores.writes()).isEqualTo(402);
            f.engine.start(spec("trader", () -> ctx -> {
                        if (ctx.positions().isEmpty()) {
                            ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL);
                        }
                    })
                    .build());
            f.advance(Duration.ofMinutes(1));
            assertThat(f.stores.tradeRecords.get()).isEqualTo(1);
            assertThat(f.stores.writes()).isEqualTo(402 + 2 + 1 + 2);
        }
    }
}
