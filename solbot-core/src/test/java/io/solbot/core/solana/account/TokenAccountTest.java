package io.solbot.core.solana.account;

import static io.solbot.core.solana.account.Bytes.SPL;
import static io.solbot.core.solana.account.Bytes.T22;
import static io.solbot.core.solana.account.Bytes.address;
import static io.solbot.core.solana.account.Bytes.extended;
import static io.solbot.core.solana.account.Bytes.tlv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAccountTest {
    private static final BigInteger ABOVE_LONG = new BigInteger("12345678901234567890");

    /** A token account: frozen, above Long.MAX_VALUE, with a delegate, a native reserve and a close authority. */
    private static Bytes account() {
        return new Bytes(165)
                .key(0, 1)
                .key(32, 33)
                .u64(64, ABOVE_LONG)
                .u32(72, 1)
                .key(76, 70)
                .u8(108, 2)
                .u32(109, 1)
                .u64(113, 2_039_280)
                .u64(121, 750)
                .u32(129, 1)
                .key(133, 140);
    }

    @Test
    void shouldDecodeAnSplTokenAccountFieldByField() {
        byte[] data = account().get();

        TokenAccount account = TokenAccount.decode(data, SPL);

        assertThat(account)
                .isEqualTo(new TokenAccount(
                        TokenProgram.SPL_TOKEN,
                        address(1),
                        address(33),
                        ABOVE_LONG,
                        Optional.of(address(70)),
                        AccountState.FROZEN,
                        Optional.of(BigInteger.valueOf(2_039_280)),
                        BigInteger.valueOf(750),
                        Optional.of(address(140)),
                        java.util.List.of()));
        assertThat(account.isFrozen()).isTrue();
        assertThat(account.toBytes()).isEqualTo(data);
    }

    @Test
    void shouldTreatARevokedDelegateAsNoneFromItsTagEvenWhenItsKeyIsStillThere() {
        TokenAccount account =
                TokenAccount.decode(account().u32(72, 0).u32(129, 0).u32(109, 0).get(), SPL);

        assertThat(account.delegate()).isEmpty();
        assertThat(account.closeAuthority()).isEmpty();
        assertThat(account.nativeReserve()).isEmpty();
    }

    @Test
    void shouldRefuseAStateOtherThanTheThreeKnown() {
        assertThatThrownBy(() -> TokenAccount.decode(account().u8(108, 3).get(), SPL))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("state at offset 108 must be 0, 1 or 2, but was 3");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 82, 164, 166, 170})
    void shouldRefuseAnSplTokenAccountOfAnySizeButOneHundredSixtyFive(int size) {
        assertThatThrownBy(() -> TokenAccount.decode(account().size(size).get(), SPL))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("an SPL Token account is 165 bytes, but this account is " + size);
    }

    @Test
    void shouldRefuseATokenAccountOwnedByAnotherProgram() {
        assertThatThrownBy(() -> TokenAccount.decode(account().get(), "Vote111111111111111111111111111111111111111"))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessageEndingWith("but this account is owned by Vote111111111111111111111111111111111111111");
    }

    @Test
    void shouldDecodeATokenTwentyTwentyTwoAccountOfExactlyOneHundredSixtyFiveBytes() {
        TokenAccount account = TokenAccount.decode(account().get(), T22);

        assertThat(account.program()).isEqualTo(TokenProgram.TOKEN_2022);
        assertThat(account.extensions()).isEmpty();
    }

    @Test
    void shouldDecodeTheExtensionsOfAnAssociatedTokenTwentyTwentyTwoAccount() {
        // an ATA: immutable owner (empty value), and a transfer-fee amount withheld
        byte[] data = extended(
                account().get(),
                2,
                tlv(7, new byte[0]),
                tlv(2, new Bytes(8).u64(0, 42).get()));

        TokenAccount account = TokenAccount.decode(data, T22);

        assertThat(data).hasSize(182);
        assertThat(account.extensions())
                .containsExactly(
                        new Extension.Opaque(ExtensionType.IMMUTABLE_OWNER, new byte[0]),
                        new Extension.Opaque(
                                ExtensionType.TRANSFER_FEE_AMOUNT,
                                new Bytes(8).u64(0, 42).get()));
        assertThat(account.toBytes()).isEqualTo(data);
    }

    @Test
    void shouldRefuseAMintExtensionOnATokenAccountAndAMintAccountType() {
        assertThatThrownBy(() -> TokenAccount.decode(extended(account().get(), 2, tlv(9, new byte[0])), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the extension at offset 166 is NON_TRANSFERABLE (type 9), which belongs on a mint, not "
                        + "a token account");
        assertThatThrownBy(() -> TokenAccount.decode(extended(account().get(), 1), T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessage("the account type at offset 165 is 1, but a token account's is 2");
    }

    @Test
    void shouldRefuseATruncatedExtensionOfATokenAccount() {
        byte[] data = extended(account().get(), 2, tlv(2, 8, new byte[5]));

        assertThatThrownBy(() -> TokenAccount.decode(data, T22))
                .isInstanceOf(MalformedAccountException.class)
                .hasMessageContaining("declares 8 bytes, but only 5 remain");
    }
}
