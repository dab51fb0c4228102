package io.solbot.strategies.common;

import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.TradeFees;
import io.solbot.core.domain.Lamports;

/**
 * The on/off switches both turbo strategies accept (the original's turbo validators checked this list for each),
 * each true or false, flat in the config file. Included with {@code @Flatten @Valid}.
 *
 * @param ghostMode buy through a cover wallet (the turbo sniper then needs {@code coverWalletId})
 * @param multiBuy buy {@code multiBuyCount} times per signal
 * @param prewarmAccounts create token accounts ahead of the buy
 * @param multiRoute quote several routes
 * @param autoRug sell at the first rug signal
 * @param useJitoBundle send as a Jito bundle
 * @param autoPriorityFee pick the priority fee from recent fees
 * @param killSwitch stop after {@code killThreshold} failures (the turbo sniper then needs {@code killThreshold})
 * @param poolDetection watch for new pools
 * @param splitTrade split each buy across routes
 * @param turboMode the original's master switch
 * @param autoRiskManage adjust sizes to risk
 * @param cuAdapt adapt the compute-unit price between its floor and cap
 * @param skipPreflight skip the RPC preflight simulation
 * @param directAmmFallback fall back to the AMM directly
 */
public record TurboToggles(
        Boolean ghostMode,
        Boolean multiBuy,
        Boolean prewarmAccounts,
        Boolean multiRoute,
        Boolean autoRug,
        Boolean useJitoBundle,
        Boolean autoPriorityFee,
        Boolean killSwitch,
        Boolean poolDetection,
        Boolean splitTrade,
        Boolean turboMode,
        Boolean autoRiskManage,
        Boolean cuAdapt,
        Boolean skipPreflight,
        Boolean directAmmFallback) {

    /** Jito's least tip, lamports: a bundle tipping less is not accepted. */
    public static final long MIN_JITO_TIP = 1_000;

    /** With {@code useJitoBundle} on, {@code jitoTipLamports} is required and at least {@link #MIN_JITO_TIP}. */
    public static void checkJitoTip(CrossFieldRules.Rules rules, TurboToggles toggles, Long jitoTipLamports) {
        if (toggles == null || !Boolean.TRUE.equals(toggles.useJitoBundle)) {
            return;
        }
        if (jitoTipLamports == null) {
            rules.reject("jitoTipLamports", null, "is required when useJitoBundle is true");
        } else if (jitoTipLamports < MIN_JITO_TIP) {
            rules.reject(
                    "jitoTipLamports",
                    jitoTipLamports,
                    "must be at least " + MIN_JITO_TIP + " lamports (Jito's least tip) when useJitoBundle is true");
        }
    }

    /**
     * A turbo trade's fees: per buy (of {@code multiBuyCount} with {@code multiBuy} on, else one) a buy and a sell,
     * each with {@code priorityFee} and, with {@code useJitoBundle} on, the Jito tip. {@code toggles} may be null (no
     * switch given: both off).
     */
    public static TradeFees tradeFees(
            TurboToggles toggles, Lamports priorityFee, Integer multiBuyCount, Long jitoTipLamports) {
        boolean multiBuy = toggles != null && Boolean.TRUE.equals(toggles.multiBuy);
        boolean jito = toggles != null && Boolean.TRUE.equals(toggles.useJitoBundle);
        int buys = multiBuy && multiBuyCount != null ? multiBuyCount : 1;
        Lamports tip = jito && jitoTipLamports != null ? Lamports.of(jitoTipLamports) : Lamports.ZERO;
        return new TradeFees(2 * buys, priorityFee, tip);
    }
}
