package io.solbot.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillJsonTest {
    private static final BotId BOT = BotId.of("b-1");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123456789Z");
    private final ObjectMapper mapper = new ObjectMapper();

    private Fill roundTrip(Fill fill) throws Exception {
        String json = mapper.writeValueAsString(FillJson.of(fill));
        return mapper.readValue(json, FillJson.class).toFill(BOT, null);
    }

    @Test
    void shouldKeepASellForNothingAndItsZeroPrice() throws Exception {
        Fill worthless = new Fill(
                OrderId.of("o-1"),
                BOT,
                Mint.USDC,
                Side.SELL,
                TokenAmount.of(1_000, 6),
                Lamports.ZERO.toTokenAmount(),
                Price.ZERO,
                Lamports.of(5_000),
                Lamports.ZERO,
                TxSignature.ofBytes(new byte[64]),
                1,
                1,
                AT,
                AT);

        assertThat(roundTrip(worthless)).isEqualTo(worthless);
    }

    @Test
    void shouldKeepAWriteOffAWriteOff() throws Exception {
        Fill writeOff = Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TokenAmount.of(1_000, 6), AT);

        Fill read = roundTrip(writeOff);

        assertThat(read).isEqualTo(writeOff);
        assertThat(read.isWriteOff()).isTrue();
    }

    @Test
    void shouldKeepAFillsReasonAndReadTheSidesDefaultFromFilesWrittenBeforeFillsHadOne() throws Exception {
        Fill sell = new Fill(
                        OrderId.of("o-2"),
                        BOT,
                        Mint.USDC,
                        Side.SELL,
                        TokenAmount.of(1_000, 6),
                        Lamports.of(2_000).toTokenAmount(),
                        Price.of("2"),
                        Lamports.of(5_000),
                        Lamports.ZERO,
                        TxSignature.ofBytes(new byte[64]),
                        1,
                        1,
                        AT,
                        AT)
                .withReason("stop-loss");

        assertThat(roundTrip(sell)).isEqualTo(sell);
        String old = mapper.writeValueAsString(FillJson.of(sell)).replace(",\"reason\":\"stop-loss\"", "");
        assertThat(old).doesNotContain("reason");
        assertThat(mapper.readValue(old, FillJson.class).toFill(BOT, null).reason())
                .isEqualTo("exit");
    }
}
