package io.solbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.testing.Fills;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryFillStoreTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldKeepEachFillOnceInTheOrderRecordedPerBot() {
        InMemoryFillStore store = new InMemoryFillStore();
        Fill a1 = fill("a", "o-1", 1, 1);
        Fill a2 = fill("a", "o-1", 2, 2);
        Fill a3 = fill("a", "o-2", 1, 3);
        Fill b1 = fill("b", "o-1", 1, 4);

        store.record(a2);
        store.record(a1);
        store.record(a2); // the same order and part again, as a recovery would send it
        store.record(fill("a", "o-1", 1, 5)); // same key, other content: still the first one counts
        store.record(a3);
        store.record(b1);

        assertThat(store.fills(BotId.of("a"))).containsExactly(a2, a1, a3);
        assertThat(store.fills(BotId.of("b"))).containsExactly(b1);
        assertThat(store.fills(BotId.of("c"))).isEmpty();
    }

    @Test
    void shouldHandTheCallerACopy() {
        InMemoryFillStore store = new InMemoryFillStore();
        store.record(fill("a", "o-1", 1, 1));
        var before = store.fills(BotId.of("a"));
        store.record(fill("a", "o-2", 1, 2));
        assertThat(before).hasSize(1);
        assertThat(store.fills(BotId.of("a"))).hasSize(2);
    }

    @Test
    void shouldKeepEachFailureOnceInTheOrderRecordedPerBot() {
        InMemoryFillStore store = new InMemoryFillStore();
        OrderFailure second = failure("o-2", 5_000);
        OrderFailure first = failure("o-1", 7_000);

        store.recordFailure(BotId.of("a"), second);
        store.recordFailure(BotId.of("a"), first);
        store.recordFailure(BotId.of("a"), failure("o-2", 1)); // the same order again: the first one counts
        store.recordFailure(BotId.of("b"), first);

        assertThat(store.failures(BotId.of("a"))).containsExactly(second, first);
        assertThat(store.failures(BotId.of("b"))).containsExactly(first);
        assertThat(store.failures(BotId.of("c"))).isEmpty();
        assertThat(store.fills(BotId.of("a"))).isEmpty();
    }

    private static OrderFailure failure(String order, long fee) {
        return new OrderFailure(
                OrderId.of(order), Mint.USDC, Side.SELL, "land", "reverted", AT, Lamports.of(fee), Lamports.ZERO);
    }

    private static Fill fill(String bot, String order, int part, int seed) {
        return Fills.buy(Mint.USDC, Lamports.of(10_000_000L), TokenAmount.of(1_000_000L * seed, 6))
                .bot(bot)
                .order(order)
                .part(part, 2)
                .fee(5_000)
                .at(AT)
                .build();
    }
}
