package io.solbot.core.safety;

import java.util.List;

/**
 * The checks solbot ships, in the order a verdict lists them. Their ids are what a bot's config switches off; the
 * original platform's {@code safetyChecks} names map onto them as {@code authority} → mint-authority and
 * freeze-authority, {@code topHolders} → top-holders, {@code liquidity} → liquidity, {@code simulation} → honeypot
 * (token-extensions has no switch there, and runs whenever safety is on).
 */
public final class BuiltInChecks {
    public static final String MINT_AUTHORITY = "mint-authority";
    public static final String FREEZE_AUTHORITY = "freeze-authority";
    public static final String TOKEN_EXTENSIONS = "token-extensions";
    public static final String TOP_HOLDERS = "top-holders";
    public static final String LIQUIDITY = "liquidity";
    public static final String HONEYPOT = "honeypot";

    private BuiltInChecks() {}

    /**
     * Fresh instances of every built-in check: mint authority (weight 50), freeze authority (60), Token-2022
     * extensions (20 to 100 by finding), top holders (50), liquidity (70; 100 for no or a drained pool), honeypot
     * (80; 100 when a route is missing or a sell reverts).
     */
    public static List<SafetyCheck> all() {
        return List.of(
                new AuthorityChecks.MintAuthority(),
                new AuthorityChecks.FreezeAuthority(),
                new ExtensionCheck(),
                new TopHoldersCheck(),
                new LiquidityCheck(),
                new HoneypotCheck());
    }
}
