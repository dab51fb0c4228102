package io.solbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What each example must print, checked the same way in this JVM and in a JVM of its own. */
final class ExampleOutputs {
    /** A price as people read it: at most 10 significant digits. */
    private static final String PRICE = "0\\.0*[1-9]\\d{0,9}";

    private static final Pattern STATUS =
            Pattern.compile("^(\\S+) (RUNNING|PAUSED|STOPPED|FAILED): (\\d+) ticks, (\\d+) trades, (\\d+) open.*$");

    private ExampleOutputs() {}

    /** The built-in strategies from solbot-strategies' jar, and {@code hold} as {@code version} from {@code source}. */
    static void discovered(String out, String holdVersion, String holdSource) {
        assertThat(out.lines())
                .noneMatch(line -> line.startsWith("refused: "))
                .anyMatch(line -> line.matches("sniper \\S+ from .*solbot-strategies.*"))
                .anyMatch(line -> line.matches("chad-mode \\S+ from .*solbot-strategies.*"))
                .contains("hold " + holdVersion + " from " + holdSource)
                .anyMatch(line -> line.startsWith("chadMode is chad-mode: "));
        // the 19 built-in strategies and hold
        assertThat(out.lines().filter(line -> line.contains(" from ")).count()).isEqualTo(20);
    }

    /** The plan of the two bots, their settings, and every error of the bad file with its line and column. */
    static void planned(String out) {
        assertThat(out.lines())
                .contains(
                        "Plan: 2 bots",
                        "sniper-trending: 10 trades at most, one every 30 s or more",
                        "chad-bonk: 1 trades at most, one every 20 s or more",
                        "  bot 'chad-bonk': slippage is 12 %, above 10 %",
                        "line 7, column 29: bot 'sniper-2': amountToSpend must be greater than 0 SOL, but was 0",
                        "line 7, column 42: bot 'sniper-2': slippage must be between 0.01 and 99 %, but was 150",
                        "line 7, column 72: bot 'sniper-2': maxTrades must be between 1 and 20, but was 25")
                .anyMatch(line -> line.matches("sniper-trending +sniper +main +0\\.05 SOL +10 +0\\.5 SOL .*"))
                .anyMatch(line ->
                        line.startsWith("line 3, column 11: bot 'sniper-1': mode 'snipr' is not a known strategy: "
                                + "did you mean 'sniper'?"));
    }

    /** Both bots of the file ran and traded, neither reports an error, and the second one was paused. */
    static void tradedInRealTime(String out) {
        List<Matcher> bots = statuses(out);
        assertThat(bots).extracting(m -> m.group(1)).containsExactly("bonk-hold", "wif-hold");
        assertThat(bots).extracting(m -> m.group(2)).containsExactly("RUNNING", "PAUSED");
        for (Matcher bot : bots) {
            assertThat(Integer.parseInt(bot.group(3)))
                    .as("ticks of %s", bot.group(1))
                    .isGreaterThanOrEqualTo(3);
            assertThat(Integer.parseInt(bot.group(4)))
                    .as("trades of %s", bot.group(1))
                    .isPositive();
            assertThat(bot.group()).endsWith("last error none");
        }
        assertThat(out).doesNotContain("did not start", "failed");
    }

    /** One order filled in three parts at readable prices, and the market's events were recorded. */
    static void tradedOnce(String out) {
        assertThat(out.lines())
                .anyMatch(line -> line.matches("BONK costs " + PRICE + " SOL after a minute"))
                .filteredOn(line -> line.startsWith("part "))
                .hasSize(3)
                .allMatch(line -> line.matches(
                        "part [123]/3: \\d+\\.\\d{5} BONK at " + PRICE + " SOL, fee 15000 lamports, tip 0 lamports"));
        assertThat(out.lines()).anyMatch(line -> line.matches("\\d{3,} market events recorded"));
    }

    /** Both bots completed their trades in the hour, and the replay of the recorded market traded the same. */
    static void backtested(String out) {
        assertThat(out.lines())
                .containsSubsequence(
                        "bonk-hold STOPPED: 77 ticks, 20 trades, 0 open",
                        "wif-hold STOPPED: 31 ticks, 10 trades, 0 open",
                        "bonk-hold STOPPED: 77 ticks, 20 trades, 0 open",
                        "wif-hold STOPPED: 31 ticks, 10 trades, 0 open",
                        "the replay traded the same: true")
                .anyMatch(line ->
                        line.matches("60 fills, 0 failed orders, \\d+ market events; fingerprint [0-9a-f]{64}"));
    }

    /** A verdict for each of the three tokens, WIF refused by our own check with its reason. */
    static void checkedSafety(String out) {
        assertThat(out.lines())
                .hasSize(3)
                .anyMatch(line -> line.matches("BONK: (ALLOW|REFUSE), risk \\d+/100 \\(buys refused from 50\\).*"))
                .anyMatch(line -> line.matches("JUP: (ALLOW|REFUSE), risk \\d+/100 \\(buys refused from 50\\).*"))
                .anyMatch(line -> line.matches("WIF: REFUSE, risk 100/100 \\(buys refused from 50\\): .*deny-list "
                        + "FAIL \\(100\\): WIF is on our deny list"));
    }

    /** The bot's run and trades came back from PostgreSQL, with prices fit to read. */
    static void keptInPostgres(String out) {
        assertThat(out.lines())
                .anyMatch(line -> line.matches(
                        "bonk-hold STOPPED: 40 fills, 20 closed trades, 0 open positions, -?\\d+\\.\\d+ SOL net"))
                .filteredOn(line -> line.contains(" sold at "))
                .hasSize(3)
                .allMatch(line -> line.matches("2026-01-01T\\S+Z sold at " + PRICE + " SOL \\(bought at " + PRICE
                        + "\\): -?\\d+\\.\\d{9} SOL"));
        assertThat(out.lines()).contains("next page: 3 more");
    }

    private static List<Matcher> statuses(String out) {
        return out.lines().map(STATUS::matcher).filter(Matcher::matches).toList();
    }
}
