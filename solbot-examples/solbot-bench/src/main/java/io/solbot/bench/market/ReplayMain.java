package io.solbot.bench.market;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A quick replay measurement without JMH, for a shared machine: runs {@link ReplayBench}'s four cases in turn and
 * prints, per case, the best and median wall-clock events per second and the events per second of process CPU time
 * (all threads, the JIT and GC included), which other processes on the machine disturb less than the wall clock.
 *
 * <pre>
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp benchmarks.jar io.solbot.bench.market.ReplayMain [rounds]
 * </pre>
 */
public final class ReplayMain {
    private ReplayMain() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ReplayBench bench = new ReplayBench();
        bench.record();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String[] names = {"engineFromJsonLines", "engineFromMemory", "driverFromJsonLines", "driverFromMemory"};
        Runnable[] cases = {
            bench::engineFromJsonLines, bench::engineFromMemory, bench::driverFromJsonLines, bench::driverFromMemory
        };
        double[][] wall = new double[cases.length][rounds];
        double[][] cpu = new double[cases.length][rounds];
        // warm-up: a few runs of each
        for (int w = 0; w < 3; w++) {
            for (Runnable c : cases) {
                c.run();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < cases.length; i++) {
                wall[i][r] = rate(System::nanoTime, cases[i]);
                cpu[i][r] = rate(os::getProcessCpuTime, cases[i]);
            }
        }
        System.out.printf(
                Locale.ROOT, "%-22s %14s %14s %18s%n", "case", "best events/s", "median ev/s", "events/CPU-second");
        for (int i = 0; i < cases.length; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %,14.0f %,14.0f %,18.0f%n",
                    names[i],
                    max(wall[i]),
                    median(wall[i]),
                    median(cpu[i]));
        }
    }

    private static double rate(LongSupplier nanos, Runnable run) {
        long start = nanos.getAsLong();
        run.run();
        return ReplayBench.EVENTS * 1e9 / (nanos.getAsLong() - start);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
