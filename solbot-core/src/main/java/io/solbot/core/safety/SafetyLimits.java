package io.solbot.core.safety;

import io.solbot.core.domain.Lamports;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The thresholds of the built-in checks and of the verdict. Immutable; every violation is reported together.
 *
 * @param maxRisk the risk score from which a buy is refused, 1 to 101 (101 never refuses)
 * @param maxTransferFeeBps the highest Token-2022 transfer fee (of the older and newer one) that only warns; above it
 *     the extensions check fails. 0 to 10 000
 * @param maxTopHolderBps the largest share of the circulating supply (pool and burn accounts left out) one owner may
 *     hold, 1 to 10 000
 * @param maxTopTenBps the largest share the ten largest owners may hold together, 1 to 10 000
 * @param minLiquidity the least pool depth ({@link io.solbot.core.domain.Pool#liquidity()}: both sides in SOL)
 * @param probe the SOL the honeypot check buys and sells back in its round trip, positive
 * @param maxRoundTripLossBps the most the round trip may lose, fees and price impact included, 0 to 10 000
 */
public record SafetyLimits(
        int maxRisk,
        int maxTransferFeeBps,
        int maxTopHolderBps,
        int maxTopTenBps,
        Lamports minLiquidity,
        Lamports probe,
        int maxRoundTripLossBps) {
    /**
     * Refuse from a score of 50; transfer fees up to 5 % warn; one owner up to 50 % and the top ten up to 75 % of the
     * circulating supply (the original platform's whale limits); pools of at least 10 SOL depth; a round trip of 0.1
     * SOL losing at most 10 % (pool fees of 1 % each way and impact are a few %).
     */
    public static final SafetyLimits DEFAULTS =
            new SafetyLimits(50, 500, 5000, 7500, Lamports.ofSol("10"), Lamports.ofSol("0.1"), 1000);

    /** @throws IllegalArgumentException naming every value out of range */
    public SafetyLimits {
        List<String> problems = new ArrayList<>();
        range(problems, "maxRisk", maxRisk, 1, 101);
        range(problems, "maxTransferFeeBps", maxTransferFeeBps, 0, 10_000);
        range(problems, "maxTopHolderBps", maxTopHolderBps, 1, 10_000);
        range(problems, "maxTopTenBps", maxTopTenBps, 1, 10_000);
        range(problems, "maxRoundTripLossBps", maxRoundTripLossBps, 0, 10_000);
        Objects.requireNonNull(minLiquidity, "minLiquidity");
        Objects.requireNonNull(probe, "probe");
        if (minLiquidity.isNegative()) {
            problems.add("minLiquidity must not be negative, but was " + minLiquidity);
        }
        if (probe.value() <= 0) {
            problems.add("probe must be positive, but was " + probe);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", but was " + value);
        }
    }
}
