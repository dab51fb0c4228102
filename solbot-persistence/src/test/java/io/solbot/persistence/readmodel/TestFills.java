package io.solbot.persistence.readmodel;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.engine.BotStatus;
import io.solbot.persistence.FillRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Fills and hot states made by hand, with amounts chosen so that expected figures can be worked out on paper. */
final class TestFills {
    static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    static final Mint WIF = Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final AtomicInteger SIGNATURES = new AtomicInteger();

    private TestFills() {}

    static Instant minute(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** A buy of {@code tokens} of {@code mint} for {@code lamports}, landed at {@code at}. */
    static Fill buy(
            BotId bot, String order, Mint mint, long lamports, TokenAmount tokens, long fee, long tip, Instant at) {
        return fill(bot, order, mint, Side.BUY, Lamports.of(lamports).toTokenAmount(), tokens, fee, tip, 1, 1, at);
    }

    /** A sell of {@code tokens} of {@code mint} for {@code lamports}, landed at {@code at}. */
    static Fill sell(
            BotId bot, String order, Mint mint, TokenAmount tokens, long lamports, long fee, long tip, Instant at) {
        return fill(bot, order, mint, Side.SELL, tokens, Lamports.of(lamports).toTokenAmount(), fee, tip, 1, 1, at);
    }

    static Fill fill(
            BotId bot,
            String order,
            Mint mint,
            Side side,
            TokenAmount in,
            TokenAmount out,
            long fee,
            long tip,
            int part,
            int parts,
            Instant at) {
        Lamports sol = Lamports.fromTokenAmount(side == Side.BUY ? in : out);
        TokenAmount tokens = side == Side.BUY ? out : in;
        return new Fill(
                OrderId.of(order),
                bot,
                mint,
                side,
                in,
                out,
                Price.ofTrade(sol, tokens),
                Lamports.of(fee),
                Lamports.of(tip),
                nextSignature(),
                part,
                parts,
                at.minusSeconds(2),
                at);
    }

    static FillRecord rec(Fill fill) {
        return new FillRecord("ma-cross", fill, fill.side() == Side.BUY ? "entry" : "take-profit");
    }

    /** A hot state as the engine reports it, with figures that tell it apart from anything in the database. */
    static BotStatus status(BotId bot, RunStatus status, long ticks) {
        return new BotStatus(
                bot,
                "ma-cross",
                status,
                T0,
                Optional.of(T0.plusSeconds(ticks)),
                ticks,
                0,
                Map.of(),
                0,
                5,
                7,
                1,
                0,
                Optional.empty(),
                Duration.ofSeconds(ticks));
    }

    private static TxSignature nextSignature() {
        byte[] bytes = new byte[64];
        int n = SIGNATURES.incrementAndGet();
        bytes[0] = (byte) (n >> 16);
        bytes[1] = (byte) (n >> 8);
        bytes[2] = (byte) n;
        bytes[63] = 1;
        return TxSignature.ofBytes(bytes);
    }
}
