package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.plugin.UnknownStrategyException;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StopReason;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SolbotEngineLifecycleTest {
    /** Records its callbacks as "instance:callback". */
    static final class Recorder {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger instances = new AtomicInteger();

        Strategy next() {
            int n = instances.incrementAndGet();
            return new Strategy() {
                @Override
                public void onStart(StrategyContext ctx) {
                    calls.add(n + ":start");
                }

                @Override
                public void onTick(StrategyContext ctx) {
                    calls.add(n + ":tick");
                }

                @Override
                public void onStop(StrategyContext ctx, StopReason reason) {
                    calls.add(n + ":stop:" + reason);
                }
            };
        }
    }

    @Test
    void shouldMoveThroughStartPauseResumeStopWithANewStrategyInstancePerRun() {
        Recorder recorder = new Recorder();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            BotId id = BotId.of("bot-1");
            assertThat(f.engine.start(spec("bot-1", recorder::next).build()).status())
                    .isEqualTo(RunStatus.RUNNING);
            // the first tick is due at once, then every second: 0, 1, 2
            f.advance(Duration.ofMillis(2500));
            assertThat(f.engine.pause(id).status()).isEqualTo(RunStatus.PAUSED);
            f.advance(Duration.ofSeconds(5));
            long ticksWhilePaused = f.status("bot-1").tickCount();
            assertThat(f.engine.resume(id).status()).isEqualTo(RunStatus.RUNNING);
            // resumed at 7.5: ticks at 7.5 and 8.5
            f.advance(Duration.ofMillis(1500));
            assertThat(f.engine.stop(id).status()).isEqualTo(RunStatus.STOPPED);
            f.advance(Duration.ofSeconds(5));

            assertThat(ticksWhilePaused).isEqualTo(3);
            assertThat(recorder.calls)
                    .containsExactly(
                            "1:start",
                            "1:tick",
                            "1:tick",
                            "1:tick",
                            "1:stop:PAUSED",
                            "2:start",
                            "2:tick",
                            "2:tick",
                            "2:stop:REQUESTED");
            assertThat(f.status("bot-1").tickCount()).isEqualTo(5);
            assertThat(f.events)
                    .map(e -> e.getClass().getSimpleName())
                    .containsExactly("BotStarted", "BotPaused", "BotResumed", "BotStopped");
        }
    }

    @Test
    void shouldRefuseToResumeAStoppedBotNamingTheBotAndItsState() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("sniper-3", Scripted::idle).build());
            f.engine.stop(BotId.of("sniper-3"));

            assertThatThrownBy(() -> f.engine.resume(BotId.of("sniper-3")))
                    .isInstanceOf(IllegalBotStateException.class)
                    .isInstanceOf(SolbotException.class)
                    .hasMessage("Bot 'sniper-3' is STOPPED and cannot be resumed");
        }
    }

    @Test
    void shouldRefuseEveryTransitionItsStatusDoesNotAllow() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            BotId id = BotId.of("b");
            f.engine.start(spec("b", Scripted::idle).build());
            assertThatThrownBy(() -> f.engine.resume(id)).hasMessage("Bot 'b' is RUNNING and cannot be resumed");
            assertThatThrownBy(() -> f.engine.start(spec("b", Scripted::idle).build()))
                    .hasMessage("Bot 'b' is RUNNING and cannot be started again");
            f.engine.pause(id);
            assertThatThrownBy(() -> f.engine.pause(id)).hasMessage("Bot 'b' is PAUSED and cannot be paused");
            f.engine.stop(id);
            assertThatThrownBy(() -> f.engine.stop(id)).hasMessage("Bot 'b' is STOPPED and cannot be stopped");
            assertThatThrownBy(() -> f.engine.pause(id)).hasMessage("Bot 'b' is STOPPED and cannot be paused");
            assertThatThrownBy(() -> f.engine.status(BotId.of("nobody")))
                    .isInstanceOf(NoSuchBotException.class)
                    .hasMessage("Bot 'nobody' is not known to this engine");
        }
    }

    @Test
    void shouldStartAStoppedBotAgainAndRestartAFailedOneOnRequest() {
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)),
                b -> b.maxRestarts(0, Duration.ofMinutes(1)))) {
            BotId id = BotId.of("b");
            f.engine.start(spec("b", Scripted::idle).build());
            f.engine.stop(id);
            assertThat(f.engine.start(spec("b", Scripted::idle).build()).status())
                    .isEqualTo(RunStatus.RUNNING);
            f.engine.stop(id);

            AtomicInteger runs = new AtomicInteger();
            f.engine.start(spec(
                            "c",
                            () -> runs.incrementAndGet() == 1
                                    ? ctx -> {
                                        throw new IllegalStateException("boom");
                                    }
                                    : Scripted.idle())
                    .build());
            f.advance(Duration.ofSeconds(2));
            assertThat(f.status("c").status()).isEqualTo(RunStatus.FAILED);

            BotStatus restarted = f.engine.restart(BotId.of("c"));
            f.advance(Duration.ofSeconds(3));
            assertThat(restarted.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(restarted.restartCount()).isEqualTo(1);
            // the tick that threw at 0, then 2, 3, 4 and 5 after the restart at 2
            assertThat(f.status("c").tickCount()).isEqualTo(5);
            assertThat(f.events(EngineEvent.BotRestarted.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.cause()).isEqualTo("requested"));
        }
    }

    @Test
    void shouldReportEveryInvalidSpecFieldTogetherWithItsValue() {
        assertThatThrownBy(() -> spec("b", Scripted::idle)
                        .interval(Duration.ofMillis(5))
                        .maxTrades(0)
                        .slippageBps(20_000)
                        .priorityFee(Lamports.of(-1))
                        .build())
                .isInstanceOf(InvalidBotSpecException.class)
                .hasMessageContaining("The spec of bot 'b' is invalid")
                .hasMessageContaining("interval must be between 10 ms and 3600 s, but was PT0.005S")
                .hasMessageContaining("maxTrades must be at least 1, but was 0")
                .hasMessageContaining("slippageBps must be between 0 and 10000, but was 20000")
                .hasMessageContaining("priorityFee must be zero or positive, but was -1 lamports");
        assertThatThrownBy(() -> spec("b", Scripted::idle)
                        .interval(Duration.ofSeconds(3601))
                        .build())
                .hasMessageContaining("but was PT1H1S");
    }

    @Test
    void shouldRefuseAnUnknownStrategyAndAConfigOfTheWrongType() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            assertThatThrownBy(() -> f.engine.start(
                            BotSpec.builder(BotId.of("b"), "scriptd", "x").build()))
                    .isInstanceOf(UnknownStrategyException.class)
                    .hasMessageContaining("did you mean 'scripted'");
            assertThatThrownBy(() -> f.engine.start(BotSpec.builder(BotId.of("b"), "scripted", "not a script")
                            .build()))
                    .isInstanceOf(InvalidBotSpecException.class)
                    .hasMessageContaining("config must be a io.solbot.core.engine.Scripted$Script")
                    .hasMessageContaining("but was a java.lang.String");
        }
    }

    @Test
    void shouldGiveAnImmutableSnapshotOfEveryBotOrderedById() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("b-2", Scripted::idle).build());
            f.engine.start(spec("b-1", Scripted::idle).build());
            f.advance(Duration.ofMillis(2500));
            List<BotStatus> before = f.engine.statuses();
            f.advance(Duration.ofSeconds(2));

            assertThat(before).extracting(s -> s.botId().value()).containsExactly("b-1", "b-2");
            assertThat(before).allSatisfy(s -> assertThat(s.tickCount()).isEqualTo(3));
            assertThat(f.engine.statuses()).allSatisfy(s -> {
                assertThat(s.tickCount()).isEqualTo(5);
                assertThat(s.uptime()).isEqualTo(Duration.ofMillis(4500));
                assertThat(s.lastTickAt()).isPresent();
            });
            assertThatThrownBy(() -> before.add(before.getFirst())).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void shouldGiveAPageOfTheStatusesAfterABotIdSnapshottingOnlyThatPage() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            for (String id : List.of("p-07", "p-03", "p-11", "p-01", "p-05", "p-09")) {
                f.engine.start(spec(id, Scripted::idle).build());
            }
            f.advance(Duration.ofMillis(1500));

            assertThat(f.engine.statuses(null, 4))
                    .extracting(s -> s.botId().value())
                    .containsExactly("p-01", "p-03", "p-05", "p-07");
            assertThat(f.engine.statuses(BotId.of("p-05"), 4))
                    .extracting(s -> s.botId().value())
                    .containsExactly("p-07", "p-09", "p-11");
            assertThat(f.engine.statuses(BotId.of("p-04"), 1))
                    .extracting(s -> s.botId().value())
                    .containsExactly("p-05");
            assertThat(f.engine.statuses(BotId.of("p-11"), 10)).isEmpty();
            assertThat(f.engine.statuses(null, 100)).isEqualTo(f.engine.statuses());
            assertThatThrownBy(() -> f.engine.statuses(null, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be at least 1, but was 0");
        }
    }
    /** A provider of scripted strategies under another id, that needs {@code needs}. */
    private static StrategyProvider<Scripted.Script> needing(String id, Set<Capability> needs) {
        return new StrategyProvider<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int spiVersion() {
                return StrategyProvider.SPI_VERSION;
            }

            @Override
            public Class<Scripted.Script> configType() {
                return Scripted.Script.class;
            }

            @Override
            public Set<Capability> capabilities() {
                return needs;
            }

            @Override
            public Strategy create(Scripted.Script config) {
                return config.factory().get();
            }
        };
    }

    private static BotSpec specOf(String botId, String strategyId) {
        return BotSpec.builder(BotId.of(botId), strategyId, new Scripted.Script(botId, Scripted::idle))
                .interval(Duration.ofSeconds(1))
                .build();
    }

    @Test
    void shouldRefuseABotWhoseStrategyNeedsACapabilityTheEngineDoesNotSupplyAndStartOneItDoes() {
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.strategyProvider(needing("fleet", Set.of(Capability.PRICES, Capability.MULTI_WALLET)))
                        .strategyProvider(needing("pricer", Set.of(Capability.PRICES))))) {
            String message = "The spec of bot 'fleet-1' is invalid: strategy 'fleet' needs [multi-wallet], which this"
                    + " engine does not supply (its market data supplies [prices], its executor [])";
            assertThatThrownBy(() -> f.engine.start(specOf("fleet-1", "fleet")))
                    .isInstanceOf(InvalidBotSpecException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> f.engine.recover(specOf("fleet-1", "fleet")))
                    .isInstanceOf(InvalidBotSpecException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> f.status("fleet-1")).isInstanceOf(NoSuchBotException.class);
            assertThat(f.stores.writes()).isZero();

            assertThat(f.engine.start(specOf("pricer-1", "pricer")).status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void shouldRefuseABotThatNeedsPricesOnAnEngineWithoutMarketData() {
        try (SolbotEngine engine = SolbotEngine.builder()
                .strategyProvider(needing("pricer", Set.of(Capability.PRICES)))
                .clock(SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)))
                .build()) {
            assertThatThrownBy(() -> engine.start(specOf("pricer-1", "pricer")))
                    .isInstanceOf(InvalidBotSpecException.class)
                    .hasMessageContaining("strategy 'pricer' needs [prices]")
                    .hasMessageContaining("its market data supplies []");
        }
    }

    @Test
    void shouldCountUptimeOnlyWhileTheBotRuns() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            BotId id = BotId.of("worker");
            f.engine.start(spec("worker", Scripted::idle).build());
            f.advance(Duration.ofSeconds(10));
            f.engine.pause(id);
            f.advance(Duration.ofSeconds(20));
            assertThat(f.status("worker").uptime()).isEqualTo(Duration.ofSeconds(10));
            f.engine.resume(id);
            f.advance(Duration.ofSeconds(5));
            assertThat(f.status("worker").uptime()).isEqualTo(Duration.ofSeconds(15));
            f.engine.stop(id);
            f.advance(Duration.ofSeconds(7));
            assertThat(f.status("worker").uptime()).isEqualTo(Duration.ofSeconds(15));

            // an operator's restart starts the count again
            f.engine.restart(id);
            f.advance(Duration.ofSeconds(3));
            assertThat(f.status("worker").uptime()).isEqualTo(Duration.ofSeconds(3));
        }
    }
}
