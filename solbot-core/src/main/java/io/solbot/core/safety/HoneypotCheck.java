package io.solbot.core.safety;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.execution.Quote;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.solana.account.MintAccount;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Whether what is bought can be sold back (solana.md §4.4): a buy route and a sell route exist; a round trip of {@link
 * SafetyLimits#probe()} (quote the buy, take off the Token-2022 transfer fee of its way into the wallet, quote the sell of
 * what the wallet then holds) loses at most {@link SafetyLimits#maxRoundTripLossBps()}; and, where the executor can try
 * swaps without sending them, that sell lands. The sell is quoted and tried for what the wallet would send, as a real
 * sell is: what its route pays for it, the fee of its own transfer included, is the executor's quote.
 */
final class HoneypotCheck implements SafetyCheck {
    static final int WEIGHT = 80;
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    @Override
    public String id() {
        return "honeypot";
    }

    @Override
    public CheckResult check(SafetyContext token) {
        SwapExecutor executor = token.executor()
                .orElseThrow(() -> new SafetyDataException("the honeypot check needs an executor to quote with"));
        SafetyLimits limits = token.limits();
        TokenAmount probe = limits.probe().toTokenAmount();
        String size = sol(limits.probe()) + " SOL";
        Optional<Quote> buy = executor.quote(token.mint(), Side.BUY, probe, 0);
        if (buy.isEmpty()) {
            return CheckResult.fail("no route buys the token with " + size, 100);
        }
        TokenAmount held = afterTransferFee(token.mintAccount(), buy.get().expectedOut());
        if (held.signum() <= 0) {
            return CheckResult.fail("the transfer fee takes everything " + size + " buys", 100);
        }
        Optional<Quote> sell = executor.quote(token.mint(), Side.SELL, held, 0);
        if (sell.isEmpty()) {
            return CheckResult.fail("no route sells the token back to SOL", 100);
        }
        Optional<SwapExecutor.DryRun> tried = executor.dryRun(token.mint(), Side.SELL, held);
        if (tried.isPresent() && !tried.get().lands()) {
            return CheckResult.fail(
                    "a sell of what " + size + " buys would revert: "
                            + tried.get().detail(),
                    100);
        }
        BigInteger spent = probe.raw();
        BigInteger back = sell.get().expectedOut().raw();
        BigInteger lossBps = back.compareTo(spent) >= 0
                ? BigInteger.ZERO
                : ceilDiv(spent.subtract(back).multiply(BPS), spent);
        String trip = "a round trip of " + size + " returns " + sol(Lamports.of(back.longValueExact()))
                + " SOL, a loss of " + lossBps + " bps";
        if (lossBps.compareTo(BigInteger.valueOf(limits.maxRoundTripLossBps())) > 0) {
            return CheckResult.fail(trip + ", more than " + limits.maxRoundTripLossBps() + " bps", WEIGHT);
        }
        return CheckResult.pass(trip + (tried.isPresent() ? "; the sell lands when tried" : ""));
    }

    /** {@code amount} less the highest of the mint's two transfer fees on it; the amount itself for other mints. */
    private static TokenAmount afterTransferFee(MintAccount mint, TokenAmount amount) {
        Optional<Extension.TransferFeeConfig> config = mint.extension(Extension.TransferFeeConfig.class);
        if (config.isEmpty()) {
            return amount;
        }
        BigInteger fee =
                config.get().older().fee(amount.raw()).max(config.get().newer().fee(amount.raw()));
        return new TokenAmount(amount.raw().subtract(fee), amount.decimals());
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    private static String sol(Lamports lamports) {
        return lamports.toSol().stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return id();
    }
}
