package io.solbot.cluster;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chain, as every node of a test sees it: executes each order id once, answers what became of an order by its id
 * ({@link SwapExecutor#resolve}), and records every order that reached it, with the node that sent it. Fills at a fixed
 * price: 1 SOL buys 1,000 tokens of 6 decimals.
 */
final class Venue {
    /** One order that reached the venue. */
    record Sent(String node, OrderId orderId, String botId, Instant at) {}

    static final Price PRICE =
            Price.ofTrade(Lamports.of(1_000_000_000), new TokenAmount(BigInteger.valueOf(1_000_000_000), 6));

    private final Map<OrderId, SwapOutcome> outcomes = new ConcurrentHashMap<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<OrderId> executedTwice = new CopyOnWriteArrayList<>();

    /** The executor of one node: the same venue, recording that node as the sender. */
    SwapExecutor from(String node) {
        return new SwapExecutor() {
            @Override
            public SwapOutcome execute(SwapOrder order) {
                sent.add(new Sent(node, order.orderId(), order.botId().value(), Instant.now()));
                SwapOutcome outcome = fill(order);
                if (outcomes.putIfAbsent(order.orderId(), outcome) != null) {
                    executedTwice.add(order.orderId());
                }
                return outcomes.get(order.orderId());
            }

            @Override
            public Optional<SwapOutcome> resolve(SwapOrder order) {
                return Optional.ofNullable(outcomes.get(order.orderId()));
            }
        };
    }

    private static SwapOutcome fill(SwapOrder order) {
        TokenAmount out = order.side() == Side.BUY
                ? PRICE.tokensFor(Lamports.fromTokenAmount(order.amountIn()), 6)
                : PRICE.solFor(order.amountIn()).toTokenAmount();
        return new SwapOutcome.Filled(List.of(new Fill(
                order.orderId(),
                order.botId(),
                order.mint(),
                order.side(),
                order.amountIn(),
                out,
                PRICE,
                Lamports.of(5_000),
                Lamports.ZERO,
                signatureOf(order.orderId().value()),
                1,
                1,
                order.submittedAt(),
                order.submittedAt(),
                order.reason())));
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
