package io.solbot.core.solana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AddressTest {
    /** A 64-byte secret key (seed and public key) as the Solana CLI and wallets export it. */
    private static final String SECRET = secret();

    @Test
    void shouldNotEchoASecretKeyPastedWhereAnAddressBelongs() {
        assertThatThrownBy(() -> Address.of(SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text of " + SECRET.length() + " characters starting '" + SECRET.substring(0, 4)
                        + "' is not a valid Solana address: it decodes to 64 bytes, but a Solana address has 32");
        assertThatThrownBy(() -> Mint.of(SECRET)).message().doesNotContain(SECRET.substring(0, 20));
    }

    @Test
    void shouldNotEchoASecretKeyWithATypo() {
        String typo = SECRET.substring(0, 50) + "0" + SECRET.substring(51);

        assertThatThrownBy(() -> Address.of(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a valid Solana address: it is not base58")
                .message()
                .doesNotContain(typo.substring(0, 20))
                .doesNotContain(typo.substring(40));
    }

    @Test
    void shouldEchoTextThatCouldBeAnAddress() {
        assertThatThrownBy(() -> Address.of("abc"))
                .hasMessage("'abc' is not a valid Solana address: it decodes to 3 bytes, but a Solana address has 32");
        assertThat(Address.of(Address.SYSTEM_PROGRAM.toString())).isEqualTo(Address.SYSTEM_PROGRAM);
    }

    private static String secret() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        Keypair keypair = Keypair.fromSeed(seed);
        byte[] secret = Arrays.copyOf(seed, 64);
        System.arraycopy(keypair.address().bytes(), 0, secret, 32, 32);
        return Base58.encode(secret);
    }
}
