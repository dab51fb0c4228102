package io.solbot.bench.persistence;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The fills and signatures the persistence loads write: a buy of BONK and its sell, each a new order. */
final class LoadFills {
    static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    static final TokenAmount TOKENS = new TokenAmount(BigInteger.valueOf(1_000_000_000L), 5);
    static final Lamports COST = Lamports.of(100_000_000);
    static final Lamports PROCEEDS = Lamports.of(110_000_000);
    static final AtomicLong SEQUENCE = new AtomicLong();

    private LoadFills() {}

    static Fill buy(BotId bot, Instant at) {
        return fill(bot, Side.BUY, COST.toTokenAmount(), TOKENS, Price.ofTrade(COST, TOKENS), at);
    }

    static Fill sell(BotId bot, Instant at) {
        return fill(bot, Side.SELL, TOKENS, PROCEEDS.toTokenAmount(), Price.ofTrade(PROCEEDS, TOKENS), at);
    }

    /** A whole fill of a new order, landed at once, paying the signature fee and no tip. */
    private static Fill fill(BotId bot, Side side, TokenAmount in, TokenAmount out, Price price, Instant at) {
        long n = SEQUENCE.incrementAndGet();
        return new Fill(
                OrderId.of("o-" + n),
                bot,
                BONK,
                side,
                in,
                out,
                price,
                Lamports.of(5_000),
                Lamports.ZERO,
                signature(n),
                1,
                1,
                at,
                at);
    }

    /** A distinct, valid 64-byte signature for each {@code n}. */
    static TxSignature signature(long n) {
        byte[] bytes = new byte[64];
        bytes[0] = 1;
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (n >>> (8 * i));
        }
        bytes[63] = 1;
        return TxSignature.ofBytes(bytes);
    }
}
