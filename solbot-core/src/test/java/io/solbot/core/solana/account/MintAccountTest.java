package io.solbot.core.solana.account;

import static io.solbot.core.solana.account.Bytes.SPL;
import static io.solbot.core.solana.account.Bytes.T22;
import static io.solbot.core.solana.account.Bytes.address;
import static io.solbot.core.solana.account.Bytes.extended;
import static io.solbot.core.solana.account.Bytes.tlv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Authorities;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MintAccountTest {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    /** An SPL mint: both authorities set, 1 000 000 000 raw units, 6 decimals (the layout of solana.md §4.1). */
    private static Bytes mint() {
        return new Bytes(82)
                .u32(0, 1)
                .key(4, 10)
                .u64(36, 1_000_000_000L)
                .u8(44, 6)
                .u8(45, 1)
                .u32(46, 1)
                .key(50, 100);
    }

    @Test
    void shouldDecodeAnSplMintFieldByField() {
        byte[] data = mint().get();
        // the supply bytes as solana.md shows them for 1 000 000 000: 00ca9a3b00000000
        assertThat(HexFormat.of().formatHex(data, 36, 46)).isEqualTo("00ca9a3b000000000601");

        MintAccount mint = MintAccount.decode(data, SPL);

        assertThat(mint.program()).isEqualTo(TokenProgram.SPL_TOKEN);
        assertThat(mint.mintAuthority()).contains(address(10));
        assertThat(mint.supply()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(mint.decimals()).isEqualTo(6);
        assertThat(mint.initialized()).isTrue();
        assertThat(mint.freezeAuthority()).contains(address(100));
        assertThat(mint.extensions()).isEmpty();
        assertThat(mint.authorities()).isEqualTo(new Authorities(address(10), address(100)));
        assertThat(mint.toBytes()).isEqualTo(data);
    }

    @Test
    void shouldTreatAnAuthorityAsRenouncedFromItsTagEvenWhenItsOldKeyIsStillThere() {
        byte[] data = mint().u32(0, 0).u32(46, 0).get();

        MintAccount mint = MintAccount.decode(data, SPL);

        assertThat(mint.mintAuthority()).isEmpty();
        assertThat(mint.freezeAuthority()).isEmpty();
        assertThat(mint.authorities()).isEqualTo(Authorities.RENOUNCED);
    }

    @Test
    void shouldReadASupplyAboveLongMaxValueAsUnsigned() {
        MintAccount max = MintAccount.decode(mint().u64(36, U64_MAX).get(), SPL);
        MintAccount justAbove = MintAccount.decode(
                mint().u64(36, BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))
                        .get(),
                SPL);

        assertThat(max.supply()).isEqualTo(U64_MAX);
        assertThat(justAbove.supply()).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(max.supplyAmount().isU64()).isTrue();
    }

    @Test
    void shouldRefuseAnOptionTagOtherThanZeroOrOne() {
        assertThatThrownBy(() -> MintAccount.decode(mint().u32(46, 2).get(), SPL))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("freezeAuthority's option tag at offset 46 must be 0 or 1, but was 2");
        assertThatThrownBy(() -> MintAccount.decode(mint().u8(45, 7).get(), SPL))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("isInitialized at offset 45 is a bool (0 or 1), but was 7");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 81, 83, 165, 166})
    void shouldRefuseAnSplMintOfAnySizeButEightyTwo(int size) {
        assertThatThrownBy(() -> MintAccount.decode(mint().size(size).get(), SPL))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("an SPL Token mint is 82 bytes, but this account is " + size);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 81, 83, 165, 355})
    void shouldRefuseATokenTwentyTwentyTwoMintOfASizeNoMintHas(int size) {
        assertThatThrownBy(() -> MintAccount.decode(mint().size(size).get(), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessageStartingWith("a Token-2022 mint is 82 bytes, or at least 166")
                .hasMessageEndingWith("but this account is " + size);
    }

    @Test
    void shouldRefuseAnAccountOwnedByAnotherProgram() {
        assertThatThrownBy(() -> MintAccount.decode(mint().get(), "11111111111111111111111111111111"))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("a mint is owned by " + SPL + " or " + T22
                        + ", but this account is owned by 11111111111111111111111111111111");
        assertThatThrownBy(() -> MintAccount.decode(mint().get(), null)).isInstanceOf(MalformedAccountException.class);
    }

    @Test
    void shouldDecodeATokenTwentyTwentyTwoMintOfEightyTwoBytesAsOneWithoutExtensions() {
        MintAccount mint = MintAccount.decode(mint().get(), T22);

        assertThat(mint.program()).isEqualTo(TokenProgram.TOKEN_2022);
        assertThat(mint.extensions()).isEmpty();
    }

    /** The TransferFeeConfig value: authorities, withheld, older {epoch, max, bps}, newer {epoch, max, bps}. */
    private static byte[] transferFee(int olderBps, long olderMax, long newerEpoch, int newerBps, long newerMax) {
        return new Bytes(108)
                .key(0, 30)
                .key(32, 60)
                .u64(64, U64_MAX)
                .u64(72, 0)
                .u64(80, olderMax)
                .u16(88, olderBps)
                .u64(90, newerEpoch)
                .u64(98, newerMax)
                .u16(106, newerBps)
                .get();
    }

    private static byte[] keys(int... seeds) {
        Bytes b = new Bytes(32 * seeds.length);
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] != 0) {
                b.key(32 * i, seeds[i]);
            }
        }
        return b.get();
    }

    @Test
    void shouldDecodeEveryExtensionASafetyCheckReadsFieldByField() {
        byte[] auditor = new Bytes(65).key(0, 40).u8(32, 1).get(); // authority, auto-approve, no auditor key
        byte[] pausable = new Bytes(33).key(0, 50).u8(32, 1).get();
        byte[] data = extended(
                mint().get(),
                1,
                tlv(1, transferFee(500, 5000, 812, 1000, 9000)),
                tlv(3, keys(70)),
                tlv(4, auditor),
                tlv(6, new byte[] {2}),
                tlv(9, new byte[0]),
                tlv(12, keys(80)),
                tlv(14, keys(0, 90)),
                tlv(18, keys(110, 120)),
                tlv(26, pausable));
        // the verified bytes of a 500 bps, 5000 maximum fee: …8813000000000000 f401
        assertThat(HexFormat.of().formatHex(data, 166 + 4 + 80, 166 + 4 + 90)).isEqualTo("8813000000000000f401");

        MintAccount mint = MintAccount.decode(data, T22);

        assertThat(mint.extensions())
                .containsExactly(
                        new Extension.TransferFeeConfig(
                                Optional.of(address(30)),
                                Optional.of(address(60)),
                                U64_MAX,
                                new Extension.TransferFee(BigInteger.ZERO, BigInteger.valueOf(5000), 500),
                                new Extension.TransferFee(BigInteger.valueOf(812), BigInteger.valueOf(9000), 1000)),
                        new Extension.MintCloseAuthority(Optional.of(address(70))),
                        new Extension.ConfidentialTransferMint(Optional.of(address(40)), true, Optional.empty()),
                        new Extension.DefaultAccountState(AccountState.FROZEN),
                        new Extension.NonTransferable(),
                        new Extension.PermanentDelegate(Optional.of(address(80))),
                        new Extension.TransferHook(Optional.empty(), Optional.of(address(90))),
                        new Extension.MetadataPointer(Optional.of(address(110)), Optional.of(address(120))),
                        new Extension.Pausable(Optional.of(address(50)), true));
        assertThat(mint.extension(Extension.TransferHook.class).flatMap(Extension.TransferHook::programId))
                .contains(address(90));
        assertThat(mint.extension(ExtensionType.NON_TRANSFERABLE)).contains(new Extension.NonTransferable());
        assertThat(mint.toBytes()).isEqualTo(data);
    }

    @Test
    void shouldKeepExtensionsInTheOrderOfTheAccountWhateverItIs() {
        byte[] data = extended(
                mint().get(), 1, tlv(26, new byte[33]), tlv(14, keys(1, 2)), tlv(12, keys(3)), tlv(1, new byte[108]));

        MintAccount mint = MintAccount.decode(data, T22);

        assertThat(mint.extensions()).extracting(Extension::number).containsExactly(26, 14, 12, 1);
        assertThat(mint.extension(Extension.Pausable.class)).contains(new Extension.Pausable(Optional.empty(), false));
    }

    @Test
    void shouldReadZeroLengthExtensionsAndGoOnAfterThem() {
        byte[] data = extended(
                mint().get(), 1, tlv(9, new byte[0]), tlv(4000, new byte[0]), tlv(12, keys(7)), tlv(28, new byte[0]));

        MintAccount mint = MintAccount.decode(data, T22);

        assertThat(mint.extensions())
                .containsExactly(
                        new Extension.NonTransferable(),
                        new Extension.Unknown(4000, new byte[0]),
                        new Extension.PermanentDelegate(Optional.of(address(7))),
                        new Extension.Opaque(ExtensionType.PERMISSIONED_BURN, new byte[0]));
    }

    @Test
    void shouldKeepAnUnknownTypeAndAKnownUndecodedTypeWithTheirBytes() {
        byte[] interest = HexFormat.of().parseHex("0102030405");
        byte[] future = HexFormat.of().parseHex("deadbeef");
        byte[] data = extended(mint().get(), 1, tlv(10, interest), tlv(65535, future));

        MintAccount mint = MintAccount.decode(data, T22);

        assertThat(mint.extensions())
                .containsExactly(
                        new Extension.Opaque(ExtensionType.INTEREST_BEARING_CONFIG, interest),
                        new Extension.Unknown(65535, future));
        assertThat(mint.extensions().get(1).type()).isEmpty();
        assertThat(mint.toBytes()).isEqualTo(data);
    }

    @Test
    void shouldRefuseAnExtensionWhoseDeclaredLengthRunsPastTheEnd() {
        byte[] data = extended(mint().get(), 1, tlv(12, keys(7)), tlv(14, 64, keys(8)));

        assertThatThrownBy(() -> MintAccount.decode(data, T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the extension at offset 202 (type 14) declares 64 bytes, but only 32 remain: the "
                        + "extension list is truncated");
    }

    @Test
    void shouldStopAtATypeZeroEntryOrAtPaddingTooShortForAHeader() {
        byte[] zeroEnd = extended(mint().get(), 1, tlv(9, new byte[0]), new byte[12]);
        byte[] shortTail = extended(mint().get(), 1, tlv(9, new byte[0]), new byte[] {14, 0, 64});

        assertThat(MintAccount.decode(zeroEnd, T22).extensions()).containsExactly(new Extension.NonTransferable());
        assertThat(MintAccount.decode(shortTail, T22).extensions()).containsExactly(new Extension.NonTransferable());
    }

    @Test
    void shouldRefuseADecodedExtensionOfTheWrongSize() {
        byte[] data = extended(mint().get(), 1, tlv(12, new byte[31]));

        assertThatThrownBy(() -> MintAccount.decode(data, T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the PERMANENT_DELEGATE extension (type 12) whose value starts at offset 170 holds 31 "
                        + "bytes, but its layout has 32");
    }

    @Test
    void shouldRefuseATokenAccountExtensionARepeatedTypeAndTheWrongAccountType() {
        assertThatThrownBy(() -> MintAccount.decode(extended(mint().get(), 1, tlv(7, new byte[0])), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the extension at offset 166 is IMMUTABLE_OWNER (type 7), which belongs on a token "
                        + "account, not a mint");
        assertThatThrownBy(() ->
                        MintAccount.decode(extended(mint().get(), 1, tlv(9, new byte[0]), tlv(9, new byte[0])), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the extension at offset 170 repeats type 9, which may appear once");
        assertThatThrownBy(() -> MintAccount.decode(extended(mint().get(), 2, tlv(9, new byte[0])), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the account type at offset 165 is 2, but a mint's is 1");
        assertThatThrownBy(() -> MintAccount.decode(extended(mint().get(), 1, tlv(6, new byte[] {3})), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("defaultAccountState at offset 170 must be 0, 1 or 2, but was 3");
    }

    @Test
    void shouldComputeATransferFeeRoundedUpAndCappedAndPickTheFeeInForce() {
        Extension.TransferFeeConfig config = (Extension.TransferFeeConfig) MintAccount.decode(
                        extended(mint().get(), 1, tlv(1, transferFee(500, 5000, 812, 1000, 9000))), T22)
                .extensions()
                .getFirst();

        // 5 % of 1001 is 50.05: rounded up to 51; of 1 000 000 it is 50 000: capped at 5000
        assertThat(config.older().fee(BigInteger.valueOf(1001))).isEqualTo(BigInteger.valueOf(51));
        assertThat(config.older().fee(BigInteger.valueOf(1_000_000))).isEqualTo(BigInteger.valueOf(5000));
        assertThat(config.feeIn(BigInteger.valueOf(811))).isEqualTo(config.older());
        assertThat(config.feeIn(BigInteger.valueOf(812))).isEqualTo(config.newer());
        assertThat(config.maxBasisPoints()).isEqualTo(1000);
    }

    @Test
    void shouldRoundTripEveryDecodedMintThroughItsBytes() {
        MintAccount mint = new MintAccount(
                TokenProgram.TOKEN_2022,
                Optional.empty(),
                U64_MAX,
                9,
                true,
                Optional.of(address(3)),
                List.of(new Extension.TransferHook(Optional.of(address(4)), Optional.of(address(5)))));

        assertThat(MintAccount.decode(mint.toBytes(), T22)).isEqualTo(mint);
    }
}
