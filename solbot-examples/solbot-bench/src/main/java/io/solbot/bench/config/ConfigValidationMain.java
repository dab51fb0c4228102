package io.solbot.bench.config;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.plugin.StrategyRegistry;

/**
 * A quick timing without JMH: loads and validates a generated 10,000-bot file a few times and prints each time.
 *
 * <p>{@code java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.config.ConfigValidationMain}
 */
public final class ConfigValidationMain {
    private ConfigValidationMain() {}

    public static void main(String[] args) {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : ConfigValidationBench.BOTS;
        String file = BotsFiles.yaml(bots, 42);
        BotsFileLoader loader = BotsFileLoader.using(
                StrategyRegistry.builder().discoverClassPath().build());
        for (int run = 1; run <= 8; run++) {
            long start = System.nanoTime();
            ConfigReport report = loader.parse(file, "bench.yaml");
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "run %d: %d bots loaded and validated in %d ms (%d violations)%n",
                    run, report.bots().size(), ms, report.violations().size());
        }
    }
}
