package io.solbot.strategies.copytrade;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.internal.ExitRule;
import io.solbot.strategies.common.internal.Exits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy trader. At each tick it reads the swaps of every wallet it follows since it started following them
 * ({@code MarketView.walletSwaps}), oldest first, and handles each once, {@code copyDelayMs} after it was made:
 *
 * <ul>
 *   <li>a leader's buy is copied as a buy of the same token for {@code scalePct} of the leader's SOL (or {@code
 *       fixedSol}), at most {@code maxSolPerBuy}, unless the bot already holds {@code maxOpenPositions} other tokens
 *       or the copy is older than {@code maxCopyAgeMs}; a refused buy (the safety verdict, a limit) is tried again at
 *       the next ticks until then, so that a token whose safety checks are still running is not lost;
 *   <li>a leader's sell of a share of what it bought while followed is mirrored as the same share of the bot's
 *       position in that token, after any copy of it still in flight; a sell of a token the bot does not hold, or of
 *       tokens the leader held before it was followed (their share unknown), is ignored with the reason in the log,
 *       and no order.
 * </ul>
 *
 * A leader's later swaps wait behind one that is not due or is being tried again, so a buy and the sell after it are
 * copied in their order. Take profit and stop loss, when set, sell whole positions as the shared exits do.
 *
 * <p>State: {@code follow.<wallet>} (see {@link Follow}: what was handled, so that no swap is copied twice across
 * restarts), {@code leader.<wallet>.<mint>} (the raw tokens the leader bought while followed and has not sold),
 * {@code copied} and {@code ignored} (counts); written when a swap is handled, never on an idle tick.
 */
final class CopyTrade implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(CopyTrade.class);

    static final String FOLLOW = "follow.";
    static final String LEADER = "leader.";
    static final String COPIED = "copied";
    static final String IGNORED = "ignored";
    static final String SELL_REASON = "copy-sell";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What became of a swap at this tick. */
    private enum Outcome {
        COPIED,
        IGNORED,
        WAIT
    }

    private final List<String> wallets;
    private final BigDecimal scalePct;
    private final Lamports fixed;
    private final Lamports maxBuy;
    private final Duration delay;
    private final Duration maxAge;
    private final boolean copySells;
    private final int maxOpen;
    private final Exits exits;
    /** Copies in flight, by order: a token is never bought and sold at once, nor sold twice at once. */
    private final Map<OrderId, Mint> buying = new HashMap<>();

    private final Map<OrderId, Mint> selling = new HashMap<>();
    /** Why the last try of a swap being tried again was refused, by swap id: said when it is given up. */
    private final Map<String, String> refusals = new HashMap<>();

    CopyTrade(CopyTradeConfig config) {
        this.wallets = List.copyOf(config.wallets());
        this.scalePct = config.scalePct();
        this.fixed = config.fixedSol() == null ? null : Lamports.ofSol(config.fixedSol());
        this.maxBuy = config.maxBuy();
        this.delay = config.delay();
        this.maxAge = config.maxAge();
        this.copySells = config.copiesSells();
        this.maxOpen = config.openPositions();
        List<ExitRule> rules = new ArrayList<>(2);
        if (!Units.isOff(config.takeProfit())) {
            rules.add(new ExitRule.TakeProfit(config.takeProfit(), HUNDRED));
        }
        if (!Units.isOff(config.stopLoss())) {
            rules.add(new ExitRule.StopLoss(config.stopLoss(), HUNDRED));
        }
        this.exits = new Exits(rules);
    }

    @Override
    public void onTick(StrategyContext ctx) {
        exits.manage(ctx, this::inFlight);
        for (String wallet : wallets) {
            follow(ctx, wallet);
        }
    }

    private boolean inFlight(Mint mint) {
        return buying.containsValue(mint) || selling.containsValue(mint);
    }

    private void follow(StrategyContext ctx, String wallet) {
        String key = FOLLOW + wallet;
        Optional<String> stored = ctx.state().get(key);
        Follow follow;
        if (stored.isPresent()) {
            follow = Follow.parse(stored.get());
        } else {
            follow = Follow.startingAt(ctx.now()); // a leader's swaps from before it was followed are never copied
            ctx.state().put(key, follow.toString());
        }
        for (WalletSwap swap : ctx.market().walletSwaps(wallet, follow.readAfter())) {
            if (!follow.isNew(swap.id(), swap.at())) {
                continue;
            }
            if (ctx.now().isBefore(swap.at().plus(delay))) {
                return; // not due yet: it, and the leader's swaps after it, wait
            }
            Outcome outcome = swap.side() == Side.BUY ? copyBuy(ctx, swap) : copySell(ctx, swap);
            if (outcome == Outcome.WAIT) {
                return;
            }
            track(ctx, swap);
            follow.handled(swap.id(), swap.at());
            ctx.state().put(key, follow.toString());
            add(ctx, outcome == Outcome.COPIED ? COPIED : IGNORED);
            refusals.remove(swap.id());
        }
    }

    private Outcome copyBuy(StrategyContext ctx, WalletSwap swap) {
        Duration age = Duration.between(swap.at(), ctx.now());
        if (age.compareTo(maxAge) > 0) {
            String last = refusals.get(swap.id());
            return ignore(
                    ctx,
                    swap,
                    "it is " + age.toSeconds() + " s old, past maxCopyAgeMs " + maxAge.toMillis()
                            + (last == null ? "" : "; the last try was refused: " + last));
        }
        Set<Mint> open = new HashSet<>(buying.values());
        ctx.positions().forEach(p -> open.add(p.mint()));
        if (!open.contains(swap.mint()) && open.size() >= maxOpen) {
            return ignore(ctx, swap, "the bot holds maxOpenPositions (" + maxOpen + ") tokens already");
        }
        Lamports sol = size(swap.sol());
        if (sol.isZero()) {
            return ignore(ctx, swap, "scaled by scalePct, " + swap.sol() + " is less than a lamport");
        }
        OrderResult result = ctx.orders().buy(swap.mint(), sol);
        if (result instanceof OrderResult.Submitted submitted) {
            buying.put(submitted.orderId(), swap.mint());
            log.info(
                    "Bot '{}' copies {}'s buy of {} ({}): {} for the leader's {}",
                    ctx.botId(),
                    swap.wallet(),
                    swap.mint(),
                    swap.id(),
                    sol,
                    swap.sol());
            return Outcome.COPIED;
        }
        String reason = ((OrderResult.Refused) result).reason();
        refusals.put(swap.id(), reason);
        log.debug("Bot '{}' will try again to copy {} of {}: {}", ctx.botId(), swap.id(), swap.mint(), reason);
        return Outcome.WAIT;
    }

    /** The leader's {@code sol} scaled by {@code scalePct} (rounded down to a lamport), or {@code fixedSol}, capped. */
    Lamports size(Lamports leader) {
        Lamports sol = fixed != null
                ? fixed
                : Lamports.of(new BigDecimal(leader.value())
                        .multiply(scalePct)
                        .divide(HUNDRED, 0, RoundingMode.FLOOR)
                        .longValueExact());
        return sol.compareTo(maxBuy) > 0 ? maxBuy : sol;
    }

    private Outcome copySell(StrategyContext ctx, WalletSwap swap) {
        if (!copySells) {
            return ignore(ctx, swap, "copySells is false");
        }
        if (inFlight(swap.mint()) || exits.isSelling(swap.mint())) {
            return Outcome.WAIT; // after our copy of it lands
        }
        Optional<Position> position = ctx.positions().stream()
                .filter(p -> p.mint().equals(swap.mint()))
                .findFirst();
        if (position.isEmpty()) {
            return ignore(ctx, swap, "the bot holds none of " + swap.mint() + " (it never bought it, or sold it all)");
        }
        BigInteger leaderHeld = leaderHolds(ctx, swap.wallet(), swap.mint());
        if (leaderHeld.signum() == 0) {
            return ignore(
                    ctx,
                    swap,
                    "the leader sells tokens it held before it was followed, so the share it sold is unknown");
        }
        BigDecimal percent = new BigDecimal(swap.tokens().raw())
                .multiply(HUNDRED)
                .divide(new BigDecimal(leaderHeld), MathContext.DECIMAL64)
                .min(HUNDRED);
        TokenAmount quantity = Exits.share(position.get().quantity(), percent);
        OrderResult result = ctx.orders().sell(swap.mint(), quantity, OrderOptions.NONE.withReason(SELL_REASON));
        if (result instanceof OrderResult.Submitted submitted) {
            selling.put(submitted.orderId(), swap.mint());
            log.info(
                    "Bot '{}' copies {}'s sell of {} % of its {} ({}): sells {}",
                    ctx.botId(),
                    swap.wallet(),
                    percent.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    swap.mint(),
                    swap.id(),
                    quantity);
            return Outcome.COPIED;
        }
        String reason = ((OrderResult.Refused) result).reason();
        if (Duration.between(swap.at(), ctx.now()).compareTo(maxAge) > 0) {
            return ignore(ctx, swap, "the sell was refused past maxCopyAgeMs: " + reason);
        }
        refusals.put(swap.id(), reason);
        return Outcome.WAIT;
    }

    private Outcome ignore(StrategyContext ctx, WalletSwap swap, String reason) {
        log.info(
                "Bot '{}' does not copy {}'s {} of {} ({}): {}",
                ctx.botId(),
                swap.wallet(),
                swap.side() == Side.BUY ? "buy" : "sell",
                swap.mint(),
                swap.id(),
                reason);
        return Outcome.IGNORED;
    }

    /** Follows what the leader holds of the token from the swaps seen: a buy adds, a sell takes away (down to 0). */
    private static void track(StrategyContext ctx, WalletSwap swap) {
        String key = LEADER + swap.wallet() + "." + swap.mint();
        BigInteger held = leaderHolds(ctx, swap.wallet(), swap.mint());
        BigInteger after = swap.side() == Side.BUY
                ? held.add(swap.tokens().raw())
                : held.subtract(swap.tokens().raw()).max(BigInteger.ZERO);
        if (after.signum() == 0) {
            ctx.state().remove(key);
        } else {
            ctx.state().put(key, after.toString());
        }
    }

    private static BigInteger leaderHolds(StrategyContext ctx, String wallet, Mint mint) {
        return ctx.state()
                .get(LEADER + wallet + "." + mint)
                .map(BigInteger::new)
                .orElse(BigInteger.ZERO);
    }

    private static void add(StrategyContext ctx, String key) {
        long n = ctx.state().get(key).map(Long::parseLong).orElse(0L);
        ctx.state().put(key, Long.toString(n + 1));
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        exits.onFill(ctx, fill);
        if (fill.part() == fill.parts()) {
            buying.remove(fill.orderId());
            selling.remove(fill.orderId());
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        exits.onOrderFailed(failure);
        buying.remove(failure.orderId());
        selling.remove(failure.orderId());
    }
}
