package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.engine.PositionBook.ClosedSlice;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresTradeLedger;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's in-memory {@link PositionBook} and the PostgreSQL ledger ({@code record_fills}) keep the same books:
 * random buys and sells (several bots and mints, tiny and u64-sized amounts, fees and tips, fills in parts, buys that
 * come late, partial and full closes, sells for nothing, write-offs) go into both, and after every fill their open lots
 * (quantity, cost basis, order) and closed slices (cost, proceeds, fees, PnL) must agree to the lamport.
 *
 * <p>Seeded: a failure names the seed of its scenario and the fill that broke it. Run one scenario again with {@code
 * -Dledger.seed=<seed>}; more scenarios with {@code -Dledger.scenarios=<n>}.
 *
 * <p>In this package because the book is the engine's and not public.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class LedgerAgreementIT {
    private static final long BASE_SEED = 0x50_1B07_1ED6E4L;
    private static final int FILLS_PER_SCENARIO = 120;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Mint[] MINTS = {
        Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263"),
        Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm"),
        Mint.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")
    };
    private static final int[] DECIMALS = {0, 6, 9};
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static PostgresDatabase database;
    private static PostgresTradeLedger ledger;

    /** A closed slice as both books tell it, keyed by the sell part and the lot it closed. */
    private record Slice(
            String exitOrder,
            int exitPart,
            String entryOrder,
            int entryPart,
            BigInteger quantity,
            long cost,
            long proceeds,
            long fees,
            long pnl) {}

    private static final Comparator<Slice> SLICE_ORDER = Comparator.comparing(Slice::exitOrder)
            .thenComparingInt(Slice::exitPart)
            .thenComparing(Slice::entryOrder)
            .thenComparingInt(Slice::entryPart);

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2);
        ledger = new PostgresTradeLedger(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void shouldKeepTheSameLotsAndClosedSlicesAsTheLedgerAfterEveryFill() {
        String only = System.getProperty("ledger.seed");
        if (only != null) {
            new Scenario(Long.parseLong(only)).run();
            return;
        }
        int scenarios = Integer.getInteger("ledger.scenarios", 12);
        for (int i = 0; i < scenarios; i++) {
            new Scenario(BASE_SEED + i).run();
        }
    }

    /** One seed's random fills for two bots, checked after each. */
    private static final class Scenario {
        private final long seed;
        private final SplittableRandom random;
        private final BotId[] bots;
        private final Map<BotId, PositionBook> books = new HashMap<>();
        private final Map<BotId, List<Slice>> closed = new HashMap<>();
        private final Map<BotId, Long> boughtCost = new HashMap<>();
        /** Micros since {@link #T0}: fills land at whole microseconds, which is what PostgreSQL keeps. */
        private long now;

        private int orders;
        private int fillsDone;

        Scenario(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.bots = new BotId[] {BotId.of("agree-" + seed + "-a"), BotId.of("agree-" + seed + "-b")};
            for (BotId bot : bots) {
                books.put(bot, new PositionBook());
                closed.put(bot, new ArrayList<>());
                boughtCost.put(bot, 0L);
            }
        }

        void run() {
            try {
                while (fillsDone < FILLS_PER_SCENARIO) {
                    BotId bot = bots[random.nextInt(bots.length)];
                    List<Position> held = books.get(bot).positions();
                    if (held.isEmpty() || random.nextInt(100) < 45) {
                        buy(bot);
                    } else {
                        sell(bot, held.get(random.nextInt(held.size())));
                    }
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "ledger and book disagree in scenario seed " + seed + " (run it alone with -Dledger.seed="
                                + seed + ") at fill " + fillsDone + ": " + e.getMessage(),
                        e);
            }
        }

        private void buy(BotId bot) {
            int m = random.nextInt(MINTS.length);
            int parts = random.nextInt(100) < 20 ? 1 + random.nextInt(3) : 1;
            OrderId order = OrderId.of("s" + seed + "-" + ++orders);
            boolean late = random.nextInt(100) < 15;
            for (int part = 1; part <= parts; part++) {
                long lamports = sol();
                TokenAmount tokens = TokenAmount.ofRaw(tokens(), DECIMALS[m]);
                long at = late ? random.nextLong(now + 1) : advance();
                Fill fill = new Fill(
                        order,
                        bot,
                        MINTS[m],
                        Side.BUY,
                        Lamports.of(lamports).toTokenAmount(),
                        tokens,
                        Price.ofTrade(Lamports.of(lamports), tokens),
                        fee(),
                        tip(),
                        signature(),
                        part,
                        parts,
                        T0.plusNanos(at * 1_000),
                        T0.plusNanos(at * 1_000));
                boughtCost.merge(bot, Lot.of(fill).costBasis().value(), Math::addExact);
                apply(bot, fill, "entry");
            }
        }

        private void sell(BotId bot, Position position) {
            BigInteger held = position.quantity().raw();
            int decimals = position.quantity().decimals();
            OrderId order = OrderId.of("s" + seed + "-" + ++orders);
            if (random.nextInt(100) < 8) {
                // a write-off of the whole position, or of part of it
                BigInteger quantity = random.nextBoolean() ? held : between(BigInteger.ONE, held);
                Fill writeOff = Fill.writeOff(
                        order,
                        bot,
                        position.mint(),
                        TokenAmount.ofRaw(quantity, decimals),
                        T0.plusNanos(advance() * 1_000));
                apply(bot, writeOff, "write-off");
                return;
            }
            BigInteger total = switch (random.nextInt(5)) {
                case 0 -> held; // a full close of the position
                case 1 -> position.lots().getFirst().quantity().raw(); // exactly the oldest lot
                case 2 -> BigInteger.ONE; // one raw unit
                default -> between(BigInteger.ONE, held);
            };
            int parts = random.nextInt(100) < 20 && total.compareTo(BigInteger.TWO) >= 0 ? 2 : 1;
            BigInteger first = parts == 1 ? total : between(BigInteger.ONE, total.subtract(BigInteger.ONE));
            for (int part = 1; part <= parts; part++) {
                TokenAmount tokens = TokenAmount.ofRaw(part == 1 ? first : total.subtract(first), decimals);
                long lamports = random.nextInt(100) < 12 ? 0 : sol();
                long at = advance();
                Fill fill = new Fill(
                        order,
                        bot,
                        position.mint(),
                        Side.SELL,
                        tokens,
                        Lamports.of(lamports).toTokenAmount(),
                        Price.ofTrade(Lamports.of(lamports), tokens),
                        fee(),
                        tip(),
                        signature(),
                        part,
                        parts,
                        T0.plusNanos(at * 1_000),
                        T0.plusNanos(at * 1_000));
                apply(bot, fill, "exit");
            }
        }

        private void apply(BotId bot, Fill fill, String reason) {
            fillsDone++;
            PositionBook.Settlement settled = books.get(bot).settle(fill);
            assertThat(ledger.record(new FillRecord("agreement", fill, reason)))
                    .as("the ledger takes the fill as new")
                    .isTrue();
            assertThat(settled.unsold().isZero())
                    .as("the book held what was sold")
                    .isTrue();
            for (ClosedSlice c : settled.closed()) {
                closed.get(bot)
                        .add(new Slice(
                                fill.orderId().value(),
                                fill.part(),
                                c.lot().orderId().value(),
                                c.lot().part(),
                                c.quantity().raw(),
                                c.cost().value(),
                                c.proceeds().value(),
                                c.fees().value(),
                                c.pnl().value()));
            }
            if (fill.side() == Side.SELL) {
                assertThat(settled.closed().stream()
                                .mapToLong(c -> c.proceeds().value())
                                .sum())
                        .as("the slices' proceeds add up to the sell's")
                        .isEqualTo(fill.sol().value());
                assertThat(settled.closed().stream()
                                .mapToLong(c -> c.fees().value())
                                .sum())
                        .as("the slices' fees add up to the sell's fee and tip")
                        .isEqualTo(fill.fee().plus(fill.tip()).value());
            }
            check(bot);
        }

        private void check(BotId bot) {
            Map<Mint, Position> inMemory = new HashMap<>();
            books.get(bot).positions().forEach(p -> inMemory.put(p.mint(), p));
            Map<Mint, Position> stored = new HashMap<>();
            ledger.openPositions(bot).forEach(p -> stored.put(p.mint(), p));
            assertThat(stored).as("open lots of %s", bot).isEqualTo(inMemory);

            List<Slice> expected = new ArrayList<>(closed.get(bot));
            expected.sort(SLICE_ORDER);
            assertThat(storedSlices(bot)).as("closed slices of %s", bot).isEqualTo(expected);

            long open = inMemory.values().stream()
                    .mapToLong(p -> p.costBasis().value())
                    .sum();
            long sold = expected.stream().mapToLong(Slice::cost).sum();
            assertThat(open + sold).as("cost open plus cost closed").isEqualTo(boughtCost.get(bot));
        }

        private long advance() {
            now += random.nextInt(3); // 0: the same microsecond as the fill before
            return now;
        }

        private long sol() {
            return random.nextBoolean() ? random.nextLong(1, 64) : random.nextLong(1, 20_000_000_000L);
        }

        private BigInteger tokens() {
            return switch (random.nextInt(4)) {
                case 0 -> BigInteger.valueOf(random.nextLong(1, 16));
                case 1 -> BigInteger.valueOf(random.nextLong(1, 1_000_000_000L));
                case 2 -> U64_MAX.subtract(BigInteger.valueOf(random.nextLong(0, 1_000)));
                default -> between(BigInteger.ONE, U64_MAX.shiftRight(random.nextInt(64)));
            };
        }

        private Lamports fee() {
            return Lamports.of(random.nextInt(3) == 0 ? 0 : 5_000 + random.nextLong(0, 100_000));
        }

        private Lamports tip() {
            return Lamports.of(random.nextInt(3) == 0 ? random.nextLong(1, 2_000_000) : 0);
        }

        private TxSignature signature() {
            byte[] bytes = new byte[64];
            random.nextBytes(bytes);
            return TxSignature.ofBytes(bytes);
        }

        /** A uniform draw from {@code low} to {@code high}, both included. */
        private BigInteger between(BigInteger low, BigInteger high) {
            BigInteger span = high.subtract(low).add(BigInteger.ONE);
            BigInteger draw;
            do {
                byte[] bytes = new byte[span.bitLength() / 8 + 1];
                random.nextBytes(bytes);
                draw = new BigInteger(1, bytes).mod(BigInteger.ONE.shiftLeft(span.bitLength()));
            } while (draw.compareTo(span) >= 0);
            return low.add(draw);
        }
    }

    /** The closed slices in the ledger, in {@link #SLICE_ORDER}. */
    private static List<Slice> storedSlices(BotId bot) {
        DSLContext dsl = database.dsl();
        List<Slice> slices = new ArrayList<>(dsl.resultQuery(
                        "SELECT exit_order_id, exit_fill_part, entry_order_id, entry_fill_part, quantity,"
                                + " cost_lamports, proceeds_lamports, exit_fee_lamports, pnl_lamports"
                                + " FROM closed_trade WHERE bot_id = ?",
                        bot.value())
                .fetch(r -> new Slice(
                        r.get(0, String.class),
                        r.get(1, Integer.class),
                        r.get(2, String.class),
                        r.get(3, Integer.class),
                        r.get(4, BigInteger.class),
                        r.get(5, Long.class),
                        r.get(6, Long.class),
                        r.get(7, Long.class),
                        r.get(8, Long.class))));
        slices.sort(SLICE_ORDER);
        return slices;
    }
}
