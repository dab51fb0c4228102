package io.solbot.core.market;

import io.solbot.core.solana.account.AccountState;
import io.solbot.core.solana.account.Extension;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a simulated token's Token-2022 extensions do to a swap, as the token program would do it on chain: a transfer
 * fee is withheld from every transfer (the buyer receives less than the pool sends; the pool receives less than the
 * seller sends), a paused mint moves nothing, and a mint whose new accounts start frozen cannot be bought by a wallet
 * its issuer has not thawed. So paper trading pays for what the safety checks warn about.
 */
final class Transfers {
    /** Mainnet's first block; epochs count from it. */
    private static final Instant GENESIS = Instant.parse("2020-03-16T14:29:00Z");
    /** An epoch is 432,000 slots: two days at the 400 ms slot the simulation assumes. */
    private static final Duration EPOCH = Duration.ofDays(2);

    private Transfers() {}

    /** The simulated epoch at {@code at}: whole epochs since genesis, zero before it. */
    static BigInteger epochAt(Instant at) {
        long seconds = Duration.between(GENESIS, at).getSeconds();
        return BigInteger.valueOf(Math.max(0, seconds / EPOCH.getSeconds()));
    }

    /** The fee a transfer of {@code amount} raw units pays at {@code at}: zero without a transfer fee extension. */
    static BigInteger fee(List<Extension> extensions, Instant at, BigInteger amount) {
        for (Extension x : extensions) {
            if (x instanceof Extension.TransferFeeConfig config) {
                return config.feeIn(epochAt(at)).fee(amount);
            }
        }
        return BigInteger.ZERO;
    }

    /**
     * Why a swap of the token reverts whatever its direction, or null: a paused mint moves no tokens; and a buy (when
     * {@code buying}) needs a new token account, which starts frozen when the mint says so.
     */
    static String reverts(List<Extension> extensions, boolean buying) {
        for (Extension x : extensions) {
            if (x instanceof Extension.Pausable p && p.paused()) {
                return "the mint is paused: its token program refuses every transfer";
            }
            if (buying && x instanceof Extension.DefaultAccountState s && s.state() == AccountState.FROZEN) {
                return "new token accounts of the mint start frozen, so the swap cannot pay the tokens out";
            }
        }
        return null;
    }
}
