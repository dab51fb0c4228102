package io.solbot.persistence.readmodel;

import static io.solbot.persistence.readmodel.TestFills.BONK;
import static io.solbot.persistence.readmodel.TestFills.WIF;
import static io.solbot.persistence.readmodel.TestFills.buy;
import static io.solbot.persistence.readmodel.TestFills.fill;
import static io.solbot.persistence.readmodel.TestFills.minute;
import static io.solbot.persistence.readmodel.TestFills.rec;
import static io.solbot.persistence.readmodel.TestFills.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.persistence.ClosedTrade;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresTradeLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two bots trading BONK and WIF, with many rows on the same instant: six buys in the same minute, a buy filled in
 * three parts, sells that close several lots at once (closed trades with the same close time), and two bots' fills
 * and closes on the same instants.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class TradeHistoryIT {
    private static final BotId H1 = BotId.of("h-1");
    private static final BotId H2 = BotId.of("h-2");
    private static final Comparator<Fill> NEWEST_FIRST = Comparator.comparing(Fill::filledAt)
            .thenComparing(f -> f.orderId().value())
            .thenComparing(Fill::part)
            .reversed();

    private static PostgresDatabase database;
    private static PostgresTradeLedger ledger;
    private static TradeHistory history;
    private static final List<Fill> fills = new ArrayList<>();
    /** Closed trades in the order they were written (ascending id). */
    private static final List<ClosedTrade> closedInOrder = new ArrayList<>();

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 4);
        ledger = new PostgresTradeLedger(database);
        history = new TradeHistory(database);
        for (int i = 1; i <= 6; i++) {
            record(buy(H1, "h1-buy-0" + i, BONK, 10_000, TokenAmount.of(1_000, 6), 5, 0, minute(1)));
        }
        for (int part = 1; part <= 3; part++) {
            Lamports sol = Lamports.of(10_000);
            record(fill(
                    H1,
                    "h1-buy-07",
                    BONK,
                    Side.BUY,
                    sol.toTokenAmount(),
                    TokenAmount.of(1_000, 6),
                    5,
                    0,
                    part,
                    3,
                    minute(2)));
        }
        for (int i = 1; i <= 4; i++) {
            record(buy(H2, "h2-buy-0" + i, BONK, 20_000, TokenAmount.of(1_000, 6), 5, 0, minute(1)));
        }
        for (int i = 1; i <= 3; i++) {
            record(buy(H1, "h1-wif-0" + i, WIF, 30_000, TokenAmount.of(2_000, 9), 5, 0, minute(1 + i)));
        }
        record(sell(H1, "h1-sell-01", BONK, TokenAmount.of(4_500, 6), 50_000, 5, 0, minute(5)));
        record(sell(H1, "h1-sell-02", BONK, TokenAmount.of(4_500, 6), 40_000, 5, 0, minute(6)));
        record(sell(H1, "h1-wif-s1", WIF, TokenAmount.of(4_000, 9), 70_000, 5, 0, minute(6)));
        record(sell(H2, "h2-sell-01", BONK, TokenAmount.of(3_000, 6), 55_000, 5, 0, minute(6)));
    }

    private static void record(Fill fill) {
        int before = ledger.closedTrades(fill.botId()).size();
        ledger.record(rec(fill));
        fills.add(fill);
        List<ClosedTrade> closed = ledger.closedTrades(fill.botId());
        closedInOrder.addAll(closed.subList(before, closed.size()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /**
     * Every page of {@code query}, following the cursors; checks each page's size on the way, and gives up after more
     * pages than there are rows (a cursor that does not move on).
     */
    private static <T> List<T> allPages(TradeQuery query, Function<TradeQuery, Page<T>> read) {
        List<T> rows = new ArrayList<>();
        Page<T> page = read.apply(query);
        for (int pages = 1; pages <= 100; pages++) {
            assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
            rows.addAll(page.items());
            if (page.next().isEmpty()) {
                return rows;
            }
            assertThat(page.items()).hasSize(query.limit());
            page = read.apply(query.after(page.next().get()));
        }
        throw new AssertionError("more than 100 pages: the cursor does not move on; read so far: " + rows);
    }

    private static List<ClosedTrade> closedNewestFirst(Predicate<ClosedTrade> filter) {
        // written later means a higher id: reversed, then stably sorted by close time, is (closed_at, id) descending
        List<ClosedTrade> expected = new ArrayList<>(closedInOrder.reversed());
        expected.sort(Comparator.comparing(ClosedTrade::closedAt).reversed());
        return expected.stream().filter(filter).toList();
    }

    @Test
    void shouldPageThroughEveryFillExactlyOnceNewestFirstIncludingTiesOnTheFillTime() {
        List<Fill> expected = fills.stream().sorted(NEWEST_FIRST).toList();
        assertThat(expected).hasSize(20);
        for (int limit : new int[] {1, 3, 7, 19, 20, 21, 1_000}) {
            assertThat(allPages(TradeQuery.all().limit(limit), history::fills))
                    .as("pages of %d", limit)
                    .containsExactlyElementsOf(expected);
        }
        Page<Fill> whole = history.fills(TradeQuery.all().limit(20));
        assertThat(whole.next()).as("no empty page after the last full one").isEmpty();
    }

    @Test
    void shouldPageThroughEveryClosedTradeExactlyOnceNewestFirstIncludingTiesOnTheCloseTime() {
        List<ClosedTrade> expected = closedNewestFirst(c -> true);
        assertThat(expected).hasSize(15);
        assertThat(expected.stream().filter(c -> c.closedAt().equals(minute(6))))
                .hasSize(10);
        for (int limit : new int[] {1, 2, 4, 14, 15, 16}) {
            assertThat(allPages(TradeQuery.all().limit(limit), history::closedTrades))
                    .as("pages of %d", limit)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(allPages(TradeQuery.all().forBot(H1).limit(4), history::closedTrades))
                .containsExactlyElementsOf(ledger.closedTrades(H1).reversed());
    }

    @Test
    void shouldFilterByBotMintAndTheHalfOpenTimeRange() {
        TradeQuery h1BonkFromMinute2ToMinute6 = TradeQuery.all()
                .forBot(H1)
                .forMint(BONK)
                .since(minute(2))
                .before(minute(6))
                .limit(2);

        assertThat(allPages(h1BonkFromMinute2ToMinute6, history::fills))
                .extracting(f -> f.orderId().value() + "/" + f.part())
                .containsExactly("h1-sell-01/1", "h1-buy-07/3", "h1-buy-07/2", "h1-buy-07/1");
        assertThat(allPages(TradeQuery.all().forBot(H2), history::fills))
                .containsExactlyElementsOf(fills.stream()
                        .filter(f -> f.botId().equals(H2))
                        .sorted(NEWEST_FIRST)
                        .toList());
        assertThat(allPages(TradeQuery.all().forMint(WIF).limit(1), history::closedTrades))
                .containsExactlyElementsOf(closedNewestFirst(c -> c.mint().equals(WIF)))
                .hasSize(2);
        assertThat(allPages(TradeQuery.all().since(minute(6)), history::closedTrades))
                .containsExactlyElementsOf(closedNewestFirst(c -> !c.closedAt().isBefore(minute(6))))
                .hasSize(10);
        assertThat(allPages(TradeQuery.all().before(minute(6)), history::closedTrades))
                .containsExactlyElementsOf(closedNewestFirst(c -> c.closedAt().isBefore(minute(6))))
                .hasSize(5);
        assertThat(history.fills(TradeQuery.all().since(minute(2)).before(minute(2))))
                .isEqualTo(new Page<Fill>(List.of(), Optional.empty()));
        assertThat(history.fills(TradeQuery.all().forBot(BotId.of("h-nobody"))).items())
                .isEmpty();
        assertThat(history.closedTrades(TradeQuery.all().forMint(Mint.USDC)).items())
                .isEmpty();
    }

    @Test
    void shouldRefuseACursorThatIsNotOneOfItsOwnKind() {
        String fillCursor = history.fills(TradeQuery.all().limit(1)).next().orElseThrow();
        String closedCursor =
                history.closedTrades(TradeQuery.all().limit(1)).next().orElseThrow();

        assertThatThrownBy(() -> history.closedTrades(TradeQuery.all().after(fillCursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor")
                .hasMessageContaining("closed trades");
        assertThatThrownBy(() -> history.fills(TradeQuery.all().after(closedCursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
        for (String bad : new String[] {"", "not a cursor!", "Zjo", "YzoyMDI2", closedCursor + "x"}) {
            assertThatThrownBy(() -> history.closedTrades(TradeQuery.all().after(bad)))
                    .as("cursor '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
    }
}
