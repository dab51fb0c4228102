package io.solbot.bench.config;

import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.ConfigValidator;
import io.solbot.core.plugin.StrategyRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating 10,000 bot configs: the whole load (YAML parse, bind, Bean Validation) of a 10,000-bot file, and Bean
 * Validation alone on 10,000 already-bound configs.
 *
 * <p>{@code java -jar solbot-examples/solbot-bench/target/benchmarks.jar ConfigValidationBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigValidationBench {
    static final int BOTS = 10_000;

    private String file;
    private BotsFileLoader loader;
    private List<Object> configs;

    @Setup
    public void setUp() {
        file = BotsFiles.yaml(BOTS, 42);
        loader = BotsFileLoader.using(
                StrategyRegistry.builder().discoverClassPath().build());
        ConfigReport report = loader.parse(file, "bench.yaml");
        if (!report.isValid() || report.bots().size() != BOTS) {
            throw new IllegalStateException("the generated file is not valid: " + report.violations());
        }
        configs = report.bots().stream().map(BotDefinition::config).toList();
    }

    @Benchmark
    public ConfigReport loadAndValidate10kBots() {
        return loader.parse(file, "bench.yaml");
    }

    @Benchmark
    public int validate10kBoundConfigs() {
        ConfigValidator validator = ConfigValidator.standard();
        int violations = 0;
        for (Object config : configs) {
            violations += validator.validate("b", config).size();
        }
        return violations;
    }
}
