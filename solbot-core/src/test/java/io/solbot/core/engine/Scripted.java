package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.engine.Scripted.Script;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.store.FillStore;
import io.solbot.core.store.InMemoryFillStore;
import io.solbot.core.store.InMemoryJournal;
import io.solbot.core.store.InMemoryRunStatusStore;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.RunRecord;
import io.solbot.core.store.RunStatusStore;
import io.solbot.core.testing.FillAtPriceExecutor;
import io.solbot.core.testing.FixedPriceMarket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A provider whose config carries the strategy factory, and the rest of what the engine tests share. */
final class Scripted implements StrategyProvider<Script> {
    static final Mint MINT = Mint.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    static final Mint OTHER = Mint.of("So11111111111111111111111111111111111111112");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Lamports TENTH_SOL = Lamports.of(100_000_000);

    /** The config: a name (for toString and the config hash) and a factory, called once per run. */
    record Script(String name, Supplier<Strategy> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public Class<Script> configType() {
        return Script.class;
    }

    @Override
    public Strategy create(Script config) {
        return config.factory().get();
    }

    static BotSpec.Builder spec(String id, Supplier<Strategy> factory) {
        return BotSpec.builder(BotId.of(id), "scripted", new Script(id, factory))
                .interval(Duration.ofSeconds(1));
    }

    static Strategy idle() {
        return ctx -> {};
    }

    /** An engine on a simulated clock, with a fixed-price market, an executor that fills at the price, and recorders. */
    static final class Fixture implements AutoCloseable {
        final SimulatedClock clock;
        final FixedPriceMarket market =
                new FixedPriceMarket().price(MINT, "0.001").price(OTHER, "0.5");
        final FillAtPriceExecutor executor = new FillAtPriceExecutor(market);
        final CountingStores stores = new CountingStores();
        // a queue, not a copy-on-write list: long runs publish hundreds of thousands of events
        final Queue<EngineEvent> events = new ConcurrentLinkedQueue<>();
        final SolbotEngine engine;

        Fixture() {
            this(SimulatedClock.startingAt(T0, Duration.ofMillis(10), Duration.ofSeconds(5)), b -> {});
        }

        Fixture(SimulatedClock clock, java.util.function.Consumer<EngineBuilder> customise) {
            this.clock = clock;
            EngineBuilder b = SolbotEngine.builder()
                    .strategyProvider(new Scripted())
                    .clock(clock)
                    .marketData(market)
                    .swapExecutor(executor)
                    .runStatusStore(stores)
                    .fillStore(stores)
                    .journal(stores)
                    .spreadFirstTicks(false)
                    .subscriber(events::add);
            customise.accept(b);
            engine = b.build();
        }

        void advance(Duration d) {
            clock.advance(d);
        }

        BotStatus status(String id) {
            return engine.status(BotId.of(id));
        }

        <T extends EngineEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public void close() {
            engine.shutdown(Duration.ofSeconds(5));
        }
    }

    /** In-memory stores and journal that count every call. */
    static final class CountingStores implements RunStatusStore, FillStore, Journal {
        final InMemoryRunStatusStore runs = new InMemoryRunStatusStore();
        final InMemoryFillStore trades = new InMemoryFillStore();
        final InMemoryJournal journal = new InMemoryJournal();
        final AtomicInteger runSaves = new AtomicInteger();
        final AtomicInteger tradeRecords = new AtomicInteger();
        final AtomicInteger failureRecords = new AtomicInteger();
        final AtomicInteger journalSaves = new AtomicInteger();
        final AtomicInteger journalDeletes = new AtomicInteger();

        int writes() {
            return runSaves.get()
                    + tradeRecords.get()
                    + failureRecords.get()
                    + journalSaves.get()
                    + journalDeletes.get();
        }

        @Override
        public void save(RunRecord record) {
            runSaves.incrementAndGet();
            runs.save(record);
        }

        @Override
        public Optional<RunRecord> find(BotId botId) {
            return runs.find(botId);
        }

        @Override
        public void record(Fill fill) {
            tradeRecords.incrementAndGet();
            trades.record(fill);
        }

        @Override
        public List<Fill> fills(BotId botId) {
            return trades.fills(botId);
        }

        @Override
        public void recordFailure(BotId botId, OrderFailure failure) {
            failureRecords.incrementAndGet();
            trades.recordFailure(botId, failure);
        }

        @Override
        public List<OrderFailure> failures(BotId botId) {
            return trades.failures(botId);
        }

        @Override
        public void save(JournalEntry entry) {
            journalSaves.incrementAndGet();
            journal.save(entry);
        }

        @Override
        public Optional<JournalEntry> load(BotId botId) {
            return journal.load(botId);
        }

        @Override
        public void delete(BotId botId) {
            journalDeletes.incrementAndGet();
            journal.delete(botId);
        }

        @Override
        public List<JournalEntry> entries() {
            return journal.entries();
        }
    }
}
