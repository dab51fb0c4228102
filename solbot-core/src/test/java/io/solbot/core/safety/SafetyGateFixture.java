package io.solbot.core.safety;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.Mint;
import java.util.HashSet;
import java.util.Set;

/** An inline gate over a market, running one check at a time. */
final class SafetyGateFixture {
    private final SafetyGate gate;

    SafetyGateFixture(TokenMarket market) {
        this.gate = SafetyGate.builder(market).inline().build();
    }

    /** The result of the check {@code id} alone on {@code mint}. */
    CheckResult only(String id, Mint mint) {
        Set<String> off = new HashSet<>(gate.checkIds());
        off.remove(id);
        return gate.verdict(mint, new SafetyChoice(true, off))
                .items()
                .getFirst()
                .result();
    }
}
