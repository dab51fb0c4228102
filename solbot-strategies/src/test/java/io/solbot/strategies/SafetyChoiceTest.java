package io.solbot.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.StrategyConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A config's safetyEnabled and safetyChecks, in the original's names, choose the engine's checks by id. */
class SafetyChoiceTest {
    private static SafetyChoice safety(String mode, String overrides) {
        Object config = Bots.load(mode, Bots.with(mode, overrides))
                .requireValid()
                .getFirst()
                .config();
        return ((StrategyConfig) config).safety();
    }

    @Test
    void shouldRunEveryCheckUnlessTheConfigSaysOtherwise() {
        assertThat(safety("sniper", "{}")).isEqualTo(SafetyChoice.ALL);
        assertThat(safety("rebalancer", "{}")).isEqualTo(SafetyChoice.ALL);
    }

    @Test
    void shouldMapTheOriginalsCheckNamesToTheCheckIds() {
        assertThat(safety("sniper", "{\"safetyChecks\": {\"authority\": false, \"simulation\": false}}"))
                .isEqualTo(new SafetyChoice(true, Set.of("mint-authority", "freeze-authority", "honeypot")));
        assertThat(safety("stealthBot", "{\"safetyChecks\": {\"topHolders\": false, \"liquidity\": false}}"))
                .isEqualTo(new SafetyChoice(true, Set.of("top-holders", "liquidity")));
    }

    @Test
    void shouldRunNoCheckWhenEveryCheckIsSwitchedOffWhicheverStrategyTheConfigIsFor() {
        // one rule for every config: the Token-2022 extensions check, which the original did not have, goes off too
        String allOff = "{\"safetyChecks\": {\"authority\": false, \"simulation\": false, \"liquidity\": false,"
                + " \"topHolders\": false}}";
        for (String mode : List.of("sniper", "dipBuyer", "rotationBot", "stealthBot")) {
            assertThat(safety(mode, allOff)).as(mode).isEqualTo(SafetyChoice.NONE);
        }
    }

    @Test
    void shouldSwitchEveryCheckOffInEachOfTheOriginalsWaysAndForChadMode() {
        assertThat(safety("sniper", "{\"safetyEnabled\": false}")).isEqualTo(SafetyChoice.NONE);
        assertThat(safety("scalper", "{\"disableSafety\": true}")).isEqualTo(SafetyChoice.NONE);
        assertThat(safety(
                        "dipBuyer",
                        "{\"safetyChecks\": {\"authority\": false, \"simulation\": false, \"liquidity\": false,"
                                + " \"topHolders\": false}}"))
                .isEqualTo(SafetyChoice.NONE);
        assertThat(safety("rotationBot", "{\"safetyEnabled\": false}")).isEqualTo(SafetyChoice.NONE);
        assertThat(safety("stealthBot", "{\"safetyEnabled\": false}")).isEqualTo(SafetyChoice.NONE);
        assertThat(safety("rebalancer", "{\"skipSafety\": true}")).isEqualTo(SafetyChoice.NONE);
        assertThat(safety("chadMode", "{}")).isEqualTo(SafetyChoice.NONE);
    }
}
