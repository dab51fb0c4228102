package io.solbot.bench.engine;

import io.solbot.bench.Latencies;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline the engine's load is set against: the same EMA tick for N bots, each a {@code scheduleAtFixedRate}
 * task on a {@link ScheduledThreadPoolExecutor} with as many threads as cores, staggered over the interval. Reports
 * the ticks it managed per second, their lateness (start minus the task's own fixed-rate due time) and the CPU share.
 *
 * <pre>
 * java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.engine.StpeLoad [seconds] [N@MS ...]
 * </pre>
 */
public final class StpeLoad {
    private StpeLoad() {}

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("| bots | interval | ticks/s | lateness p50 | p99 | max | CPU (share of machine) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split("@");
            run(Integer.parseInt(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 1_000, seconds, cores);
        }
    }

    private static void run(int n, long intervalMs, int seconds, int cores) throws InterruptedException {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(cores);
        Latencies lateness = new Latencies();
        LongAdder ticks = new LongAdder();
        long interval = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        SplittableRandom random = new SplittableRandom(42);
        long origin = System.nanoTime();
        for (int i = 0; i < n; i++) {
            EmaBot bot = new EmaBot(i);
            long phase = random.nextLong(interval);
            long first = origin + phase;
            long[] count = new long[1];
            pool.scheduleAtFixedRate(
                    () -> {
                        lateness.record(System.nanoTime() - (first + count[0]++ * interval));
                        bot.tick();
                        ticks.increment();
                    },
                    phase,
                    interval,
                    TimeUnit.NANOSECONDS);
        }
        TimeUnit.SECONDS.sleep(5);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long ticksBefore = ticks.sum();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        lateness.start();
        TimeUnit.SECONDS.sleep(seconds);
        lateness.stop();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long ran = ticks.sum() - ticksBefore;
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        double share = (double) cpu / wall / cores;
        System.out.printf(
                Locale.ROOT,
                "| %,d | %d ms | %,.0f | %.3f ms | %.3f ms | %.3f ms | %.1f %% (%.3f cores) |%n",
                n,
                intervalMs,
                ran * 1e9 / wall,
                lateness.percentileMillis(0.50),
                lateness.percentileMillis(0.99),
                lateness.maxMillis(),
                share * 100,
                share * cores);
    }
}
