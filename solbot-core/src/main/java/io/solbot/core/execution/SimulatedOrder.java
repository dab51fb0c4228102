package io.solbot.core.execution;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.market.TradeRefusedException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One order on its way through the paper executor's stages, read top-down in {@link #run}: the quote, the build, the
 * split into parts, and per part the send, the landing (after a missed one, a Jito bundle under {@link
 * ExecModel#JITO_FALLBACK}) and the swap that fills the part, paying its fees and tip. Each stage first waits on the
 * timeline until its own time, then draws from the order's random stream and acts on the market as it is then; the
 * first stage that fails ends the order with the parts filled so far.
 *
 * <p>Each part first holds what it may spend in the order's paper wallet (see {@link PaperWallets}); a wallet that
 * cannot cover it fails the order at the send stage, as a preflight would, at no cost. An order with a Jito tip of
 * its own is sent as bundles: each part lands or not at the bundle failure rate, pays the order's tip when it lands,
 * and pays nothing when its swap reverts (a bundle is atomic).
 *
 * <p>The order of the draws is part of the contract: it is what makes a seed repeat. Per order: the quote's failure,
 * the build's failure, the number of parts; per part: the send's failure, the landing's (a bundle's, for an order with
 * a tip), the fallback bundle's (only after a missed landing under {@link ExecModel#JITO_FALLBACK}), and the
 * signature's bytes (only for a fill).
 *
 * <p>Not thread-safe: one instance per order, used by the thread that executes it.
 */
final class SimulatedOrder {
    private final SwapOrder order;
    private final PaperSettings settings;
    private final SimulatedMarket market;
    private final PaperQuotes quotes;
    private final Timeline timeline;
    private final PaperWallets.Wallet wallet;
    private final SplittableRandom random;
    private final List<Fill> fills = new ArrayList<>();
    private Instant now;
    /** What the part on its way holds in the wallet, in lamports. */
    private long held;

    SimulatedOrder(
            SwapOrder order,
            PaperSettings settings,
            SimulatedMarket market,
            PaperQuotes quotes,
            Timeline timeline,
            PaperWallets.Wallet wallet) {
        this.order = order;
        this.settings = settings;
        this.market = market;
        this.quotes = quotes;
        this.timeline = timeline;
        this.wallet = wallet;
        this.random =
                new SplittableRandom(streamSeed(settings.seed(), order.orderId().value()));
        this.now = order.submittedAt();
    }

    /** Runs every stage in turn: the order's fills, or its failure with the parts that filled before it. */
    SwapOutcome run() {
        try {
            Quote quote = quote();
            build();
            List<TokenAmount> parts = split();
            for (int i = 0; i < parts.size(); i++) {
                Part part = new Part(i + 1, parts.size(), parts.get(i));
                send(part);
                boolean bundled = land(part);
                Fill fill = swap(part, quote, bundled);
                wallet.filled(held, fill);
                held = 0;
                fills.add(fill);
            }
            return new SwapOutcome.Filled(fills);
        } catch (StageFailed e) {
            wallet.released(held, e.fee);
            held = 0;
            return new SwapOutcome.Failed(
                    new OrderFailure(
                            order.orderId(), order.mint(), order.side(), e.stage, e.reason, now, e.fee, Lamports.ZERO),
                    fills);
        }
    }

    /** Whether a part of the order filled (so far): the order then counts as a trade, whatever became of the rest. */
    boolean filledAny() {
        return !fills.isEmpty();
    }

    /**
     * The outcome of an order that failed at {@code stage} before any of its stages ran (the daily limit, or a
     * recovery that does not find it), at its submission time.
     */
    static SwapOutcome.Failed failedBeforeRunning(SwapOrder order, String stage, String reason) {
        return new SwapOutcome.Failed(
                new OrderFailure(
                        order.orderId(),
                        order.mint(),
                        order.side(),
                        stage,
                        reason,
                        order.submittedAt(),
                        Lamports.ZERO,
                        Lamports.ZERO),
                List.of());
    }

    private Quote quote() {
        await(settings.latency().quoteMs());
        failWithChance(settings.failureRates().quote(), "quote", "the quote failed (simulated failure)");
        Quote quote = quotes.quote(order.mint(), order.side(), order.amountIn(), order.slippageBps(), now)
                .orElseThrow(
                        () -> new StageFailed("quote", "no route for " + order.mint() + ": no pool, or it is drained"));
        if (quotes.exceedsCap(quote)) {
            throw new StageFailed(
                    "quote",
                    "price impact of " + quote.priceImpactBps().toPlainString() + " bps exceeds slippageBpsCap "
                            + settings.slippageBpsCap());
        }
        return quote;
    }

    private void build() {
        await(settings.latency().buildMs());
        failWithChance(settings.failureRates().build(), "build", "building the transaction failed (simulated failure)");
    }

    /** The order's amount in as many parts as drawn, adding up exactly to it. */
    private List<TokenAmount> split() {
        PaperSettings.Partials partials = settings.partials();
        int drawn = partials.minParts() + random.nextInt(partials.maxParts() - partials.minParts() + 1);
        // an order of fewer raw units than parts cannot be split that far
        int parts = (int) Math.min(
                drawn, order.amountIn().raw().min(BigInteger.valueOf(drawn)).longValue());
        return order.amountIn().split(parts);
    }

    /** Holds what the part may spend in the wallet, then sends it. */
    private void send(Part part) {
        await(settings.latency().sendMs());
        long tip = order.jitoTip().value();
        if (tip > 0 && tip < PaperSettings.JITO_MIN_TIP) {
            throw new StageFailed(
                    "send",
                    "the block engine refused the bundle: a tip of " + order.jitoTip() + " is below Jito's minimum of "
                            + PaperSettings.JITO_MIN_TIP + " lamports");
        }
        long need = Math.addExact(fee().value(), maxTip().value());
        if (order.side() == Side.BUY) {
            need = Math.addExact(need, part.amountIn().raw().longValueExact());
        }
        String refusal = wallet.hold(need);
        if (refusal != null) {
            throw new StageFailed("send", part.label() + refusal);
        }
        held = need;
        failWithChance(
                settings.failureRates().send(),
                "send",
                part.label() + "the RPC refused the transaction (simulated failure)");
    }

    /**
     * Lands the part's transaction. One that misses its blockhash fails the order, except under {@link
     * ExecModel#JITO_FALLBACK}, which sends it again as a Jito bundle.
     *
     * @return whether it landed as a bundle
     */
    private boolean land(Part part) {
        PaperSettings.Latency latency = settings.latency();
        await(latency.landMs());
        if (order.jitoTip().value() > 0) {
            failWithChance(
                    settings.failureRates().bundle(),
                    "land",
                    part.label() + "the Jito bundle did not land (simulated failure)");
            return true;
        }
        if (!draws(settings.failureRates().land())) {
            return false;
        }
        if (settings.execModel() != ExecModel.JITO_FALLBACK) {
            throw new StageFailed(
                    "land",
                    part.label() + "the transaction did not land before its blockhash expired (simulated failure)");
        }
        await(latency.sendMs() + latency.landMs());
        failWithChance(
                settings.failureRates().bundle(),
                "land",
                part.label() + "neither the transaction nor the Jito bundle landed (simulated failure)");
        return true;
    }

    /**
     * The part's swap on the market, once its transaction landed: at the mid price for {@link ExecModel#IDEAL},
     * else along the pool's curve with the part's share of the quote's minimum output.
     */
    private Fill swap(Part part, Quote quote, boolean bundled) {
        Lamports fee = fee();
        TokenAmount out;
        try {
            if (settings.execModel() == ExecModel.IDEAL) {
                out = market.fillAtMid(order.mint(), order.side(), part.amountIn());
            } else {
                TokenAmount partMinOut = quote.minOut()
                        .mulDiv(part.amountIn().raw(), order.amountIn().raw(), RoundingMode.FLOOR);
                out = market.swap(order.mint(), order.side(), part.amountIn(), partMinOut);
            }
        } catch (TradeRefusedException e) {
            // the transaction landed and reverted (whatever the market calls the refusal, it happened at landing):
            // it pays its fees all the same; a bundle is atomic, and a reverted one never landed
            throw new StageFailed("land", part.label() + e.getMessage(), bundled ? Lamports.ZERO : fee);
        }
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        return new Fill(
                order.orderId(),
                order.botId(),
                order.mint(),
                order.side(),
                part.amountIn(),
                out,
                PaperQuotes.tradePrice(order.side(), part.amountIn(), out),
                fee,
                tip(bundled),
                TxSignature.ofBytes(signature),
                part.number(),
                part.of(),
                order.submittedAt(),
                now,
                order.reason());
    }

    /** What a landed transaction pays: the signature fee and the order's priority fee. */
    private Lamports fee() {
        return Lamports.SIGNATURE_FEE.plus(order.priorityFee());
    }

    /** What a landed bundle pays Jito on top: the order's own tip, or the fallback's; a plain transaction none. */
    private Lamports tip(boolean bundled) {
        return bundled ? bundleTip() : Lamports.ZERO;
    }

    private Lamports bundleTip() {
        return order.jitoTip().value() > 0 ? order.jitoTip() : Lamports.of(settings.jitoTipLamports());
    }

    /** The most tip a part of this order may pay: as a bundle of its own, or as the fallback's bundle. */
    private Lamports maxTip() {
        return order.jitoTip().value() > 0 || settings.execModel() == ExecModel.JITO_FALLBACK
                ? bundleTip()
                : Lamports.ZERO;
    }

    /** Moves the order's time on by a stage's latency and waits for it on the timeline. */
    private void await(long latencyMs) {
        now = now.plusMillis(latencyMs);
        timeline.awaitUntil(now);
    }

    /** Fails the stage if this draw falls within its failure rate. */
    private void failWithChance(double rate, String stage, String reason) {
        if (draws(rate)) {
            throw new StageFailed(stage, reason);
        }
    }

    private boolean draws(double rate) {
        return random.nextDouble() < rate;
    }

    /** The seed of one order's random stream: the settings' seed mixed with a 64-bit FNV-1a hash of the order id. */
    static long streamSeed(long seed, String orderId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : orderId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Part {@code number} (from 1) of {@code of}, spending {@code amountIn}. */
    private record Part(int number, int of, TokenAmount amountIn) {
        /** The prefix of a part's failure reason; none when the order is one transaction. */
        String label() {
            return of == 1 ? "" : "part " + number + " of " + of + ": ";
        }
    }

    /**
     * A stage failed the order: carries the stage's name, the reason and what the failed transaction paid up to
     * {@link #run}, which turns it into the outcome. Without a stack trace: it is a result, not an error.
     */
    private static final class StageFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String stage;
        final String reason;
        final transient Lamports fee;

        StageFailed(String stage, String reason) {
            this(stage, reason, Lamports.ZERO);
        }

        StageFailed(String stage, String reason, Lamports fee) {
            super(reason, null, false, false);
            this.stage = stage;
            this.reason = reason;
            this.fee = fee;
        }
    }
}
