package io.solbot.bench.engine;

/**
 * The work of one realistic small tick, the same as the machine-limits probe: update an exponential moving average
 * of the bot's token price and check entry/exit thresholds against it and the entry price; on a signal, write the
 * decision into a small ring. Prices come from a precomputed random-walk table (a cached feed), as a {@code double}
 * signal: this is an indicator, not money.
 */
final class EmaBot {
    static final int TOKENS = 256;
    static final int STEPS = 1024;
    static final double[][] PRICES = randomWalk(42);

    private final int token;
    private double ema;
    private double entry;
    private int step;
    final int[] decisions = new int[16];
    int decisionCount;

    EmaBot(int token) {
        this.token = token % TOKENS;
        this.ema = PRICES[this.token][0];
    }

    /** One tick; returns whether it decided something, so that the JIT cannot drop the work. */
    boolean tick() {
        double price = PRICES[token][step++ & (STEPS - 1)];
        ema += 0.1 * (price - ema);
        int decision = 0;
        if (entry == 0 && price > ema * 1.002) {
            entry = price;
            decision = 1;
        } else if (entry != 0 && (price > entry * 1.01 || price < entry * 0.99)) {
            entry = 0;
            decision = 2;
        }
        if (decision != 0) {
            decisions[decisionCount++ & 15] = decision;
            return true;
        }
        return false;
    }

    private static double[][] randomWalk(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[][] table = new double[TOKENS][STEPS];
        for (int t = 0; t < TOKENS; t++) {
            double p = 0.001 * (1 + random.nextDouble());
            for (int s = 0; s < STEPS; s++) {
                p *= 1 + (random.nextDouble() - 0.5) * 0.01;
                table[t][s] = p;
            }
        }
        return table;
    }
}
