package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.market.Listing;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {
    private static final String PLUGINS = System.getProperty("solbot.test.pluginsDir");
    private static final String BONK = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {
        /** The rows of the results table, by bot id: each row's cells, split on runs of two or more spaces. */
        Map<String, List<String>> rows() {
            return out.lines()
                    .dropWhile(l -> !l.startsWith("BOT "))
                    .skip(1)
                    .takeWhile(l -> !l.isBlank())
                    .map(l -> Arrays.asList(l.trim().split(" {2,}")))
                    .collect(Collectors.toMap(List::getFirst, Function.identity()));
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    @Test
    void shouldTradeEveryBotOfTheReadmesPaperBotsFileWithinItsFirstMinutes() {
        Result result = run("backtest", "--config", "paper-bots.yaml", "--duration", "3m", "--plugins-dir", PLUGINS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, List<String>> rows = result.rows();
        assertThat(rows.values())
                .extracting(r -> r.get(1))
                .contains(
                        "sniper",
                        "scalper",
                        "breakout",
                        "dip-buyer",
                        "paper-trader",
                        "rebalancer",
                        "rotation-bot",
                        "chad-mode",
                        "stealth-bot",
                        "delayed-sniper",
                        "trend-follower",
                        "schedule-launcher",
                        "dca",
                        "limit",
                        "grid",
                        "tp-sl",
                        "copy-trade",
                        "turbo-sniper",
                        "turbo-paper-trader",
                        "ma-cross");
        // BUYS, the fourth column: every bot bought within three simulated minutes
        assertThat(rows)
                .hasSize(21)
                .allSatisfy((bot, cells) -> assertThat(Integer.parseInt(cells.get(3)))
                        .as(bot + ": " + cells)
                        .isPositive());
        assertThat(result.out())
                .containsPattern("(?m)^Fingerprint: [0-9a-f]{64} \\(\\d+ fills, \\d+ failed orders\\)$");
    }

    @Test
    void shouldPrintTheSameOutputForTheSameFileAndSeed() {
        String[] args = {
            "backtest", "--config", "paper-bots.yaml", "--seed", "7", "--duration", "5m", "--plugins-dir", PLUGINS
        };
        Result first = run(args);
        Result second = run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        Result other = run(
                "backtest", "--config", "paper-bots.yaml", "--seed", "8", "--duration", "5m", "--plugins-dir", PLUGINS);
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void shouldRunAPriceSeriesToItsLastRow() throws IOException {
        Path series = Files.writeString(tmp.resolve("bonk.csv"), """
                time,mint,price,solReserve
                2026-03-01T00:00:00Z,%1$s,0.00001,1000
                2026-03-01T00:01:00Z,%1$s,0.000011,
                2026-03-01T00:02:00Z,%1$s,0.000012,
                2026-03-01T00:03:00Z,%1$s,0.000013,
                """.formatted(BONK));
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), """
                bots:
                  - id: chad-bonk
                    mode: chad-mode
                    config: {outputMint: %s, amountToSpend: 0.1, slippage: 2, interval: 5, maxTrades: 1,
                             autoSell: {delay: 90000}}
                """.formatted(BONK));

        Result result = run("backtest", "--config", bots.toString(), "--series", series.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("on the price series " + series + ", to its last event of simulated time from"
                        + " 2026-03-01T00:00:00Z in steps of 1s");
        // bought at 0.00001, sold 90 s later after a rise of 10 %: one buy, one sell, one closed trade, a win
        List<String> row = result.rows().get("chad-bonk");
        assertThat(row.subList(3, 8)).containsExactly("1", "1", "0", "1", "100.0 %");
        assertThat(row.get(8)).startsWith("+0.0");
    }

    @Test
    void shouldReplayARecordedMarketToItsLastEvent() throws IOException {
        Path recording = tmp.resolve("market.jsonl");
        Instant start = BacktestCommand.RANDOM_START;
        try (SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(3, start), Listing.WELL_KNOWN);
                MarketRecorder recorder = MarketRecorder.to(recording)) {
            market.listen(recorder);
            market.advanceTo(start.plus(Duration.ofMinutes(3)));
        }
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), """
                bots:
                  - id: chad-bonk
                    mode: chad-mode
                    config: {outputMint: %s, amountToSpend: 0.1, slippage: 2, interval: 5, maxTrades: 2,
                             autoSell: {delay: 30000}}
                """.formatted(BONK));

        Result result = run("backtest", "--config", bots.toString(), "--recording", recording.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("on the recording " + recording + ", to its last event");
        // two buys, each dumped 30 s later, within the recording's three minutes
        assertThat(result.rows().get("chad-bonk").subList(3, 7)).containsExactly("2", "2", "0", "2");
    }

    @Test
    void shouldPrintEveryErrorOfABadFileWithItsLineAndExitWithTwo() throws IOException {
        Path bots = Files.writeString(tmp.resolve("bad.yaml"), """
                bots:
                  - id: s1
                    mode: snipr
                    config: {}
                  - id: s2
                    mode: sniper
                    config: {amountToSpend: 0, slippage: 1, interval: 30, maxTrades: 5, tokenFeed: trending}
                """);

        Result result = run("backtest", "--config", bots.toString(), "--duration", "1m");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("bad.yaml: 2 errors; nothing was run:")
                .contains("line 3, column 11: bot 's1': mode 'snipr' is not a known strategy")
                .contains("line 7, column 29: bot 's2': amountToSpend must be greater than 0 SOL, but was 0");
    }

    @Test
    void shouldNameTheLineOfABadSeriesAndExitWithTwo() throws IOException {
        Path series = Files.writeString(
                tmp.resolve("bad.csv"),
                "time,mint,price\n2026-03-01T00:00:00Z," + BONK + ",0.00001\nyesterday," + BONK + ",0.00002\n");
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), """
                bots:
                  - id: chad-bonk
                    mode: chad-mode
                    config: {outputMint: %s, amountToSpend: 0.1, slippage: 2, interval: 5, maxTrades: 1}
                """.formatted(BONK));

        Result result = run("backtest", "--config", bots.toString(), "--series", series.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.csv: line 3: time 'yesterday' is neither an ISO-8601 instant");
    }
}
