package io.solbot.core.testing;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * Fills for tests, with every field a test does not care about set to something valid: the one place tests build a
 * {@link Fill}. The price is what the SOL and tokens give ({@link Price#ofTrade}) unless set; the signature is derived
 * from the order id and part, so fills of different orders or parts never share one.
 *
 * <pre>{@code
 * Fill buy = Fills.buy(mint, Lamports.of(100_000_000), TokenAmount.of(5_000_000, 6)).bot(id).order("o-1").build();
 * Fill sell = Fills.sell(mint, TokenAmount.of(5_000_000, 6), Lamports.of(120_000_000)).fee(5_000).at(t).build();
 * }</pre>
 */
public final class Fills {
    private Fills() {}

    /** A buy of {@code tokens} of {@code mint} for {@code sol}. */
    public static Builder buy(Mint mint, Lamports sol, TokenAmount tokens) {
        return new Builder(mint, Side.BUY, sol.toTokenAmount(), tokens, sol, tokens);
    }

    /** A sell of {@code tokens} of {@code mint} for {@code sol} (zero for a worthless token). */
    public static Builder sell(Mint mint, TokenAmount tokens, Lamports sol) {
        return new Builder(mint, Side.SELL, tokens, sol.toTokenAmount(), sol, tokens);
    }

    /** Builds one fill; defaults: bot "bot", order "o-1", part 1 of 1, no fee or tip, at 2026-01-01T00:00:00Z. */
    public static final class Builder {
        private final Mint mint;
        private final Side side;
        private final TokenAmount in;
        private final TokenAmount out;
        private Price price;
        private BotId bot = BotId.of("bot");
        private OrderId order = OrderId.of("o-1");
        private Lamports fee = Lamports.ZERO;
        private Lamports tip = Lamports.ZERO;
        private TxSignature signature;
        private int part = 1;
        private int parts = 1;
        private Instant submittedAt;
        private Instant filledAt = Instant.parse("2026-01-01T00:00:00Z");

        private Builder(Mint mint, Side side, TokenAmount in, TokenAmount out, Lamports sol, TokenAmount tokens) {
            this.mint = Objects.requireNonNull(mint, "mint");
            this.side = side;
            this.in = in;
            this.out = out;
            this.price = Price.ofTrade(sol, tokens);
        }

        public Builder bot(BotId bot) {
            this.bot = bot;
            return this;
        }

        public Builder bot(String bot) {
            return bot(BotId.of(bot));
        }

        public Builder order(OrderId order) {
            this.order = order;
            return this;
        }

        public Builder order(String order) {
            return order(OrderId.of(order));
        }

        public Builder price(Price price) {
            this.price = price;
            return this;
        }

        public Builder fee(long lamports) {
            this.fee = Lamports.of(lamports);
            return this;
        }

        public Builder tip(long lamports) {
            this.tip = Lamports.of(lamports);
            return this;
        }

        public Builder signature(TxSignature signature) {
            this.signature = signature;
            return this;
        }

        /** Part {@code part} of an order filled in {@code parts}. */
        public Builder part(int part, int parts) {
            this.part = part;
            this.parts = parts;
            return this;
        }

        /** When it landed; it was submitted then too unless {@link #submittedAt} says otherwise. */
        public Builder at(Instant filledAt) {
            this.filledAt = filledAt;
            return this;
        }

        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = submittedAt;
            return this;
        }

        public Fill build() {
            return new Fill(
                    order,
                    bot,
                    mint,
                    side,
                    in,
                    out,
                    price,
                    fee,
                    tip,
                    signature != null ? signature : signatureOf(order, part),
                    part,
                    parts,
                    submittedAt != null ? submittedAt : filledAt,
                    filledAt);
        }
    }

    /** A signature of 64 bytes derived from the order id and part: distinct for distinct fills. */
    public static TxSignature signatureOf(OrderId order, int part) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            return TxSignature.ofBytes(sha.digest((order.value() + "#" + part).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }
}
