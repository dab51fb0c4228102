package io.solbot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final BotId BOT = BotId.of("b-1");
    private static final TokenAmount TOKENS = TokenAmount.of(1_000, 6);

    private static Fill fill(Side side, TokenAmount in, TokenAmount out, Price price, long fee) {
        // built by hand, not with Fills: these tests check what the constructor accepts
        return new Fill(
                OrderId.of("o-1"),
                BOT,
                Mint.USDC,
                side,
                in,
                out,
                price,
                Lamports.of(fee),
                Lamports.ZERO,
                TxSignature.ofBytes(new byte[64]),
                1,
                1,
                AT,
                AT);
    }

    @Test
    void shouldRecordASellThatBroughtNothingAtAPriceOfZero() {
        TokenAmount nothing = Lamports.ZERO.toTokenAmount();
        Fill worthless = fill(Side.SELL, TOKENS, nothing, Price.ofTrade(Lamports.ZERO, TOKENS), 5_000);

        assertThat(worthless.sol()).isEqualTo(Lamports.ZERO);
        assertThat(worthless.price()).isEqualTo(Price.ZERO);
        assertThat(worthless.isWriteOff()).isFalse();
    }

    @Test
    void shouldRefuseABuyThatGotNothingAndAnyFillThatGaveNothing() {
        TokenAmount sol = Lamports.of(1_000).toTokenAmount();
        assertThatThrownBy(() -> fill(Side.BUY, sol, TokenAmount.zero(6), Price.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this BUY was 0.000001000 in and 0.000000 out");
        assertThatThrownBy(() -> fill(Side.SELL, TokenAmount.zero(6), sol, Price.ZERO, 0))
                .hasMessageContaining("this SELL was 0.000000 in");
        assertThatThrownBy(() -> fill(Side.SELL, TOKENS, sol.negate(), Price.ZERO, 0))
                .hasMessageContaining("-0.000001000 out");
    }

    @Test
    void shouldWriteOffAPositionAsASellForNothingWithoutFees() {
        Fill writeOff = Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TOKENS, AT);

        assertThat(writeOff.side()).isEqualTo(Side.SELL);
        assertThat(writeOff.amountIn()).isEqualTo(TOKENS);
        assertThat(writeOff.sol()).isEqualTo(Lamports.ZERO);
        assertThat(writeOff.price()).isEqualTo(Price.ZERO);
        assertThat(writeOff.fee().plus(writeOff.tip())).isEqualTo(Lamports.ZERO);
        assertThat(writeOff.filledAt()).isEqualTo(AT);
        assertThat(writeOff.isWriteOff()).isTrue();
    }

    @Test
    void shouldGiveAWriteOffASignatureThatNoLandedTransactionCanCarry() {
        Fill writeOff = Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TOKENS, AT);
        byte[] bytes = Base58.decodeExactly("signature", writeOff.signature().value(), 64);

        // S, little-endian in the last 32 bytes, is at least 2^255 and so above the group order of Ed25519 (< 2^253)
        assertThat(bytes[63] & 0xFF).isEqualTo(0xFF);
        // the same write-off again is the same fill; another order is another signature
        assertThat(Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TOKENS, AT.plusSeconds(1))
                        .signature())
                .isEqualTo(writeOff.signature());
        assertThat(Fill.writeOff(OrderId.of("w-2"), BOT, Mint.USDC, TOKENS, AT).signature())
                .isNotEqualTo(writeOff.signature());
        String longest = "-".repeat(63);
        assertThat(Fill.writeOff(OrderId.of(longest + "_"), BOT, Mint.USDC, TOKENS, AT)
                        .signature())
                .isNotEqualTo(Fill.writeOff(OrderId.of(longest + "-"), BOT, Mint.USDC, TOKENS, AT)
                        .signature())
                .isNotEqualTo(Fill.writeOff(OrderId.of(longest), BOT, Mint.USDC, TOKENS, AT)
                        .signature());
        assertThat(Fill.writeOff(OrderId.of("A"), BOT, Mint.USDC, TOKENS, AT).signature())
                .isNotEqualTo(Fill.writeOff(OrderId.of("AA"), BOT, Mint.USDC, TOKENS, AT)
                        .signature());
    }

    @Test
    void shouldNotTakeASellForNothingWithAnotherSignatureForAWriteOff() {
        Fill writeOff = Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TOKENS, AT);
        Fill lookalike = fill(Side.SELL, TOKENS, writeOff.amountOut(), Price.ZERO, 0);

        assertThat(lookalike.isWriteOff()).isFalse();
    }

    @Test
    void shouldGiveAFillTheReasonOfItsSideUnlessItNamesOne() {
        TokenAmount sol = Lamports.of(1_000).toTokenAmount();

        assertThat(fill(Side.BUY, sol, TOKENS, Price.of("1"), 5_000).reason()).isEqualTo("entry");
        assertThat(fill(Side.SELL, TOKENS, sol, Price.of("1"), 5_000).reason()).isEqualTo("exit");
        assertThat(Fill.writeOff(OrderId.of("w-1"), BOT, Mint.USDC, TOKENS, AT).reason())
                .isEqualTo("write-off");
        Fill takeProfit = fill(Side.SELL, TOKENS, sol, Price.of("1"), 5_000).withReason("take-profit");
        assertThat(takeProfit.reason()).isEqualTo("take-profit");
        assertThatThrownBy(() -> takeProfit.withReason("TP")).hasMessageContaining("lower-case letters");
    }
}
