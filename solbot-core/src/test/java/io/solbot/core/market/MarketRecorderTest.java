package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketRecorderTest {
    private static final MarketEvent.TokenListed LISTED = new MarketEvent.TokenListed(
            T0,
            TOKEN,
            "TKN",
            6,
            Lamports.of(30_000_000_000L),
            new TokenAmount(new BigInteger("18446744073709551615"), 6),
            100,
            new Authorities("mintAuth1111111111111111111111111111111111", null),
            false,
            List.of(
                    new Holder("owner1", TokenAmount.of(500, 6), false),
                    new Holder("owner2", TokenAmount.of(400, 6), true)));

    @Test
    void shouldWriteAndReadBackEveryKindOfEventExactly() {
        List<MarketEvent> events = List.of(
                LISTED,
                new MarketEvent.Swapped(T0.plusMillis(1), TOKEN, Side.BUY, BigInteger.valueOf(123_456_789)),
                new MarketEvent.Swapped(T0.plusMillis(2), TOKEN, Side.SELL, new BigInteger("99999999999999999999")),
                new MarketEvent.Swapped(T0.plusMillis(2), TOKEN, Side.SELL, BigInteger.valueOf(500), "owner1"),
                new MarketEvent.Repriced(T0.plusMillis(3), TOKEN, Price.of("0.000000012345678901")),
                new MarketEvent.LiquidityPulled(T0.plusMillis(4), TOKEN, 9_900));
        StringWriter out = new StringWriter();
        try (MarketRecorder recorder = MarketRecorder.to(out)) {
            events.forEach(recorder);
            assertThat(recorder.written()).isEqualTo(6);
        }
        assertThat(out.toString().lines()).hasSize(6);
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .startsWith("{\"t\":1767225600000,\"e\":\"listed\",\"mint\":\"" + TOKEN.address() + "\"");
        MarketEventCodec codec = new MarketEventCodec();
        List<MarketEvent> read = out.toString().lines().map(codec::read).toList();
        assertThat(read).isEqualTo(events);
    }

    @Test
    void shouldReplayARecordedRandomMarketIntoTheSameStateAndTheSameRecording(@TempDir Path dir) {
        Path file = dir.resolve("market.jsonl");
        RandomMarketSettings settings = RandomMarketSettings.defaults(99, T0).withLaunches(0.2, 0.02, 0.3);
        List<String> original = new ArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings);
                MarketRecorder recorder = MarketRecorder.to(file)) {
            market.listen(recorder);
            market.advanceTo(T0.plus(Duration.ofMinutes(3)));
            for (var mint : market.mints()) {
                original.add(mint + " " + market.pool(mint).orElseThrow());
            }
        }
        StringWriter again = new StringWriter();
        List<String> replayed = new ArrayList<>();
        try (SimulatedMarket replay = SimulatedMarket.replay(file);
                MarketRecorder recorder = MarketRecorder.to(again)) {
            replay.listen(recorder);
            assertThat(replay.now()).isEqualTo(T0);
            replay.advanceTo(T0.plus(Duration.ofMinutes(3)));
            assertThat(replay.nextEventTime()).isEmpty();
            for (var mint : replay.mints()) {
                replayed.add(mint + " " + replay.pool(mint).orElseThrow());
            }
        }
        assertThat(replayed).isEqualTo(original);
        assertThat(again.toString()).isEqualTo(readString(file));
    }

    @Test
    void shouldReadSwapsRecordedBeforeTheyCouldNameATraderAndWriteAnonymousOnesTheSameWay() {
        String old = "{\"t\":1767225600001,\"e\":\"swap\",\"mint\":\"" + TOKEN.address()
                + "\",\"side\":\"SELL\",\"in\":\"42\"}";
        MarketEvent read = new MarketEventCodec().read(old);
        assertThat(read).isEqualTo(new MarketEvent.Swapped(T0.plusMillis(1), TOKEN, Side.SELL, BigInteger.valueOf(42)));
        assertThat(((MarketEvent.Swapped) read).by()).isEmpty();
        StringWriter out = new StringWriter();
        try (MarketRecorder recorder = MarketRecorder.to(out)) {
            recorder.accept(read);
        }
        assertThat(out.toString()).isEqualTo(old + "\n");
        String named = old.replace("}", ",\"by\":\"dev1\"}");
        assertThat(((MarketEvent.Swapped) new MarketEventCodec().read(named)).by())
                .contains("dev1");
    }

    @Test
    void shouldNameTheLineOfABrokenRecording() {
        String text = "{\"t\":1767225600000,\"e\":\"rug\",\"mint\":\"" + TOKEN.address() + "\",\"removedBps\":1}\n"
                + "{\"t\":1767225600001,\"e\":\"swap\",\"mint\":\"" + TOKEN.address() + "\",\"side\":\"BUY\"}\n";
        // the market opens with the events due at its start, and reading them reads the next line too
        assertThatThrownBy(() -> SimulatedMarket.replay(new StringReader(text)))
                .hasMessageContaining("line 2: missing field 'in'");
    }

    @Test
    void shouldRefuseUnknownFields() {
        assertThatThrownBy(() -> new MarketEventCodec()
                        .read("{\"t\":1,\"e\":\"rug\",\"mint\":\"" + TOKEN.address() + "\",\"removedBps\":1,\"x\":2}"))
                .hasMessage("unknown field 'x'");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
