package io.solbot.strategies.rebalancer;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One rebalancer bot.
 *
 * <p>The portfolio it weighs is the wallet's SOL above {@code minSolBalance} plus its target tokens at their current
 * prices; a target's share is its weight over the sum of the weights, and SOL's share is the weight of the wrapped-SOL
 * mint if the targets name it, else none (all SOL above the floor goes into the tokens). A token whose share of the
 * portfolio is more than {@code rebalanceThreshold} percentage points off its target moves back to it, unless the move
 * is worth less than {@code minTradeUsd}. A cycle places its sells first and its buys only once every sell has filled
 * or failed, sized from the balances the wallet then has, so that the sells fund the buys; no buy ever spends the SOL
 * floor or the fees of the cycle's orders. A cycle that places an order counts towards {@code maxRebalances}, kept in
 * the bot's state so that a restart does not start counting again.
 */
final class Rebalancer implements Strategy {
    /** The state key of the number of cycles that placed an order. */
    static final String REBALANCES = "rebalances";

    static final String REASON = "rebalance";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DEFAULT_MIN_SOL = new BigDecimal("0.05");
    private static final BigDecimal DEFAULT_MIN_TRADE_USD = BigDecimal.valueOf(5);

    private final Map<Mint, BigDecimal> shares;
    private final BigDecimal threshold;
    private final Lamports floor;
    private final BigDecimal minTradeUsd;
    private final int maxRebalances;
    private final int maxOrdersPerCycle;
    private final Lamports feePerOrder;
    private final OrderOptions options = OrderOptions.NONE.withReason(REASON);

    private final Set<OrderId> inFlight = new HashSet<>();
    private boolean buysAfterSells;
    private int ordersThisCycle;

    Rebalancer(RebalancerConfig config) {
        BigDecimal sum = config.targetAllocations().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Mint, BigDecimal> byMint = new TreeMap<>();
        config.targetAllocations().forEach((mint, weight) -> byMint.put(Mint.of(mint), weight.divide(sum, Price.MATH)));
        this.shares = byMint;
        this.threshold = config.rebalanceThreshold();
        this.floor = Lamports.ofSol(config.minSolBalance() == null ? DEFAULT_MIN_SOL : config.minSolBalance());
        this.minTradeUsd = config.minTradeUsd() == null ? DEFAULT_MIN_TRADE_USD : config.minTradeUsd();
        this.maxRebalances = config.maxRebalances();
        this.maxOrdersPerCycle = config.maxTradesPerCycle() == null ? Integer.MAX_VALUE : config.maxTradesPerCycle();
        this.feePerOrder = Lamports.SIGNATURE_FEE.plus(config.settings().priorityFee());
    }

    @Override
    public void onTick(StrategyContext ctx) {
        if (!inFlight.isEmpty()) {
            return; // the cycle's orders are still executing
        }
        if (buysAfterSells) {
            buysAfterSells = false;
            plan(ctx).ifPresent(plan -> placeBuys(ctx, plan));
            return;
        }
        int rebalances = rebalances(ctx);
        if (rebalances >= maxRebalances) {
            return;
        }
        Optional<Plan> found = plan(ctx);
        if (found.isEmpty() || found.get().moves().isEmpty()) {
            return;
        }
        Plan plan = found.get();
        ordersThisCycle = 0;
        boolean sold = placeSells(ctx, plan);
        if (sold) {
            buysAfterSells = true;
        } else {
            placeBuys(ctx, plan);
        }
        if (ordersThisCycle > 0) {
            ctx.state().put(REBALANCES, Integer.toString(rebalances + 1));
        }
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() == fill.parts()) {
            done(ctx, fill.orderId());
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        done(ctx, failure.orderId());
    }

    private void done(StrategyContext ctx, OrderId order) {
        if (inFlight.remove(order) && inFlight.isEmpty() && buysAfterSells) {
            buysAfterSells = false;
            plan(ctx).ifPresent(plan -> placeBuys(ctx, plan));
        }
    }

    static int rebalances(StrategyContext ctx) {
        return ctx.state().get(REBALANCES).map(Integer::parseInt).orElse(0);
    }

    /** Sells every over-weight token, most over-weight first; whether one was submitted. */
    private boolean placeSells(StrategyContext ctx, Plan plan) {
        boolean any = false;
        for (Move move : plan.moves()) {
            if (Long.signum(move.delta().value()) >= 0 || ordersThisCycle >= maxOrdersPerCycle) {
                continue;
            }
            TokenAmount quantity = move.price()
                    .tokensFor(Lamports.of(-move.delta().value()), move.held().decimals())
                    .min(move.held())
                    .min(held(ctx, move.mint(), move.held().decimals()));
            if (quantity.signum() > 0) {
                any |= track(ctx.orders().sell(move.mint(), quantity, options));
            }
        }
        return any;
    }

    /** Buys every under-weight token, most under-weight first, from the SOL above the floor and the cycle's fees. */
    private void placeBuys(StrategyContext ctx, Plan plan) {
        List<Move> buys = plan.moves().stream()
                .filter(m -> Long.signum(m.delta().value()) > 0)
                .toList();
        int count = Math.min(buys.size(), maxOrdersPerCycle - ordersThisCycle);
        if (count <= 0) {
            return;
        }
        Lamports left = plan.sol().minus(floor).minus(feePerOrder.times(count));
        for (Move move : buys.subList(0, count)) {
            Lamports sol = move.delta().compareTo(left) <= 0 ? move.delta() : left;
            if (sol.value() <= 0 || plan.solUsd().usd(sol).compareTo(minTradeUsd) < 0) {
                continue;
            }
            if (track(ctx.orders().buy(move.mint(), sol, options))) {
                left = left.minus(sol);
            }
        }
    }

    private boolean track(OrderResult result) {
        if (result instanceof OrderResult.Submitted submitted) {
            inFlight.add(submitted.orderId());
            ordersThisCycle++;
            return true;
        }
        return false;
    }

    /** What the bot holds of {@code mint} from its own buys: all it may sell. */
    private static TokenAmount held(StrategyContext ctx, Mint mint, int decimals) {
        return ctx.positions().stream()
                .filter(p -> p.mint().equals(mint))
                .map(Position::quantity)
                .findFirst()
                .orElse(TokenAmount.zero(decimals));
    }

    /**
     * The moves that bring the wallet back to its targets, sells first (most over-weight first), then buys (most
     * under-weight first); empty if the wallet, a target's price or the SOL price is unknown, or there is nothing to
     * weigh.
     */
    private Optional<Plan> plan(StrategyContext ctx) {
        Optional<WalletBalances> wallet = ctx.wallet().balances();
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        if (wallet.isEmpty() || solUsd.isEmpty()) {
            return Optional.empty();
        }
        Lamports sol = wallet.get().sol();
        Lamports portfolio = sol.compareTo(floor) > 0 ? sol.minus(floor) : Lamports.ZERO;
        Map<Mint, Lamports> values = new TreeMap<>();
        Map<Mint, Price> prices = new TreeMap<>();
        for (Mint mint : shares.keySet()) {
            if (mint.equals(Mint.WRAPPED_SOL)) {
                continue;
            }
            Optional<Price> price = ctx.market().price(mint);
            if (price.isEmpty() || price.get().isZero()) {
                return Optional.empty(); // a token it cannot value: any weight would be wrong
            }
            prices.put(mint, price.get());
            Lamports value = wallet.get()
                    .token(mint)
                    .map(t -> price.get().solFor(t.amount()))
                    .orElse(Lamports.ZERO);
            values.put(mint, value);
            portfolio = portfolio.plus(value);
        }
        if (portfolio.value() <= 0) {
            return Optional.empty();
        }
        List<Move> moves = new ArrayList<>();
        for (Map.Entry<Mint, Lamports> e : values.entrySet()) {
            Mint mint = e.getKey();
            BigDecimal share = shares.get(mint);
            BigDecimal current =
                    new BigDecimal(e.getValue().value()).divide(new BigDecimal(portfolio.value()), Price.MATH);
            BigDecimal driftPoints = current.subtract(share).multiply(HUNDRED).abs();
            if (driftPoints.compareTo(threshold) <= 0) {
                continue;
            }
            Lamports target = Lamports.of(new BigDecimal(portfolio.value())
                    .multiply(share)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact());
            Lamports delta = target.minus(e.getValue());
            Lamports size = delta.isNegative() ? Lamports.of(-delta.value()) : delta;
            if (solUsd.get().usd(size).compareTo(minTradeUsd) < 0) {
                continue;
            }
            TokenAmount held =
                    wallet.get().token(mint).map(TokenBalance::amount).orElse(TokenAmount.zero(0));
            moves.add(new Move(mint, delta, prices.get(mint), held, driftPoints));
        }
        moves.sort(Comparator.comparing((Move m) -> Long.signum(m.delta().value()) > 0)
                .thenComparing(Move::driftPoints, Comparator.reverseOrder())
                .thenComparing(Move::mint));
        return Optional.of(new Plan(sol, solUsd.get(), List.copyOf(moves)));
    }

    /**
     * One token's way back to its target.
     *
     * @param delta SOL to buy (positive) or to sell the tokens of (negative)
     * @param held what the wallet holds of it
     * @param driftPoints how far its share is off its target, percentage points
     */
    record Move(Mint mint, Lamports delta, Price price, TokenAmount held, BigDecimal driftPoints) {}

    /** A cycle's moves, and the wallet's SOL and the SOL price they were weighed with. */
    record Plan(Lamports sol, SolUsd solUsd, List<Move> moves) {}
}
