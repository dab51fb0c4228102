package io.solbot.core.safety;

import io.solbot.core.solana.account.AccountState;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.solana.account.MintAccount;
import io.solbot.core.solana.account.TokenProgram;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Token-2022 extensions that can keep a holder from selling or take its tokens: a transfer hook, a permanent
 * delegate, non-transferable, accounts frozen by default, a transfer fee above the limit, a close authority, pausable;
 * and the ones that make other checks unreliable (confidential balances, unknown types). The result is the worst
 * finding's outcome, weighing the most of the findings with that outcome, with every finding in its reason.
 */
final class ExtensionCheck implements SafetyCheck {
    private record Finding(CheckResult.Outcome outcome, int weight, String text) {}

    @Override
    public String id() {
        return "token-extensions";
    }

    @Override
    public CheckResult check(SafetyContext token) {
        MintAccount mint = token.mintAccount();
        if (mint.program() == TokenProgram.SPL_TOKEN) {
            return CheckResult.pass("an SPL Token mint: no extensions");
        }
        List<Finding> findings = new ArrayList<>();
        for (Extension e : mint.extensions()) {
            Finding f = finding(e, token.limits());
            if (f != null) {
                findings.add(f);
            }
        }
        if (findings.isEmpty()) {
            return CheckResult.pass("a Token-2022 mint whose extensions are harmless: " + names(mint));
        }
        CheckResult.Outcome worst =
                findings.stream().map(Finding::outcome).max(Enum::compareTo).orElseThrow();
        int weight = findings.stream()
                .filter(f -> f.outcome() == worst)
                .mapToInt(Finding::weight)
                .max()
                .orElseThrow();
        String reason = findings.stream().map(Finding::text).collect(Collectors.joining("; "));
        return new CheckResult(worst, reason, weight);
    }

    private static Finding finding(Extension extension, SafetyLimits limits) {
        return switch (extension) {
            case Extension.TransferFeeConfig fee -> transferFee(fee, limits);
            case Extension.TransferHook hook
            when hook.programId().isPresent() ->
                fail(
                        60,
                        "the transfer hook program " + hook.programId().get() + " runs on every transfer and can "
                                + "refuse sells");
            case Extension.TransferHook hook
            when hook.authority().isPresent() ->
                warn(
                        30,
                        "a transfer hook can be set at any time by "
                                + hook.authority().get());
            case Extension.PermanentDelegate d
            when d.delegate().isPresent() ->
                fail(60, "the permanent delegate " + d.delegate().get() + " can move or burn anyone's tokens");
            case Extension.NonTransferable n -> fail(100, "the token is non-transferable: it can never be sold");
            case Extension.DefaultAccountState s
            when s.state() == AccountState.FROZEN ->
                fail(100, "new token accounts start frozen: a buyer cannot sell until the freeze authority thaws it");
            case Extension.Pausable p when p.paused() -> fail(100, "transfers are paused");
            case Extension.Pausable p
            when p.authority().isPresent() ->
                warn(40, "the pause authority " + p.authority().get() + " can stop every transfer");
            case Extension.MintCloseAuthority c
            when c.authority().isPresent() ->
                warn(20, "the close authority " + c.authority().get() + " can close the mint once its supply is 0");
            case Extension.ConfidentialTransferMint c ->
                warn(30, "balances can be confidential, so holder concentration cannot be trusted");
            case Extension.Unknown u -> warn(20, "extension type " + u.number() + " is unknown to this check");
            default -> null;
        };
    }

    private static Finding transferFee(Extension.TransferFeeConfig fee, SafetyLimits limits) {
        int bps = fee.maxBasisPoints();
        String rates = "a transfer fee of up to " + percent(bps) + " (older "
                + fee.older().basisPoints() + " bps, newer " + fee.newer().basisPoints() + " bps from epoch "
                + fee.newer().epoch() + ")";
        String mutable =
                fee.configAuthority().map(a -> ", which " + a + " can raise").orElse("");
        if (bps > limits.maxTransferFeeBps()) {
            return fail(60, rates + mutable + ", more than " + percent(limits.maxTransferFeeBps()));
        }
        if (bps > 0 || !mutable.isEmpty()) {
            return warn(20, rates + mutable);
        }
        return null;
    }

    private static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).toPlainString() + " %";
    }

    private static String names(MintAccount mint) {
        return mint.extensions().isEmpty()
                ? "none"
                : mint.extensions().stream()
                        .map(e -> e.type().map(Enum::name).orElse("type " + e.number()))
                        .collect(Collectors.joining(", "));
    }

    private static Finding fail(int weight, String text) {
        return new Finding(CheckResult.Outcome.FAIL, weight, text);
    }

    private static Finding warn(int weight, String text) {
        return new Finding(CheckResult.Outcome.WARN, weight, text);
    }

    @Override
    public String toString() {
        return id();
    }
}
