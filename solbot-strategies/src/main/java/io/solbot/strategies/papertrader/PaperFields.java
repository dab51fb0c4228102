package io.solbot.strategies.papertrader;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperSettings;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The simulation settings of the paper traders.
 *
 * @param maxDailyTrades trades per day at most, at least 1 (the original let 0 through as "unset")
 * @param execModel {@code ideal}, {@code amm_depth} or {@code jito_fallback}
 * @param seed the random seed, so runs repeat exactly
 * @param slippageBpsCap simulated slippage cap, bps, at least 0
 * @param latency simulated latency per stage
 * @param failureRates simulated failure probability per stage, each 0 to 1
 * @param partials simulated partial fills
 * @param enableShadowMode also record what live execution would have done (validated; there is no live execution to
 *     shadow yet)
 * @param paperRunId names the run; default a random UUID
 */
@CrossField
public record PaperFields(
        @Between(min = "1") Integer maxDailyTrades,
        @OneOf({"ideal", "amm_depth", "jito_fallback"}) String execModel,
        String seed,
        @Between(min = "0", unit = "bps") Integer slippageBpsCap,
        @Valid Latency latency,
        Map<String, @Between(min = "0", max = "1") BigDecimal> failureRates,
        @Valid Partials partials,
        Boolean enableShadowMode,
        String paperRunId)
        implements CrossFieldRules {
    /** The stages {@code failureRates} may name, in the order of {@link PaperSettings.FailureRates}. */
    static final List<String> STAGES = List.of("quote", "build", "send", "land", "bundle");

    @Override
    public void check(Rules rules) {
        if (failureRates != null) {
            for (String stage : failureRates.keySet()) {
                if (!STAGES.contains(stage)) {
                    rules.reject(
                            "failureRates[" + stage + "]",
                            failureRates.get(stage),
                            "is not a stage: the stages are " + String.join(", ", STAGES));
                }
            }
        }
    }

    /**
     * The paper executor's settings {@code executor} with these fields laid over them: what a field leaves out stays
     * the executor's. A {@code seed} that is not a whole number seeds by its text (the same text, the same run).
     */
    public PaperSettings applyTo(PaperSettings executor) {
        PaperSettings out = executor;
        if (execModel != null) {
            out = out.withExecModel(ExecModel.of(execModel));
        }
        if (seed != null) {
            out = out.withSeed(seedOf(seed));
        }
        if (slippageBpsCap != null) {
            out = out.withSlippageBpsCap(slippageBpsCap);
        }
        if (latency != null) {
            PaperSettings.Latency base = out.latency();
            out = out.withLatency(new PaperSettings.Latency(
                    or(latency.quoteMs(), base.quoteMs()),
                    or(latency.buildMs(), base.buildMs()),
                    or(latency.sendMs(), base.sendMs()),
                    or(latency.landMs(), base.landMs())));
        }
        if (failureRates != null) {
            PaperSettings.FailureRates base = out.failureRates();
            out = out.withFailureRates(new PaperSettings.FailureRates(
                    rate("quote", base.quote()),
                    rate("build", base.build()),
                    rate("send", base.send()),
                    rate("land", base.land()),
                    rate("bundle", base.bundle())));
        }
        if (partials != null) {
            PaperSettings.Partials base = out.partials();
            int min = partials.minParts() != null ? partials.minParts() : base.minParts();
            int max = partials.maxParts() != null ? partials.maxParts() : Math.max(min, base.maxParts());
            out = out.withPartials(new PaperSettings.Partials(min, max));
        }
        if (maxDailyTrades != null) {
            out = out.withMaxDailyTrades(maxDailyTrades);
        }
        return out;
    }

    private static long or(Long value, long otherwise) {
        return value != null ? value : otherwise;
    }

    // a probability, not an amount: a double is what the simulator draws against
    private double rate(String stage, double otherwise) {
        BigDecimal rate = failureRates.get(stage);
        return rate != null ? rate.doubleValue() : otherwise;
    }

    private static long seedOf(String text) {
        String trimmed = text.strip();
        if (trimmed.matches("-?\\d{1,18}")) {
            return Long.parseLong(trimmed);
        }
        // FNV-1a over the UTF-8 bytes: stable across JVMs and releases, unlike String.hashCode's spread
        long hash = 0xcbf29ce484222325L;
        for (byte b : trimmed.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** Simulated latency per stage, ms, each at least 0. */
    public record Latency(
            @Between(min = "0", unit = "ms") Long quoteMs,
            @Between(min = "0", unit = "ms") Long buildMs,
            @Between(min = "0", unit = "ms") Long sendMs,
            @Between(min = "0", unit = "ms") Long landMs) {}

    /** Each fill splits into {@code minParts} to {@code maxParts} parts; both at least 1, max at least min. */
    @CrossField
    public record Partials(
            @Between(min = "1") Integer minParts,
            @Between(min = "1") Integer maxParts) implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (minParts != null && maxParts != null && maxParts < minParts) {
                rules.reject("maxParts", maxParts, "must be at least minParts (" + minParts + ")");
            }
        }
    }
}
