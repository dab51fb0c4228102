package io.solbot.core.execution;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.jupiter.JupiterException;
import io.solbot.core.jupiter.SwapApi;
import io.solbot.core.jupiter.SwapQuote;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jupiter's quotes as a {@link SwapExecutor} that sends nothing: what the safety checks' honeypot probe quotes through
 * when there is no wallet (the launcher's {@code check --rpc-url}), and how {@link LiveExecutor} quotes. A buy's output
 * decimals are the mint's, read from its account over RPC (byte 44, SPL Token and Token-2022 alike) and kept.
 * {@link #execute} refuses every order.
 *
 * <p>Thread-safe.
 */
public final class JupiterQuoter implements SwapExecutor {
    private static final Logger log = LoggerFactory.getLogger(JupiterQuoter.class);

    private final SwapApi swaps;
    private final SolanaRpc rpc;
    private final InstantSource clock;
    private final Map<Mint, Integer> decimals = new ConcurrentHashMap<>();

    public JupiterQuoter(SwapApi swaps, SolanaRpc rpc, InstantSource clock) {
        this.swaps = Objects.requireNonNull(swaps, "swaps");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A failure: this executor quotes only. */
    @Override
    public SwapOutcome execute(SwapOrder order) {
        return new SwapOutcome.Failed(
                new OrderFailure(
                        order.orderId(),
                        order.mint(),
                        order.side(),
                        "send",
                        "this executor only quotes (no wallet is configured); nothing was sent",
                        clock.instant()),
                List.of());
    }

    /** Jupiter's quote (ExactIn); empty if it has no route, the mint cannot be read, or a call fails (logged). */
    @Override
    public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
        Mint input = side == Side.BUY ? Mint.WRAPPED_SOL : mint;
        Mint output = side == Side.BUY ? mint : Mint.WRAPPED_SOL;
        try {
            SwapQuote quote = swaps.quote(input, output, amountIn.raw(), slippageBps);
            Optional<Integer> outDecimals = side == Side.BUY ? decimals(mint) : Optional.of(Lamports.SOL_DECIMALS);
            if (outDecimals.isEmpty()) {
                return Optional.empty();
            }
            TokenAmount expected = TokenAmount.ofRaw(quote.outAmount(), outDecimals.get());
            TokenAmount minimum = TokenAmount.ofRaw(quote.minimumOut(), outDecimals.get());
            if (expected.signum() <= 0) {
                return Optional.empty();
            }
            Price price = side == Side.BUY
                    ? Price.ofTrade(Lamports.fromTokenAmount(amountIn), expected)
                    : Price.ofTrade(Lamports.fromTokenAmount(expected), amountIn);
            BigDecimal impactBps = quote.priceImpact()
                    .abs()
                    .multiply(BigDecimal.valueOf(10_000), MathContext.DECIMAL64)
                    .setScale(2, RoundingMode.HALF_UP);
            return Optional.of(new Quote(mint, side, amountIn, expected, minimum, price, impactBps, clock.instant()));
        } catch (JupiterException | RpcException e) {
            log.debug("No quote for {} {}: {}", side, mint, e.getMessage());
            return Optional.empty();
        }
    }

    /** A mint's decimals; empty, and logged, if the account does not exist or is too short for a mint. */
    Optional<Integer> decimals(Mint mint) {
        Integer known = decimals.get(mint);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> data = rpc.accountInfo(Address.of(mint.address()), Commitment.CONFIRMED)
                .map(account -> account.data());
        if (data.isEmpty()) {
            log.debug("No quote for {}: the mint account does not exist", mint);
            return Optional.empty();
        }
        if (data.get().length < 82) {
            log.debug("No quote for {}: its account has {} bytes, too few for a mint", mint, data.get().length);
            return Optional.empty();
        }
        int value = data.get()[44] & 0xFF;
        decimals.put(mint, value);
        return Optional.of(value);
    }

    @Override
    public String toString() {
        return "JupiterQuoter[" + swaps.name() + "]";
    }
}
