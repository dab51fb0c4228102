package io.solbot.examples;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.safety.CheckResult;
import io.solbot.core.safety.SafetyCheck;
import io.solbot.core.safety.SafetyContext;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.safety.SafetyVerdict;
import java.time.Duration;
import java.time.Instant;

/** Checks three tokens of the simulated market with the built-in safety checks and one of our own. */
public class CheckTokenSafety {
    /** Our own check: a deny list of symbols. */
    static final class DenyList implements SafetyCheck {
        @Override
        public String id() {
            return "deny-list";
        }

        @Override
        public CheckResult check(SafetyContext token) {
            String symbol = token.market()
                    .tokenInfo(token.mint())
                    .map(TokenInfo::symbol)
                    .orElse("?");
            return symbol.equals("WIF")
                    ? CheckResult.fail(symbol + " is on our deny list", 100)
                    : CheckResult.pass(symbol + " is not on our deny list");
        }
    }

    public static void main(String[] args) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(42, start), Listing.WELL_KNOWN)) {
            market.advanceTo(start.plus(Duration.ofMinutes(10)));
            SafetyGate gate = SafetyGate.builder(market) // the built-in checks, then ours
                    .executor(PaperExecutor.builder(PaperSettings.defaults(7), market)
                            .build())
                    .check(new DenyList())
                    .build(); // in an engine: SolbotEngine.builder().orderCheck(gate) holds every buy to it
            for (Listing token : Listing.WELL_KNOWN) {
                SafetyVerdict verdict = gate.verdict(token.mint(), SafetyChoice.ALL);
                System.out.println(token.symbol() + ": " + verdict.decision() + ", " + verdict.summary());
            }
        }
    }
}
