package io.solbot.core.safety;

import io.solbot.core.solana.account.MintAccount;

/** The base mint's authorities, read from its account bytes (the option tags, never "non-zero key bytes"). */
final class AuthorityChecks {
    private AuthorityChecks() {}

    /** A mint authority can mint without limit and dilute every holder to nothing. */
    static final class MintAuthority implements SafetyCheck {
        static final int WEIGHT = 50;

        @Override
        public String id() {
            return "mint-authority";
        }

        @Override
        public CheckResult check(SafetyContext token) {
            MintAccount mint = token.mintAccount();
            if (!mint.initialized()) {
                return CheckResult.fail("the mint account is not initialised", 100);
            }
            return mint.mintAuthority()
                    .map(a -> CheckResult.fail("the mint authority " + a + " can mint more at any time", WEIGHT))
                    .orElseGet(() -> CheckResult.pass("the mint authority is renounced"));
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** A freeze authority can freeze any holder's token account, ours included, so that it can never sell. */
    static final class FreezeAuthority implements SafetyCheck {
        static final int WEIGHT = 60;

        @Override
        public String id() {
            return "freeze-authority";
        }

        @Override
        public CheckResult check(SafetyContext token) {
            return token.mintAccount()
                    .freezeAuthority()
                    .map(a -> CheckResult.fail(
                            "the freeze authority " + a + " can freeze any holder's account, so that it cannot sell",
                            WEIGHT))
                    .orElseGet(() -> CheckResult.pass("the freeze authority is renounced"));
        }

        @Override
        public String toString() {
            return id();
        }
    }
}
