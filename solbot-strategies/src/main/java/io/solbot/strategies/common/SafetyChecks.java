package io.solbot.strategies.common;

/**
 * Which token safety checks run before a buy; each is on unless set to false. Unknown check names are errors (the
 * original accepted any key, so a typo silently left a check on or off).
 */
public record SafetyChecks(Boolean simulation, Boolean liquidity, Boolean authority, Boolean topHolders) {
    /** Whether every check is switched off explicitly. */
    public boolean allOff() {
        return Boolean.FALSE.equals(simulation)
                && Boolean.FALSE.equals(liquidity)
                && Boolean.FALSE.equals(authority)
                && Boolean.FALSE.equals(topHolders);
    }
}
