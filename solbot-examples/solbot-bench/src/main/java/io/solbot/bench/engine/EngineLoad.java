package io.solbot.bench.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.engine.TickStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The engine's load command: runs N bots at an interval (1 s unless given) with a small EMA tick, in real time, and
 * reports tick lateness (p50, p99, max, from the engine's own {@link TickStats}, within their ~3 % buckets), the process's CPU share of the machine, heap after GC, and the engine's CPU cost per
 * bot-tick as a ratio to a bare loop doing the same work in the same run, and the ticks the bots skipped in the
 * measured window and over the whole run, start and warm-up included (a healthy bot skips none).
 *
 * <pre>
 * java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.engine.EngineLoad [seconds] [N[@MS] ...]
 * </pre>
 *
 * Defaults: 25 measured seconds (after 5 s of warm-up) for each of 1,000, 10,000 and 100,000 bots at 1 s; {@code
 * 100000@100} runs 100,000 bots at 100 ms (1 M bot-ticks per second).
 */
public final class EngineLoad {
    private EngineLoad() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        List<String> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(args[i]);
        }
        if (sizes.isEmpty()) {
            sizes = List.of("1000", "10000", "100000");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "JVM %s, %d cores, max heap %d MB, %d s measured per N after 5 s warm-up%n",
                Runtime.version(),
                cores,
                Runtime.getRuntime().maxMemory() >> 20,
                seconds);
        System.out.println(
                "| bots | interval | ticks/s | lateness p50 | p99 | max | CPU (share of machine) | heap after GC"
                        + " | engine CPU per bot-tick | bare loop per bot-tick | ratio | skipped ticks (window / whole run) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String size : sizes) {
            int at = size.indexOf('@');
            int n = Integer.parseInt(at < 0 ? size : size.substring(0, at));
            Duration interval =
                    at < 0 ? Duration.ofSeconds(1) : Duration.ofMillis(Long.parseLong(size.substring(at + 1)));
            run(n, interval, seconds, cores);
        }
    }

    private static void run(int n, Duration interval, int seconds, int cores) throws InterruptedException {
        double bareNanos = bareLoopNanosPerTick(n);
        SolbotEngine engine =
                SolbotEngine.builder().strategyProvider(new EmaProvider()).build();
        for (int i = 0; i < n; i++) {
            engine.start(BotSpec.builder(BotId.of("bot-" + i), "ema-bench", i)
                    .interval(interval)
                    .build());
        }
        TimeUnit.SECONDS.sleep(5);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TickStats before = engine.tickStats().getFirst();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        TickStats window = engine.tickStats().getFirst().since(before);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long skipped =
                engine.statuses().stream().mapToLong(BotStatus::skippedTicks).sum();
        engine.shutdown(Duration.ofSeconds(10));

        double cpuShare = (double) cpu / wall / cores;
        double perTick = (double) cpu / Math.max(1, window.ticks());
        System.out.printf(
                Locale.ROOT,
                "| %,d | %d ms | %,.0f | %.3f ms | %.3f ms | %.3f ms | %.1f %% (%.3f cores) | %d MB | %.2f µs | %.1f ns | %,.0f× | %,d / %,d |%n",
                n,
                interval.toMillis(),
                window.ticks() * 1e9 / wall,
                millis(window.lateness().percentile(0.50)),
                millis(window.lateness().percentile(0.99)),
                millis(window.lateness().max()),
                cpuShare * 100,
                cpuShare * cores,
                heap >> 20,
                perTick / 1000,
                bareNanos,
                perTick / bareNanos,
                window.skipped(),
                skipped);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    /** The same tick work in a plain loop over {@code n} bots on one thread, in ns per bot-tick. */
    static double bareLoopNanosPerTick(int n) {
        EmaBot[] bots = new EmaBot[n];
        for (int i = 0; i < n; i++) {
            bots[i] = new EmaBot(i);
        }
        long sink = 0;
        long rounds = Math.max(20, 20_000_000L / n);
        for (int warm = 0; warm < 3; warm++) {
            for (long r = 0; r < rounds; r++) {
                for (EmaBot bot : bots) {
                    sink += bot.tick() ? 1 : 0;
                }
            }
        }
        long start = System.nanoTime();
        for (long r = 0; r < rounds; r++) {
            for (EmaBot bot : bots) {
                sink += bot.tick() ? 1 : 0;
            }
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return (double) elapsed / (rounds * n);
    }
}
