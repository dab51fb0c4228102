package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MintTest {
    @Test
    void shouldParseWrappedSolAndUsdc() {
        assertThat(Mint.of("So11111111111111111111111111111111111111112")).isEqualTo(Mint.WRAPPED_SOL);
        assertThat(Mint.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")).isEqualTo(Mint.USDC);
        // the first bytes of the USDC mint as every Solana explorer shows them in hex
        assertThat(HexFormat.of().formatHex(Mint.USDC.bytes()))
                .isEqualTo("c6fa7af3bedbad3a3d65f36aabc97431b1bbe4c2d2f6e0e47ca60203452f5d61");
        assertThat(Mint.WRAPPED_SOL.bytes()).hasSize(32);
    }

    @Test
    void shouldEncodeBase58AsTheBigIntegerDefinitionDoesForAnyBytes() {
        java.util.Random random = new java.util.Random(58);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            int zeros = bytes.length == 0 ? 0 : random.nextInt(Math.min(4, bytes.length) + 1);
            Arrays.fill(bytes, 0, zeros, (byte) 0);
            if (random.nextInt(10) == 0) {
                Arrays.fill(bytes, (byte) 0);
            }
            StringBuilder expected = new StringBuilder();
            java.math.BigInteger value = new java.math.BigInteger(1, bytes);
            java.math.BigInteger base = java.math.BigInteger.valueOf(58);
            while (value.signum() > 0) {
                java.math.BigInteger[] qr = value.divideAndRemainder(base);
                expected.append("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".charAt(qr[1].intValue()));
                value = qr[0];
            }
            for (int z = 0; z < bytes.length && bytes[z] == 0; z++) {
                expected.append('1');
            }
            String encoded = Base58.encode(bytes);
            assertThat(encoded)
                    .as("%d bytes %s", bytes.length, HexFormat.of().formatHex(bytes))
                    .isEqualTo(expected.reverse().toString());
            if (bytes.length > 0) {
                assertThat(Base58.decode(encoded)).isEqualTo(bytes);
            }
        }
    }

    @Test
    void shouldAcceptTheAllZeroAddressWhoseBase58IsAllOnes() {
        Mint system = Mint.of("11111111111111111111111111111111");
        assertThat(system.bytes()).containsOnly(0).hasSize(32);
    }

    @Test
    void shouldRoundTripThirtyTwoBytesThroughBase58() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 5);
        }
        bytes[0] = 0;
        Mint mint = Mint.of(Base58.encode(bytes));
        assertThat(mint.bytes()).isEqualTo(bytes);
        assertThat(mint.address()).startsWith("1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0o11111111111111111111111111111111111111112", // 0
                "OPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", // O
                "IPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", // I
                "lPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", // l
                "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1+", // not alphanumeric
                "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1é", // not ASCII
            })
    void shouldRefuseCharactersOutsideBase58NamingTheCharacter(String address) {
        assertThat(Mint.isValid(address)).isFalse();
        assertThatThrownBy(() -> Mint.of(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid Solana address")
                .hasMessageContaining("is not base58");
    }

    @Test
    void shouldRefuseTextThatDecodesToThirtyOneOrThirtyThreeBytes() {
        byte[] b31 = new byte[31];
        byte[] b33 = new byte[33];
        Arrays.fill(b31, (byte) 0x7f);
        Arrays.fill(b33, (byte) 0x7f);
        String short31 = Base58.encode(b31);
        String long33 = Base58.encode(b33);
        assertThat(short31.length()).isBetween(32, 44); // a length check alone would let it through
        assertThat(long33.length()).isBetween(32, 45);

        assertThat(Mint.isValid(short31)).isFalse();
        assertThat(Mint.isValid(long33)).isFalse();
        assertThatThrownBy(() -> Mint.of(short31))
                .hasMessageContaining("decodes to 31 bytes, but a Solana address has 32");
        assertThatThrownBy(() -> Mint.of(long33))
                .hasMessageContaining("decodes to 33 bytes, but a Solana address has 32");
    }

    @Test
    void shouldRefuseWrongLengthsEmptyAndNull() {
        assertThat(Mint.isValid("So1111111111111111111111111111111111111111")).isFalse();
        assertThatThrownBy(() -> Mint.of("So1111")).hasMessageContaining("decodes to");
        assertThatThrownBy(() -> Mint.of("")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Mint.of(null)).hasMessageContaining("must not be null");
        assertThat(Mint.isValid(null)).isFalse();
    }

    @Test
    void shouldDecodeAndEncodeKnownVectors() {
        assertThat(Base58.encode("Hello World!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(new String(Base58.decode("2NEpo7TZRRrLZSi2U"), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("Hello World!");
        assertThat(Base58.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd}))
                .isEqualTo("11233QC4");
        assertThat(Base58.decode("11233QC4")).containsExactly(0, 0, 0x28, 0x7f, 0xb4, 0xcd);
    }
}
