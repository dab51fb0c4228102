package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One signal of a {@link TurboStrategy} as its state entry {@code signal.<mint>} holds it ({@code <phase>:<started
 * ms>:<next piece>:<rest lamports>:<probe order or ->}), and the pieces its rest is bought in.
 *
 * @param phase where it is
 * @param startedMs when it started, epoch ms
 * @param next the index of the next piece to place
 * @param rest the lamports its pieces spend (all but the probe)
 * @param probeOrder the probe's order id, or {@code -}
 */
record TurboSignal(TurboSignal.Phase phase, long startedMs, int next, long rest, String probeOrder) {
    /** Where a signal is. */
    enum Phase {
        /** The probe is in flight. */
        PROBE,
        /** Placing the pieces of its tranches. */
        SPLIT,
        /** Every piece placed, or its buying ended by a sale or a restart. */
        DONE,
        /** Its probe failed or found no way out: the token is not bought. */
        BLOCKED
    }

    /** One order of a signal: the probe (index -1) or a piece of a tranche, and how often it was sent (0: once). */
    record Piece(Mint mint, Lamports sol, String wallet, int tranche, int index, int attempt) {
        boolean probe() {
            return index < 0;
        }

        Piece retried() {
            return new Piece(mint, sol, wallet, tranche, index, attempt + 1);
        }
    }

    static TurboSignal parse(String value) {
        String[] p = value.split(":", -1);
        return new TurboSignal(
                Phase.valueOf(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]), p[4]);
    }

    String format() {
        return phase + ":" + startedMs + ":" + next + ":" + rest + ":" + probeOrder;
    }

    TurboSignal with(Phase value) {
        return new TurboSignal(value, startedMs, next, rest, probeOrder);
    }

    TurboSignal next(int value) {
        return new TurboSignal(phase, startedMs, value, rest, probeOrder);
    }

    /** Whether it may still place orders. */
    boolean buying() {
        return phase == Phase.PROBE || phase == Phase.SPLIT;
    }

    /**
     * The pieces of {@code rest} lamports: {@code tranches} equal parts (the last takes what rounding leaves), each
     * split across the wallets by their shares (the last wallet takes what rounding leaves). Pieces too small to buy
     * anything are left out.
     */
    List<Piece> pieces(TurboPlan plan, Mint mint) {
        List<Piece> out = new ArrayList<>();
        long perTranche = rest / plan.tranches();
        int index = 0;
        for (int t = 0; t < plan.tranches(); t++) {
            long tranche = t == plan.tranches() - 1 ? rest - perTranche * (plan.tranches() - 1) : perTranche;
            if (plan.wallets().isEmpty()) {
                if (tranche > 0) {
                    out.add(new Piece(mint, Lamports.of(tranche), null, t, index, 0));
                }
                index++;
                continue;
            }
            long left = tranche;
            for (int w = 0; w < plan.wallets().size(); w++) {
                long share = w == plan.wallets().size() - 1
                        ? left
                        : BigDecimal.valueOf(tranche)
                                .multiply(plan.shares().get(w))
                                .setScale(0, RoundingMode.DOWN)
                                .longValueExact();
                share = Math.min(share, left);
                left -= share;
                if (share > 0) {
                    out.add(new Piece(mint, Lamports.of(share), plan.wallets().get(w), t, index, 0));
                }
                index++;
            }
        }
        return out;
    }
}
