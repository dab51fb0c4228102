package io.solbot.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random simulated markets (launches, rugs, honeypots) and random valid configs of the strategies that trade,
 * backtested together: no bot ever spends more than its budget, buys more than its max trades, holds more positions
 * than its max open trades, or sells what it does not hold, and a seeded run repeats to the same fingerprint.
 *
 * <p>Eight tries by default (about 15 s); {@code -Dsolbot.property.tries=N} for a longer soak, {@code -Dsolbot.property.seed=S} to
 * repeat one try (its seed is in the test's name).
 */
class StrategyPropertyTest {
    private static final Duration RUN = Duration.ofMinutes(20);
    private static final Lamports WALLET = Lamports.ofSol("10");
    private static final List<String> MINTS =
            Listing.WELL_KNOWN.stream().map(l -> l.mint().address()).toList();
    private static final int SMART_WALLETS = 5;
    private static final List<String> TRADING = List.of(
            "sniper",
            "scalper",
            "breakout",
            "dipBuyer",
            "paperTrader",
            "chadMode",
            "stealthBot",
            "rotationBot",
            "rebalancer",
            "delayedSniper",
            "scheduleLauncher",
            "trendFollower",
            "dca",
            "limit",
            "grid",
            "tpSl",
            "copyTrade",
            "turboSniper",
            "turboPaperTrader");

    static LongStream seeds() {
        String seed = System.getProperty("solbot.property.seed");
        if (seed != null) {
            return LongStream.of(Long.parseLong(seed));
        }
        int tries = Integer.parseInt(System.getProperty("solbot.property.tries", "8"));
        return new Random(20261212L).longs(tries);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldKeepEveryBotWithinItsLimitsOnARandomMarket(long seed) {
        Random random = new Random(seed);
        RandomMarketSettings market = RandomMarketSettings.defaults(random.nextLong(), StrategyRuns.START)
                .withLaunches(
                        0.02 + random.nextDouble() * 0.18, 0.001 + random.nextDouble() * 0.02, random.nextDouble() / 2)
                // the wallets the copy traders follow (those of SMART_WALLETS beyond the market's never trade)
                .withSmartWallets(random.nextInt(1, SMART_WALLETS + 1), 0.005 + random.nextDouble() * 0.05);
        List<Bot> bots = new ArrayList<>();
        for (String mode : TRADING) {
            bots.add(bot(mode, bots.size(), random));
        }
        for (int extra = random.nextInt(10); extra > 0; extra--) {
            bots.add(bot(TRADING.get(random.nextInt(TRADING.size())), bots.size(), random));
        }
        StringBuilder yaml = new StringBuilder("bots:\n");
        bots.forEach(b -> yaml.append("  - id: ")
                .append(b.id())
                .append("\n    mode: ")
                .append(b.mode())
                .append("\n    config: ")
                .append(b.config())
                .append('\n'));

        StrategyRuns.Run run = StrategyRuns.backtest(
                yaml.toString(), market, RUN, p -> p.withWallets(PaperSettings.Wallets.of(WALLET)));

        String file = "seed " + seed + ", bots file:\n" + yaml;
        for (Bot bot : bots) {
            List<Fill> fills = run.fills().stream()
                    .filter(f -> f.botId().value().equals(bot.id()))
                    .toList();
            check(bot, fills, run.wallets().of(bot.id(), "default").sol(), file);
        }
        StrategyRuns.Run again = StrategyRuns.backtest(
                yaml.toString(), market, RUN, p -> p.withWallets(PaperSettings.Wallets.of(WALLET)));
        assertThat(again.fingerprint()).as(file).isEqualTo(run.fingerprint());
    }

    /** Checks {@code bot}'s fills, in the order the executor produced them, against its limits. */
    private static void check(Bot bot, List<Fill> fills, Lamports solLeft, String file) {
        Limits limits = bot.limits();
        String who = "bot " + bot.id() + " (" + bot.config() + ") in " + file;
        Map<OrderId, Long> spentPerBuy = new HashMap<>();
        Map<LocalDate, Long> spentPerDay = new HashMap<>();
        Map<Mint, BigInteger> held = new HashMap<>();
        long spent = 0;
        long sol = WALLET.value();
        for (Fill f : fills) {
            sol += (f.side() == Side.BUY ? -f.sol().value() : f.sol().value())
                    - f.fee().value()
                    - f.tip().value();
            assertThat(sol).as("SOL left after %s, %s", f, who).isGreaterThanOrEqualTo(limits.solFloor());
            if (f.side() == Side.BUY) {
                long lamports = f.sol().value();
                spent = Math.addExact(spent, lamports);
                spentPerBuy.merge(f.orderId(), lamports, Math::addExact);
                spentPerDay.merge(LocalDate.ofInstant(f.submittedAt(), ZoneOffset.UTC), lamports, Math::addExact);
                held.merge(f.mint(), f.amountOut().raw(), BigInteger::add);
                assertThat(spentPerBuy.get(f.orderId()))
                        .as("one buy's SOL, %s", who)
                        .isLessThanOrEqualTo(limits.perBuy());
                assertThat(spent).as("SOL spent, %s", who).isLessThanOrEqualTo(limits.total());
                assertThat(spentPerDay.values()).as("SOL per day, %s", who).allMatch(d -> d <= limits.perDay());
                assertThat(spentPerBuy).as("buys, %s", who).hasSizeLessThanOrEqualTo(limits.buys());
                assertThat(held.values().stream().filter(h -> h.signum() > 0).count())
                        .as("open positions after %s, %s", f, who)
                        .isLessThanOrEqualTo(limits.open());
            } else {
                BigInteger before = held.getOrDefault(f.mint(), BigInteger.ZERO);
                assertThat(f.amountIn().raw()).as("sold in %s, %s", f, who).isLessThanOrEqualTo(before);
                held.put(f.mint(), before.subtract(f.amountIn().raw()));
            }
        }
        assertThat(solLeft.value()).as("SOL left at the end, %s", who).isGreaterThanOrEqualTo(limits.solFloor());
    }

    /** One bot of the bots file: its config as a YAML flow mapping, and what it must never exceed. */
    private record Bot(String id, String mode, String config, Limits limits) {}

    /**
     * @param buys the most buy orders
     * @param perBuy the most lamports one buy order spends
     * @param total the most lamports all buys spend
     * @param perDay the most lamports the buys submitted on one UTC day spend
     * @param open the most tokens held at once
     * @param solFloor the least SOL the wallet keeps, counting fills, their fees and tips
     */
    private record Limits(int buys, long perBuy, long total, long perDay, int open, long solFloor) {}

    private static Bot bot(String mode, int index, Random r) {
        String id = mode.toLowerCase() + "-" + index;
        Fields c = new Fields();
        return switch (mode) {
            case "chadMode" -> {
                BigDecimal amount = sol(r, 1, 30, 100);
                int maxTrades = r.nextInt(1, 21);
                int slippage = r.nextInt(1, 6);
                c.put("amountToSpend", amount)
                        .put("slippage", slippage)
                        .put("interval", r.nextInt(1, 31))
                        .put("maxTrades", maxTrades)
                        .put("slippageMaxPct", slippage + r.nextInt(0, 10))
                        .put("feeEscalationLamports", r.nextInt(0, 20_000))
                        .put("priorityFeeLamports", r.nextInt(0, 50_000));
                if (r.nextBoolean()) {
                    c.put("outputMint", pick(MINTS, r));
                } else {
                    c.putList("outputMints", some(MINTS, r));
                }
                c.putRaw(
                        "autoSell",
                        "{delay: " + r.nextInt(0, 60_000) + ", dumpPct: " + r.nextInt(1, 101) + ", randomJitterMs: "
                                + r.nextInt(0, 5_000) + "}");
                int open = maybeOpen(c, r, Integer.MAX_VALUE);
                yield new Bot(id, mode, c.yaml(), spending(amount, maxTrades, Long.MAX_VALUE, open));
            }
            case "stealthBot" -> {
                int wallets = r.nextInt(1, 5);
                BigDecimal size = sol(r, 1, 20, 100);
                long delayMin = r.nextInt(0, 5_000);
                c.putList(
                                "wallets",
                                java.util.stream.IntStream.rangeClosed(1, wallets)
                                        .mapToObj(i -> "w" + i)
                                        .toList())
                        .put("tokenMint", pick(MINTS, r))
                        .put("positionSize", size)
                        .put("slippage", r.nextInt(1, 6))
                        .put("delayMinMs", delayMin)
                        .put("delayMaxMs", delayMin + r.nextInt(0, 30_000))
                        .put("sizeJitterPct", r.nextInt(0, 51))
                        .put("slippageJitterPct", r.nextInt(0, 51));
                long perDay = Long.MAX_VALUE;
                if (r.nextBoolean()) {
                    BigDecimal cap = sol(r, 1, 40, 100);
                    c.put("maxDailyVolume", cap);
                    perDay = lamports(cap);
                }
                long total = lamports(size) * wallets;
                yield new Bot(id, mode, c.yaml(), new Limits(wallets, total, total, perDay, Integer.MAX_VALUE, 0));
            }
            case "rotationBot" -> {
                int maxTrades = r.nextInt(1, 21);
                int maxRotations = r.nextInt(1, 6);
                BigDecimal gas = sol(r, 1, 10, 100);
                c.putList("tokens", MINTS)
                        .put("slippage", r.nextInt(1, 6))
                        .put("maxTrades", maxTrades)
                        .put("rotationInterval", r.nextInt(30, 301) * 1_000)
                        .put("priceChangeWindow", pick(List.of("1m", "5m", "15m"), r))
                        .put("minMomentum", r.nextInt(0, 3))
                        .put("cooldown", r.nextInt(0, 120))
                        .put("maxRotations", maxRotations)
                        .put("gasBufferSol", gas);
                int open = maybeOpen(c, r, Integer.MAX_VALUE);
                yield new Bot(
                        id,
                        mode,
                        c.yaml(),
                        new Limits(
                                Math.min(maxTrades, maxRotations),
                                Long.MAX_VALUE,
                                Long.MAX_VALUE,
                                Long.MAX_VALUE,
                                open,
                                lamports(gas)));
            }
            case "rebalancer" -> {
                List<String> targets = some(MINTS, r);
                int maxRebalances = r.nextInt(1, 6);
                BigDecimal floor = sol(r, 1, 100, 100);
                StringBuilder weights = new StringBuilder("{");
                for (String mint : targets) {
                    weights.append(weights.length() > 1 ? ", " : "")
                            .append(mint)
                            .append(": ")
                            .append(r.nextInt(1, 100));
                }
                c.putRaw("targetAllocations", weights + "}")
                        .put("rebalanceThreshold", r.nextInt(1, 21))
                        .put("rebalanceInterval", r.nextInt(30, 601) * 1_000)
                        .put("minSolBalance", floor)
                        .put("minTradeUsd", r.nextInt(0, 21))
                        .put("slippage", r.nextInt(1, 6))
                        .put("maxRebalances", maxRebalances);
                int perCycle = targets.size();
                if (r.nextBoolean()) {
                    perCycle = r.nextInt(1, 4);
                    c.put("maxTradesPerCycle", perCycle);
                }
                int open = maybeOpen(c, r, Integer.MAX_VALUE);
                yield new Bot(
                        id,
                        mode,
                        c.yaml(),
                        new Limits(
                                maxRebalances * perCycle,
                                Long.MAX_VALUE,
                                Long.MAX_VALUE,
                                Long.MAX_VALUE,
                                open,
                                lamports(floor)));
            }
            case "scheduleLauncher" -> scheduleLauncher(id, mode, c, r);
            case "dca" -> {
                BigDecimal each = sol(r, 1, 50, 100);
                int buys = r.nextInt(1, 20);
                c.put("tokenMint", pick(MINTS, r))
                        .put("amountPerBuy", each)
                        .put("numBuys", buys)
                        .put("freqHours", BigDecimal.valueOf(r.nextInt(1, 20), 2));
                if (r.nextBoolean()) {
                    c.put("stopAbove", BigDecimal.valueOf(r.nextInt(1, 30_000), 4));
                }
                long lamports = lamports(each);
                yield new Bot(id, mode, c.yaml(), new Limits(buys, lamports, lamports * buys, Long.MAX_VALUE, 1, 0));
            }
            case "grid" -> {
                BigDecimal each = sol(r, 1, 50, 100);
                int maxTrades = r.nextInt(1, 30);
                // around a well-known token's price in USD (BONK, JUP and WIF: 0.00002 to 2 USD)
                int lower = r.nextInt(1, 20_000);
                c.put("tokenMint", pick(MINTS, r))
                        .put("lowerPrice", BigDecimal.valueOf(lower, 4))
                        .put("upperPrice", BigDecimal.valueOf(lower + r.nextInt(1, 2_000), 4))
                        .put("levels", r.nextInt(2, 12))
                        .put("amountPerLevel", each)
                        .put("maxTrades", maxTrades)
                        .put("interval", r.nextInt(1, 30))
                        .put("rebuild", r.nextBoolean());
                long lamports = lamports(each);
                yield new Bot(
                        id,
                        mode,
                        c.yaml(),
                        new Limits(maxTrades, lamports, lamports * maxTrades, Long.MAX_VALUE, 1, 0));
            }
            case "copyTrade" -> {
                BigDecimal max = sol(r, 1, 50, 100);
                int maxTrades = r.nextInt(1, 30);
                int open = r.nextInt(1, 6);
                List<String> leaders = new ArrayList<>();
                for (int i = 0; i < SMART_WALLETS; i++) {
                    if (r.nextInt(3) == 0 || (i == SMART_WALLETS - 1 && leaders.isEmpty())) {
                        leaders.add(RandomMarketSettings.smartWallet(i));
                    }
                }
                c.putList("wallets", leaders);
                if (r.nextBoolean()) {
                    c.put("scalePct", BigDecimal.valueOf(r.nextInt(1, 5_000), 2))
                            .put("maxSolPerBuy", max);
                } else {
                    c.put("fixedSol", max);
                }
                c.put("maxTrades", maxTrades)
                        .put("maxOpenPositions", open)
                        .put("copyDelayMs", r.nextInt(0, 5_000))
                        .put("copySells", r.nextInt(4) > 0)
                        .put("interval", r.nextInt(1, 10));
                if (r.nextBoolean()) {
                    c.put("takeProfit", r.nextInt(1, 50)).put("stopLoss", r.nextInt(1, 50));
                }
                long lamports = lamports(max);
                yield new Bot(
                        id,
                        mode,
                        c.yaml(),
                        new Limits(maxTrades, lamports, lamports * maxTrades, Long.MAX_VALUE, open, 0));
            }
            case "tpSl" -> {
                BigDecimal amount = sol(r, 1, 50, 100);
                c.put("tokenMint", pick(MINTS, r))
                        .put("amountToSpend", amount)
                        .put("interval", r.nextInt(1, 30))
                        .putRaw(
                                "rules",
                                "[{tp: " + r.nextInt(1, 30) + ", sellPct: " + r.nextInt(1, 101) + "}, {tp: "
                                        + r.nextInt(1, 60) + ", sellPct: " + r.nextInt(1, 101) + "}, {sl: "
                                        + r.nextInt(1, 50) + ", sellPct: 100}]");
                if (r.nextBoolean()) {
                    c.put("maxHoldSec", r.nextInt(1, 1200));
                }
                long lamports = lamports(amount);
                yield new Bot(id, mode, c.yaml(), new Limits(1, lamports, lamports, Long.MAX_VALUE, 1, 0));
            }
            case "limit" -> {
                BigDecimal amount = sol(r, 1, 50, 100);
                int buyAt = r.nextInt(1, 30_000);
                c.put("tokenMint", pick(MINTS, r))
                        .put("buyAtOrBelow", BigDecimal.valueOf(buyAt, 4))
                        .put("amountToSpend", amount)
                        .put("interval", r.nextInt(1, 30));
                if (r.nextBoolean()) {
                    c.put("sellAtOrAbove", BigDecimal.valueOf(buyAt + r.nextInt(1, 1_000), 4))
                            .put("sellPct", r.nextInt(1, 101));
                }
                if (r.nextBoolean()) {
                    c.put("expiryHours", BigDecimal.valueOf(r.nextInt(1, 100), 2));
                }
                long lamports = lamports(amount);
                yield new Bot(id, mode, c.yaml(), new Limits(1, lamports, lamports, Long.MAX_VALUE, 1, 0));
            }
            default -> feedBot(id, mode, c, r);
        };
    }

    /** A schedule launcher: equal buys on an interval, or limit tiers of their own amounts, bought once each. */
    private static Bot scheduleLauncher(String id, String mode, Fields c, Random r) {
        c.put("outputMint", pick(MINTS, r)).put("slippage", r.nextInt(1, 11));
        if (r.nextBoolean()) {
            c.put("startTime", "'" + StrategyRuns.START.plusSeconds(r.nextInt(0, 600)) + "'");
        }
        if (r.nextBoolean()) {
            int tiers = r.nextInt(1, 4);
            StringBuilder list = new StringBuilder("[");
            long largest = 0;
            long total = 0;
            for (int i = 0; i < tiers; i++) {
                BigDecimal amount = sol(r, 1, 50, 100);
                // tiers around a well-known token's price in USD (BONK, JUP and WIF: 0.00002 to 2 USD)
                list.append(i == 0 ? "" : ", ")
                        .append("{price: ")
                        .append(BigDecimal.valueOf(r.nextInt(1, 30_000), 4).toPlainString())
                        .append(", amount: ")
                        .append(amount.toPlainString())
                        .append('}');
                largest = Math.max(largest, lamports(amount));
                total = Math.addExact(total, lamports(amount));
            }
            c.put("buyMode", "limit").putRaw("limitConfigs", list.append(']').toString());
            return new Bot(id, mode, c.yaml(), new Limits(tiers, largest, total, Long.MAX_VALUE, tiers, 0));
        }
        BigDecimal amount = sol(r, 1, 100, 100);
        int maxTrades = r.nextInt(1, 26);
        c.put("amountToSpend", amount).put("maxTrades", maxTrades).put("interval", r.nextInt(10, 120));
        long each = lamports(amount) / maxTrades;
        return new Bot(id, mode, c.yaml(), new Limits(maxTrades, each, each * maxTrades, Long.MAX_VALUE, 1, 0));
    }

    /**
     * A sniper, scalper, breakout, dip buyer, paper trader, delayed sniper, trend follower or turbo mode: the entry
     * pipeline and the shared exits.
     */
    private static Bot feedBot(String id, String mode, Fields c, Random r) {
        BigDecimal amount = sol(r, 1, 50, 100);
        int maxTrades = r.nextInt(1, 21);
        c.put("amountToSpend", amount)
                .put("slippage", r.nextInt(1, 11))
                .put("interval", r.nextInt(1, 31))
                .put("maxTrades", maxTrades)
                .put("cooldown", r.nextInt(0, 121))
                .put("haltOnFailures", r.nextInt(1, 6))
                .put("volumeThreshold", r.nextInt(0, 2) * 1_000)
                .put("minPoolUsd", r.nextInt(0, 3) * 10_000)
                .put("maxSlippage", BigDecimal.valueOf(r.nextInt(5, 101), 2))
                .put("takeProfit", r.nextInt(1, 30))
                .put("stopLoss", r.nextInt(1, 30));
        if (r.nextBoolean()) {
            c.put("tokenFeed", pick(List.of("new", "trending", "all", "volume-spike"), r));
        } else {
            c.putList("monitoredTokens", some(MINTS, r));
        }
        if (r.nextBoolean()) {
            c.put("entryThreshold", r.nextInt(0, 4));
        }
        if (r.nextBoolean()) {
            c.put("tpPercent", r.nextInt(10, 101)).put("slPercent", r.nextInt(10, 101));
        }
        if (r.nextBoolean()) {
            c.put("smartExitMode", "time").put("timeMaxHoldSec", r.nextInt(10, 600));
        }
        switch (mode) {
            case "dipBuyer" ->
                c.put("dipThreshold", r.nextInt(1, 10)).put("recoveryWindow", pick(List.of("1m", "5m"), r));
            case "breakout" ->
                c.put("squeezeLookback", r.nextInt(2, 15))
                        .put("minVolumeSurge", r.nextInt(1, 4))
                        .put("fakeoutCooldownMs", r.nextInt(0, 600_000))
                        .put("useSignals", r.nextBoolean());
            case "scalper" -> c.put("useSignals", r.nextBoolean());
            case "trendFollower" -> {
                c.putList("emaPeriods", List.of("2", Integer.toString(r.nextInt(3, 8))))
                        .put("trailingPct", BigDecimal.valueOf(r.nextInt(1, 20), 2))
                        .put("sarEnabled", r.nextBoolean())
                        .put("pyramidEnabled", r.nextBoolean());
                if (r.nextBoolean() && !c.has("entryThreshold")) {
                    c.put("dipThreshold", r.nextInt(1, 10));
                }
            }
            case "delayedSniper" ->
                c.put("delayBeforeBuyMs", r.nextInt(1, 60_000))
                        .put("ignoreBlocks", r.nextInt(0, 10))
                        .put("breakoutPct", BigDecimal.valueOf(r.nextInt(0, 30), 2))
                        .put("pullbackPct", BigDecimal.valueOf(r.nextInt(0, 101), 2));
            default -> {}
        }
        int ordersPerSignal = 1;
        int wallets = 1;
        if (mode.startsWith("turbo")) {
            c.put("priorityFeeLamports", r.nextInt(0, 50_000))
                    .put("autoPriorityFee", r.nextBoolean())
                    .put("trailingStopPct", r.nextInt(0, 30));
            if (r.nextBoolean()) {
                c.put("useJitoBundle", true).put("jitoTipLamports", r.nextInt(1_000, 100_000));
            }
            if (r.nextBoolean()) {
                c.put("killSwitch", true);
                if (mode.equals("turboSniper")) {
                    c.put("killThreshold", r.nextInt(1, 6));
                }
            }
        }
        if (mode.equals("turboSniper")) {
            c.put("cuPriceMicroLamportsMax", r.nextInt(1, 200_000));
            if (r.nextBoolean()) {
                int tranches = r.nextInt(1, 5);
                c.putRaw(
                        "iceberg",
                        "{enabled: true, tranches: " + tranches + ", trancheDelayMs: " + r.nextInt(0, 20_000) + "}");
                ordersPerSignal = tranches;
            }
            if (r.nextBoolean()) {
                wallets = 2;
                c.putRaw(
                        "parallelWallets",
                        "{enabled: true, walletIds: [w1, w2], splitPct: [0.5, 0.5], maxParallel: " + r.nextInt(1, 3)
                                + "}");
                ordersPerSignal *= 2;
            }
            if (r.nextBoolean()) {
                c.putRaw(
                        "probe",
                        "{enabled: true, usd: " + r.nextInt(1, 20) + ", scaleFactor: " + r.nextInt(2, 10)
                                + ", abortOnImpactPct: " + r.nextInt(1, 10) + ", delayMs: " + r.nextInt(0, 5_000)
                                + "}");
                ordersPerSignal++;
            }
            if (r.nextBoolean()) {
                c.putRaw("retryPolicy", "{max: " + r.nextInt(1, 3) + ", bumpCuStep: 1000, bumpTipStep: 1000}");
            }
            if (r.nextBoolean()) {
                c.putRaw("idempotency", "{ttlSec: " + r.nextInt(1, 600) + ", resumeFromLast: " + r.nextBoolean() + "}");
            }
            if (r.nextBoolean()) {
                c.putList("tpLadder", List.of(Integer.toString(r.nextInt(1, 50)), Integer.toString(r.nextInt(1, 50))));
            }
        }
        long perDay = mode.equals("scalper") ? lamports(new BigDecimal(3)) : Long.MAX_VALUE;
        if (r.nextBoolean()) {
            BigDecimal cap = sol(r, 1, 200, 100);
            c.put("maxDailyVolume", cap);
            perDay = lamports(cap);
        }
        int open = maybeOpen(c, r, mode.equals("scalper") ? 2 : Integer.MAX_VALUE);
        if (mode.startsWith("turbo")) {
            // a signal spends its amount in up to ordersPerSignal orders; the other wallets' SOL is in the sum too
            long each = lamports(amount);
            return new Bot(
                    id,
                    mode,
                    c.yaml(),
                    new Limits(
                            maxTrades * ordersPerSignal,
                            each,
                            Math.multiplyExact(each, maxTrades),
                            perDay,
                            open,
                            -(wallets - 1) * WALLET.value()));
        }
        return new Bot(id, mode, c.yaml(), spending(amount, maxTrades, perDay, open));
    }

    private static Limits spending(BigDecimal amount, int maxTrades, long perDay, int open) {
        long each = lamports(amount);
        return new Limits(maxTrades, each, Math.multiplyExact(each, maxTrades), perDay, open, 0);
    }

    /** Sets {@code maxOpenTrades} half of the time; returns it, or {@code otherwise} when left out. */
    private static int maybeOpen(Fields c, Random r, int otherwise) {
        if (r.nextBoolean()) {
            int open = r.nextInt(1, 4);
            c.put("maxOpenTrades", open);
            return open;
        }
        return otherwise;
    }

    /** {@code from..to} (inclusive) hundredths or other fractions of a SOL: {@code k / per}. */
    private static BigDecimal sol(Random r, int from, int to, int per) {
        return BigDecimal.valueOf(r.nextInt(from, to + 1)).divide(BigDecimal.valueOf(per));
    }

    private static long lamports(BigDecimal sol) {
        return Lamports.ofSol(sol).value();
    }

    private static <T> T pick(List<T> from, Random r) {
        return from.get(r.nextInt(from.size()));
    }

    /** One to all of {@code from}, in a random order. */
    private static List<String> some(List<String> from, Random r) {
        Set<String> out = new LinkedHashSet<>();
        int n = r.nextInt(1, from.size() + 1);
        while (out.size() < n) {
            out.add(pick(from, r));
        }
        return List.copyOf(out);
    }

    /** A YAML flow mapping built field by field. */
    private static final class Fields {
        private final List<String> entries = new ArrayList<>();

        Fields put(String key, Object value) {
            return putRaw(key, String.valueOf(value));
        }

        boolean has(String key) {
            return entries.stream().anyMatch(e -> e.startsWith(key + ": "));
        }

        Fields putList(String key, List<String> values) {
            return putRaw(key, "[" + String.join(", ", values) + "]");
        }

        Fields putRaw(String key, String value) {
            entries.add(key + ": " + value);
            return this;
        }

        String yaml() {
            return "{" + String.join(", ", entries) + "}";
        }
    }
}
