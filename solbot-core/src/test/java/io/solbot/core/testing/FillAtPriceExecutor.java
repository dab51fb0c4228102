package io.solbot.core.testing;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.MarketData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link SwapExecutor} for tests: fills every order completely, at once, at the market's current price, with a
 * 5,000-lamport fee, a signature derived from the order id and the order's reason; or fails every order while {@link #failWith} is set.
 * A hook runs before each order, for tests that need to see the engine mid-order or hold an order in flight.
 * Thread-safe.
 */
public final class FillAtPriceExecutor implements SwapExecutor {
    public static final Lamports FEE = Lamports.of(5_000);

    private final MarketData market;
    private final AtomicInteger executed = new AtomicInteger();
    private volatile String failure;
    private volatile Lamports failureFee = Lamports.ZERO;
    private volatile Consumer<SwapOrder> beforeEach = order -> {};

    public FillAtPriceExecutor(MarketData market) {
        this.market = market;
    }

    /** Fails every following order with {@code reason}, as if it never landed (no fee); null to fill again. */
    public FillAtPriceExecutor failWith(String reason) {
        return failWith(reason, Lamports.ZERO);
    }

    /** Fails every following order with {@code reason}, as if it landed and reverted: each pays {@code fee}. */
    public FillAtPriceExecutor failWith(String reason, Lamports fee) {
        this.failureFee = fee;
        this.failure = reason;
        return this;
    }

    /** Runs {@code hook} at the start of every execution, on the executing thread. */
    public FillAtPriceExecutor beforeEach(Consumer<SwapOrder> hook) {
        this.beforeEach = hook;
        return this;
    }

    /** How many orders reached this executor. */
    public int executed() {
        return executed.get();
    }

    @Override
    public SwapOutcome execute(SwapOrder order) {
        executed.incrementAndGet();
        beforeEach.accept(order);
        String reason = failure;
        Price price = market.price(order.mint()).orElse(null);
        if (reason == null && price == null) {
            reason = "no price for " + order.mint();
        }
        if (reason != null) {
            return new SwapOutcome.Failed(
                    new OrderFailure(
                            order.orderId(),
                            order.mint(),
                            order.side(),
                            "land",
                            reason,
                            order.submittedAt(),
                            failureFee,
                            Lamports.ZERO),
                    List.of());
        }
        int decimals = market.decimals(order.mint()).orElse(6);
        TokenAmount out = order.side() == Side.BUY
                ? price.tokensFor(Lamports.fromTokenAmount(order.amountIn()), decimals)
                : price.solFor(order.amountIn()).toTokenAmount();
        Fill fill = new Fill(
                order.orderId(),
                order.botId(),
                order.mint(),
                order.side(),
                order.amountIn(),
                out,
                price,
                FEE,
                Lamports.ZERO,
                signatureOf(order.orderId().value()),
                1,
                1,
                order.submittedAt(),
                order.submittedAt(),
                order.reason());
        return new SwapOutcome.Filled(List.of(fill));
    }

    private static TxSignature signatureOf(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(a);
            byte[] sig = new byte[64];
            System.arraycopy(a, 0, sig, 0, 32);
            System.arraycopy(b, 0, sig, 32, 32);
            return TxSignature.ofBytes(sig);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
