package io.solbot.strategies.common;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.safety.BuiltInChecks;
import java.util.HashSet;
import java.util.Set;

/**
 * Which token safety checks run before a buy; each is on unless set to false. Unknown check names are errors (the
 * original accepted any key, so a typo silently left a check on or off).
 *
 * @param simulation the honeypot check (a round trip and a tried sell)
 * @param liquidity the pool-depth check
 * @param authority the mint- and freeze-authority checks
 * @param topHolders the holder-concentration check
 */
public record SafetyChecks(Boolean simulation, Boolean liquidity, Boolean authority, Boolean topHolders) {
    /** Whether every check is switched off explicitly. */
    public boolean allOff() {
        return Boolean.FALSE.equals(simulation)
                && Boolean.FALSE.equals(liquidity)
                && Boolean.FALSE.equals(authority)
                && Boolean.FALSE.equals(topHolders);
    }

    /**
     * The engine's choice for a config whose safety is {@code off} altogether or switched check by check by {@code
     * checks} (null: all on). Every check switched off is safety off, as in the original: none runs. Checks the
     * original did not have (Token-2022 extensions) run whenever safety is on. One rule for every strategy's config.
     */
    public static SafetyChoice choice(boolean off, SafetyChecks checks) {
        if (off || (checks != null && checks.allOff())) {
            return SafetyChoice.NONE;
        }
        if (checks == null) {
            return SafetyChoice.ALL;
        }
        Set<String> offIds = new HashSet<>();
        if (Boolean.FALSE.equals(checks.authority)) {
            offIds.add(BuiltInChecks.MINT_AUTHORITY);
            offIds.add(BuiltInChecks.FREEZE_AUTHORITY);
        }
        if (Boolean.FALSE.equals(checks.topHolders)) {
            offIds.add(BuiltInChecks.TOP_HOLDERS);
        }
        if (Boolean.FALSE.equals(checks.liquidity)) {
            offIds.add(BuiltInChecks.LIQUIDITY);
        }
        if (Boolean.FALSE.equals(checks.simulation)) {
            offIds.add(BuiltInChecks.HONEYPOT);
        }
        return new SafetyChoice(true, offIds);
    }
}
