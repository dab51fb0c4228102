package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void shouldAcceptBotIdsThatAreSafeFileNames() {
        assertThat(BotId.of("sniper-3").value()).isEqualTo("sniper-3");
        assertThat(BotId.of("a".repeat(64))).isNotNull();
        for (String bad : new String[] {"", "-lead", "../etc", "has space", "a/b", "a".repeat(65), ".hidden"}) {
            assertThatThrownBy(() -> BotId.of(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a valid bot id");
        }
    }

    @Test
    void shouldDrawRepeatableOrderIdsFromASeed() {
        OrderId a = OrderId.random(new SplittableRandom(7));
        OrderId b = OrderId.random(new SplittableRandom(7));
        assertThat(a).isEqualTo(b);
        assertThat(a.value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void shouldRequireSignaturesOfSixtyFourBytes() {
        byte[] bytes = new byte[64];
        bytes[63] = 9;
        TxSignature sig = TxSignature.ofBytes(bytes);
        assertThat(TxSignature.of(sig.value())).isEqualTo(sig);
        assertThatThrownBy(() -> TxSignature.of(Mint.USDC.address()))
                .hasMessageContaining("decodes to 32 bytes, but a transaction signature has 64");
    }
}
