package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Watches the bot's positions and sells what its {@link ExitRule}s ask for, each sale with the rule's reason. At most
 * one sale per token is in flight; a sale never asks for more than the position holds (the engine closes its lots
 * oldest first). A partial sale (a rule with less than 100 %) fires once per position, so a take profit of "sell half"
 * does not sell half of the rest on the next tick.
 *
 * <p>What must survive a restart is in the bot's state, written only when a trade happens: the pool's liquidity at
 * the entry ({@code entry-liquidity.<mint>}) and the partial sales done ({@code exit-done.<reason>.<mint>}). The high
 * since the entry, which a trailing stop needs and which moves on many ticks, is kept in memory and, after a restart,
 * seeded from the candle since the position opened.
 *
 * <p>Not thread-safe: one instance per strategy instance, called from its callbacks.
 */
public final class Exits {
    private static final String ENTRY_LIQUIDITY = "entry-liquidity.";
    private static final String DONE = "exit-done.";

    /** One order of a sale: its quantity and how it is sent (the exit's reason is added). */
    public record Sale(TokenAmount quantity, OrderOptions options) {}

    /** Splits the sale of {@code quantity} of {@code mint} into orders, whose quantities sum to it. */
    public interface Split {
        List<Sale> split(StrategyContext ctx, Mint mint, TokenAmount quantity);
    }

    private final List<ExitRule> rules;
    private final Set<String> reasons;
    private final Split split;
    private final Map<Mint, Price> highs = new HashMap<>();
    private final Map<OrderId, Mint> selling = new HashMap<>();

    public Exits(List<ExitRule> rules) {
        this(rules, (ctx, mint) -> OrderOptions.NONE);
    }

    /**
     * Exits whose sale of a token is placed with the {@code options} of that token at that tick (a strategy trading
     * from several wallets names the one that holds it), the rule's reason added.
     */
    public Exits(List<ExitRule> rules, BiFunction<StrategyContext, Mint, OrderOptions> options) {
        this(rules, (ctx, mint, quantity) -> List.of(new Sale(quantity, options.apply(ctx, mint))));
    }

    /**
     * Exits whose sale of a token is placed as the orders {@code split} makes of it (a strategy that bought a token
     * from several wallets sells it from each), the rule's reason added to each. The sale is in flight until every
     * one of its orders ended.
     */
    public Exits(List<ExitRule> rules, Split split) {
        this.rules = List.copyOf(rules);
        this.reasons = this.rules.stream().map(Exits::reason).collect(java.util.stream.Collectors.toSet());
        this.split = split;
    }

    private static String reason(ExitRule rule) {
        return switch (rule) {
            case ExitRule.TakeProfit t -> ExitRule.TakeProfit.REASON;
            case ExitRule.LadderRung r -> r.reason();
            case ExitRule.StopLoss s -> ExitRule.StopLoss.REASON;
            case ExitRule.TrailingStop t -> ExitRule.TrailingStop.REASON;
            case ExitRule.MaxHold m -> ExitRule.MaxHold.REASON;
            case ExitRule.LiquidityDrop l -> ExitRule.LiquidityDrop.REASON;
            case ExitRule.Reversal r -> ExitRule.Reversal.REASON;
        };
    }

    public List<ExitRule> rules() {
        return rules;
    }

    /** Whether a sale of {@code mint} is in flight. */
    public boolean isSelling(Mint mint) {
        return selling.containsValue(mint);
    }

    /** Checks every position the bot holds against the rules, in their order, and sells what the first one asks. */
    public void manage(StrategyContext ctx) {
        manage(ctx, mint -> false);
    }

    /**
     * As {@link #manage(StrategyContext)}, leaving out the tokens the strategy is selling itself ({@code busy}), so
     * that a token never has two sales in flight.
     */
    public void manage(StrategyContext ctx, Predicate<Mint> busy) {
        if (rules.isEmpty()) {
            return;
        }
        for (Position position : ctx.positions()) {
            Mint mint = position.mint();
            if (isSelling(mint) || busy.test(mint)) {
                continue;
            }
            Optional<Pool> pool = ctx.market().pool(mint);
            Optional<Price> quoted = ctx.market().price(mint);
            Price price;
            if (quoted.isPresent()) {
                price = quoted.get();
            } else if (pool.isPresent() && pool.get().isDrained()) {
                price = Price.ZERO; // rugged: worth nothing, and every exit that looks at it should see so
            } else {
                continue; // unknown is not a signal
            }
            Price high = highSinceEntry(ctx, position, price);
            Held held = new Held(
                    mint,
                    position.entryPrice(),
                    position.openedAt(),
                    price,
                    high,
                    ctx.state()
                            .get(ENTRY_LIQUIDITY + mint)
                            .map(v -> Lamports.of(Long.parseLong(v)))
                            .orElse(null),
                    pool.map(Pool::liquidity).orElse(null),
                    ctx.now());
            for (ExitRule rule : rules) {
                Optional<ExitRule.Exit> exit = rule.check(held);
                if (exit.isPresent()
                        && !(isPartial(exit.get()) && done(ctx, exit.get().reason(), mint))) {
                    sell(ctx, position, exit.get());
                    break;
                }
            }
        }
    }

    private static boolean isPartial(ExitRule.Exit exit) {
        return !exit.closes();
    }

    private static boolean done(StrategyContext ctx, String reason, Mint mint) {
        return ctx.state().get(DONE + reason + "." + mint).isPresent();
    }

    private Price highSinceEntry(StrategyContext ctx, Position position, Price price) {
        Price high = highs.get(position.mint());
        if (high == null) {
            high = position.entryPrice();
            Duration since = Duration.between(position.openedAt(), ctx.now()).withNanos(0);
            if (since.compareTo(Duration.ofSeconds(1)) >= 0) {
                Duration window = since.compareTo(Candle.MAX_WINDOW) > 0 ? Candle.MAX_WINDOW : since;
                Optional<Candle> candle = ctx.market().candle(position.mint(), window);
                if (candle.isPresent() && candle.get().high().isAbove(high)) {
                    high = candle.get().high();
                }
            }
        }
        if (price.isAbove(high)) {
            high = price;
        }
        highs.put(position.mint(), high);
        return high;
    }

    private void sell(StrategyContext ctx, Position position, ExitRule.Exit exit) {
        TokenAmount quantity = share(position.quantity(), exit.sellPercent());
        for (Sale sale : split.split(ctx, position.mint(), quantity)) {
            OrderResult result = ctx.orders()
                    .sell(position.mint(), sale.quantity(), sale.options().withReason(exit.reason()));
            if (result instanceof OrderResult.Submitted submitted) {
                selling.put(submitted.orderId(), position.mint());
            }
        }
    }

    /**
     * {@code percent} of {@code held}, rounded down to a raw unit, at least one raw unit and at most {@code held}: a
     * share too small to sell anything sells one unit rather than nothing.
     */
    public static TokenAmount share(TokenAmount held, BigDecimal percent) {
        if (percent.compareTo(ExitRule.HUNDRED) >= 0) {
            return held;
        }
        BigInteger raw = new BigDecimal(held.raw())
                .multiply(percent)
                .divide(ExitRule.HUNDRED, 0, RoundingMode.FLOOR)
                .toBigIntegerExact();
        if (raw.signum() <= 0) {
            raw = BigInteger.ONE;
        }
        return raw.compareTo(held.raw()) >= 0 ? held : TokenAmount.ofRaw(raw, held.decimals());
    }

    /**
     * Records a fill of the bot's: the entry liquidity of a new position, a partial sale of an exit's reason done, a
     * position closed.
     */
    public void onFill(StrategyContext ctx, Fill fill) {
        Mint mint = fill.mint();
        boolean stillHeld = ctx.positions().stream().anyMatch(p -> p.mint().equals(mint));
        if (fill.side() == Side.BUY) {
            if (ctx.state().get(ENTRY_LIQUIDITY + mint).isEmpty()) {
                ctx.market()
                        .pool(mint)
                        .ifPresent(pool -> ctx.state()
                                .put(
                                        ENTRY_LIQUIDITY + mint,
                                        Long.toString(pool.liquidity().value())));
            }
            return;
        }
        if (fill.part() == fill.parts()) {
            selling.remove(fill.orderId());
        }
        if (!stillHeld) {
            forget(ctx, mint);
        } else if (fill.part() == fill.parts() && reasons.contains(fill.reason())) {
            // a sale of the strategy's own (chad mode's auto-sell, say) is no exit's partial sale
            ctx.state().put(DONE + fill.reason() + "." + mint, "1");
        }
    }

    /** Lets a failed sale be tried again at the next tick. */
    public void onOrderFailed(OrderFailure failure) {
        selling.remove(failure.orderId());
    }

    private void forget(StrategyContext ctx, Mint mint) {
        highs.remove(mint);
        ctx.state().remove(ENTRY_LIQUIDITY + mint);
        for (String key : ctx.state().asMap().keySet()) {
            if (key.startsWith(DONE) && key.endsWith("." + mint)) {
                ctx.state().remove(key);
            }
        }
    }
}
