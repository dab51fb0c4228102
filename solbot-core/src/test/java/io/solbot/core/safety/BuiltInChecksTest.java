package io.solbot.core.safety;

import static io.solbot.core.safety.MintBytes.address;
import static io.solbot.core.safety.TokenMarket.SPL;
import static io.solbot.core.safety.TokenMarket.T22;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each built-in check on crafted account bytes, holder lists and pools, with hand-computed results. */
class BuiltInChecksTest {
    private static final Mint TOKEN = Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr");

    private final TokenMarket market = new TokenMarket();
    private final SafetyGate gate = SafetyGate.builder(market).inline().build();

    private CheckResult run(String check) {
        Set<String> off = new HashSet<>(gate.checkIds());
        off.remove(check);
        SafetyVerdict verdict = gate.verdict(TOKEN, new SafetyChoice(true, off));
        assertThat(verdict.items()).hasSize(1);
        return verdict.items().getFirst().result();
    }

    private CheckResult mintCheck(String check, MintBytes mint, String owner) {
        market.account(TOKEN, owner, mint.get());
        return run(check);
    }

    @Test
    void shouldFailAMintAuthorityAndPassARenouncedOneWhoseOldKeyIsStillThere() {
        assertThat(mintCheck(BuiltInChecks.MINT_AUTHORITY, new MintBytes(1000).mintAuthority(9), SPL))
                .isEqualTo(CheckResult.fail("the mint authority " + address(9) + " can mint more at any time", 50));
        assertThat(new SafetyGateFixture(new TokenMarket()
                                .account(
                                        TOKEN,
                                        SPL,
                                        new MintBytes(1000)
                                                .renouncedMintAuthorityWithOldKey(9)
                                                .get()))
                        .only(BuiltInChecks.MINT_AUTHORITY, TOKEN))
                .isEqualTo(CheckResult.pass("the mint authority is renounced"));
        assertThat(new SafetyGateFixture(new TokenMarket()
                                .account(
                                        TOKEN,
                                        SPL,
                                        new MintBytes(1000).uninitialised().get()))
                        .only(BuiltInChecks.MINT_AUTHORITY, TOKEN))
                .isEqualTo(CheckResult.fail("the mint account is not initialised", 100));
    }

    @Test
    void shouldFailAFreezeAuthorityAndPassWithoutOne() {
        assertThat(mintCheck(BuiltInChecks.FREEZE_AUTHORITY, new MintBytes(1000).freezeAuthority(4), T22))
                .isEqualTo(CheckResult.fail(
                        "the freeze authority " + address(4)
                                + " can freeze any holder's account, so that it cannot sell",
                        60));
        assertThat(new SafetyGateFixture(new TokenMarket().account(TOKEN, T22, new MintBytes(1000).get()))
                        .only(BuiltInChecks.FREEZE_AUTHORITY, TOKEN))
                .isEqualTo(CheckResult.pass("the freeze authority is renounced"));
    }

    @Test
    void shouldFailClosedOnMintBytesOfTheWrongOwnerOrSizeOrNone() {
        assertThat(mintCheck(BuiltInChecks.MINT_AUTHORITY, new MintBytes(1000), "11111111111111111111111111111111"))
                .isEqualTo(CheckResult.fail(
                        "could not check, so it fails closed: a mint is owned by " + SPL + " or " + T22
                                + ", but this account is owned by 11111111111111111111111111111111",
                        100));
        assertThat(new SafetyGateFixture(new TokenMarket()).only(BuiltInChecks.FREEZE_AUTHORITY, TOKEN))
                .isEqualTo(CheckResult.fail(
                        "could not check, so it fails closed: the market has no account data for " + TOKEN, 100));
    }

    @Test
    void shouldPassAnSplMintAndAToken2022MintWithOnlyHarmlessExtensions() {
        assertThat(mintCheck(BuiltInChecks.TOKEN_EXTENSIONS, new MintBytes(1000), SPL))
                .isEqualTo(CheckResult.pass("an SPL Token mint: no extensions"));
        byte[] pointer = new byte[64];
        assertThat(new SafetyGateFixture(new TokenMarket()
                                .account(
                                        TOKEN,
                                        T22,
                                        new MintBytes(1000)
                                                .extension(18, pointer)
                                                .extension(10, new byte[52])
                                                .get()))
                        .only(BuiltInChecks.TOKEN_EXTENSIONS, TOKEN))
                .isEqualTo(CheckResult.pass(
                        "a Token-2022 mint whose extensions are harmless: METADATA_POINTER, INTEREST_BEARING_CONFIG"));
    }

    @Test
    void shouldFailEveryExtensionThatCanKeepAHolderFromSelling() {
        byte[] hook = new byte[64];
        System.arraycopy(MintBytes.key(7), 0, hook, 32, 32);
        byte[] frozen = {2};
        byte[] paused = new byte[33];
        paused[32] = 1;
        CheckResult result = mintCheck(
                BuiltInChecks.TOKEN_EXTENSIONS,
                new MintBytes(1000)
                        .extension(14, hook)
                        .extension(12, MintBytes.key(8))
                        .extension(9, new byte[0])
                        .extension(6, frozen)
                        .extension(26, paused)
                        .extension(3, MintBytes.key(5)),
                T22);

        assertThat(result)
                .isEqualTo(CheckResult.fail(
                        "the transfer hook program " + address(7) + " runs on every transfer and can refuse sells; "
                                + "the permanent delegate " + address(8) + " can move or burn anyone's tokens; "
                                + "the token is non-transferable: it can never be sold; "
                                + "new token accounts start frozen: a buyer cannot sell until the freeze authority "
                                + "thaws it; transfers are paused; the close authority " + address(5)
                                + " can close the mint once its supply is 0",
                        100));
    }

    @Test
    void shouldWeighTheOlderAndTheNewerTransferFeeAgainstTheLimit() {
        // 1 % now, 8 % from epoch 900: the scheduled fee is above the 5 % limit
        CheckResult scheduled = mintCheck(
                BuiltInChecks.TOKEN_EXTENSIONS,
                new MintBytes(1000).extension(1, MintBytes.transferFee(3, 100, 800, 900)),
                T22);
        assertThat(scheduled)
                .isEqualTo(CheckResult.fail(
                        "a transfer fee of up to 8.00 % (older 100 bps, newer 800 bps from epoch 900), which "
                                + address(3) + " can raise, more than 5.00 %",
                        60));

        CheckResult low = new SafetyGateFixture(new TokenMarket()
                        .account(
                                TOKEN,
                                T22,
                                new MintBytes(1000)
                                        .extension(1, MintBytes.transferFee(0, 100, 200, 900))
                                        .get()))
                .only(BuiltInChecks.TOKEN_EXTENSIONS, TOKEN);
        assertThat(low)
                .isEqualTo(CheckResult.warn(
                        "a transfer fee of up to 2.00 % (older 100 bps, newer 200 bps from epoch 900)", 20));
    }

    @Test
    void shouldWarnOfAnUnknownExtensionTypeAndOfConfidentialBalances() {
        CheckResult result = mintCheck(
                BuiltInChecks.TOKEN_EXTENSIONS,
                new MintBytes(1000).extension(4, new byte[65]).extension(999, new byte[] {1}),
                T22);

        assertThat(result)
                .isEqualTo(CheckResult.warn(
                        "balances can be confidential, so holder concentration cannot be trusted; extension type 999 "
                                + "is unknown to this check",
                        30));
    }

    private static Holder holder(String owner, long amount) {
        return new Holder(owner, TokenAmount.of(amount, 6), false);
    }

    @Test
    void shouldLeavePoolAndBurnAccountsOutOfHolderConcentration() {
        // supply 10 000: pool 4000 and burnt 2000 are left out, so 4000 circulate; the largest owner has 1000 (25 %)
        // in two accounts, the ten largest (all there are) 3900 (97.5 %)
        market.account(TOKEN, SPL, new MintBytes(10_000).get())
                .holders(
                        TOKEN,
                        new Holder(address(1), TokenAmount.of(4000, 6), true),
                        holder(Holder.INCINERATOR, 2000),
                        holder(address(2), 600),
                        holder(address(3), 500),
                        holder(address(2), 400),
                        holder(address(4), 300),
                        holder(address(5), 300),
                        holder(address(6), 300),
                        holder(address(7), 300),
                        holder(address(8), 300),
                        holder(address(9), 300),
                        holder(address(10), 300),
                        holder(address(11), 300));

        assertThat(run(BuiltInChecks.TOP_HOLDERS))
                .isEqualTo(CheckResult.fail(
                        "the largest owner holds 25.00 % and the ten largest 97.50 % of the circulating supply (pool "
                                + "and burn accounts, 60.00 % of the supply, left out); the ten largest may hold at "
                                + "most 75.00 %",
                        50));
    }

    @Test
    void shouldPassSpreadHoldersAndFailOneOwnerAboveHalfWithoutPoolOrBurn() {
        TokenMarket spread = new TokenMarket().account(TOKEN, SPL, new MintBytes(10_000).get());
        Holder[] many = new Holder[20];
        for (int i = 0; i < 20; i++) {
            many[i] = holder(address(i + 1), 250);
        }
        spread.holders(TOKEN, many);
        assertThat(new SafetyGateFixture(spread).only(BuiltInChecks.TOP_HOLDERS, TOKEN))
                .isEqualTo(CheckResult.pass("the largest owner holds 2.50 % and the ten largest 25.00 % of the "
                        + "circulating supply (pool and burn accounts, 0.00 % of the supply, left out)"));

        TokenMarket whale = new TokenMarket()
                .account(TOKEN, SPL, new MintBytes(10_000).get())
                .holders(TOKEN, holder(address(1), 5001), holder(address(2), 100));
        assertThat(new SafetyGateFixture(whale).only(BuiltInChecks.TOP_HOLDERS, TOKEN))
                .isEqualTo(CheckResult.fail(
                        "the largest owner holds 50.01 % and the ten largest 51.01 % of the circulating supply (pool "
                                + "and burn accounts, 0.00 % of the supply, left out); one owner may hold at most "
                                + "50.00 %",
                        50));
    }

    @Test
    void shouldPassAPoolAtTheLiquidityFloorAndFailOneBelowItOrDrainedOrMissing() {
        market.pool(TOKEN, 5_000_000_000L, 1_000_000);
        assertThat(run(BuiltInChecks.LIQUIDITY))
                .isEqualTo(CheckResult.pass("the pool's depth is 10 SOL, at least 10 SOL"));

        TokenMarket shallow = new TokenMarket().pool(TOKEN, 4_999_999_999L, 1_000_000);
        assertThat(new SafetyGateFixture(shallow).only(BuiltInChecks.LIQUIDITY, TOKEN))
                .isEqualTo(CheckResult.fail("the pool's depth is 9.999999998 SOL, below the minimum of 10 SOL", 70));
        TokenMarket drained = new TokenMarket().pool(TOKEN, 0, 1_000_000);
        assertThat(new SafetyGateFixture(drained).only(BuiltInChecks.LIQUIDITY, TOKEN))
                .isEqualTo(CheckResult.fail("the pool is drained: there is nothing to sell into", 100));
        assertThat(new SafetyGateFixture(new TokenMarket()).only(BuiltInChecks.LIQUIDITY, TOKEN))
                .isEqualTo(CheckResult.fail(
                        "could not check, so it fails closed: the market knows no pool of " + TOKEN, 100));
    }
}
