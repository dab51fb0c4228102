package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common tick of the feed strategies (sniper, scalper, breakout, dip buyer, paper trader): first the exits over the
 * positions held, then, unless a cap is reached, the entry pipeline over the candidates: skip a token held, being
 * bought or cooling down → each gate in order → the safety checks → the price-impact gate → buy.
 *
 * <p>Caps, each counting the buys in flight so that none is ever exceeded: {@code maxTrades} buys, {@code maxOpen}
 * positions (which the original never enforced), {@code maxDailyVolume} SOL per UTC day. After {@code
 * haltOnFailures} failed orders in a row the strategy buys no more (its exits still run) and says why in its state
 * under {@code halted}; the engine, whose {@code maxFailuresInARow} is the same number, makes the bot FAILED.
 *
 * <p>State that must survive a restart, written when a trade or failure happens, never per tick: {@code trades},
 * {@code failures-in-a-row}, {@code halted}, {@code day} and {@code day-spent} (lamports), and the exits' own.
 *
 * <p>Not thread-safe; the engine never calls one instance concurrently.
 */
public final class TradingStrategy implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(TradingStrategy.class);

    static final String TRADES = "trades";
    static final String FAILURES = "failures-in-a-row";
    static final String HALTED = "halted";
    static final String DAY = "day";
    static final String DAY_SPENT = "day-spent";

    /**
     * What the pipeline decided about one token at the last tick.
     *
     * @param mint the token
     * @param gate the gate that rejected it, {@code refused} when the engine refused the order, or null when bought
     * @param why the gate's reason, or null when bought
     */
    public record Verdict(Mint mint, String gate, String why) {
        public boolean bought() {
            return gate == null;
        }
    }

    private final TradingPlan plan;
    private final Exits exits;
    private final Map<OrderId, Lamports> buying = new HashMap<>();
    private final Map<OrderId, Mint> buyingMints = new HashMap<>();
    private final Map<Mint, Instant> coolingUntil = new HashMap<>();
    /** Tokens that passed every gate and wait out the entry delay, to when; in memory (a restart waits again). */
    private final Map<Mint, Instant> waitingUntil = new HashMap<>();

    private final List<Verdict> verdicts = new ArrayList<>();

    public TradingStrategy(TradingPlan plan) {
        this.plan = plan;
        this.exits = new Exits(plan.exits());
    }

    public TradingPlan plan() {
        return plan;
    }

    /** Whether an exit is selling {@code mint} now. */
    public boolean isSelling(Mint mint) {
        return exits.isSelling(mint);
    }

    /** What the pipeline decided at the last tick, in the order it judged the tokens. */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    @Override
    public void onTick(StrategyContext ctx) {
        verdicts.clear();
        exits.manage(ctx);
        if (!mayBuy(ctx)) {
            return;
        }
        List<Position> positions = ctx.positions();
        Set<Mint> held = new LinkedHashSet<>();
        positions.forEach(p -> held.add(p.mint()));
        Set<Mint> judged = new HashSet<>();
        try {
            judge(ctx, held, judged);
        } finally {
            // a token no longer judged (out of the feed, held, capped) waits again when it comes back
            waitingUntil.keySet().retainAll(judged);
        }
    }

    private void judge(StrategyContext ctx, Set<Mint> held, Set<Mint> judged) {
        for (Mint mint : candidates(ctx)) {
            if (!mayBuy(ctx) || held.size() + buying.size() >= plan.maxOpen()) {
                return;
            }
            if (held.contains(mint) || buyingMints.containsValue(mint) || coolingDown(mint, ctx.now())) {
                continue;
            }
            judged.add(mint);
            Verdict verdict = judge(plan, new Candidate(ctx, mint));
            if (verdict.bought() && !plan.entryDelay().isZero()) {
                Instant due = waitingUntil.computeIfAbsent(mint, m -> ctx.now().plus(plan.entryDelay()));
                if (ctx.now().isBefore(due)) {
                    verdicts.add(
                            new Verdict(mint, "delay", "passed every gate; bought at " + due + " if it still does"));
                    continue;
                }
                waitingUntil.remove(mint);
            } else if (!verdict.bought()) {
                waitingUntil.remove(mint);
            }
            if (verdict.bought()) {
                OrderResult result = ctx.orders().buy(mint, plan.amount());
                if (result instanceof OrderResult.Submitted submitted) {
                    buying.put(submitted.orderId(), plan.amount());
                    buyingMints.put(submitted.orderId(), mint);
                    coolingUntil.put(mint, ctx.now().plus(plan.cooldown()));
                } else if (result instanceof OrderResult.Refused refused) {
                    verdict = new Verdict(mint, "refused", refused.reason());
                }
            }
            verdicts.add(verdict);
        }
    }

    /** What {@code plan}'s gates, then its safety checks, then its price-impact gate say of {@code candidate}. */
    static Verdict judge(TradingPlan plan, Candidate candidate) {
        for (Gate gate : plan.gates()) {
            Optional<String> why = gate.reject(candidate);
            if (why.isPresent()) {
                return new Verdict(candidate.mint(), gate.name(), why.get());
            }
        }
        for (Gate check : plan.safety()) {
            Optional<String> why = check.reject(candidate);
            if (why.isPresent()) {
                return new Verdict(candidate.mint(), check.name(), why.get());
            }
        }
        if (plan.priceImpact() != null) {
            Optional<String> why = plan.priceImpact().reject(candidate);
            if (why.isPresent()) {
                return new Verdict(candidate.mint(), plan.priceImpact().name(), why.get());
            }
        }
        return new Verdict(candidate.mint(), null, null);
    }

    private List<Mint> candidates(StrategyContext ctx) {
        return plan.feed() == null ? plan.monitored() : ctx.market().tokens(plan.feed(), plan.feedLimit());
    }

    private boolean coolingDown(Mint mint, Instant now) {
        Instant until = coolingUntil.get(mint);
        return until != null && now.isBefore(until);
    }

    /** Whether no cap stops a further buy now: halt, max trades, daily volume. */
    private boolean mayBuy(StrategyContext ctx) {
        if (ctx.state().get(HALTED).isPresent()) {
            return false;
        }
        if (count(ctx, TRADES) + buying.size() >= plan.maxTrades()) {
            return false;
        }
        if (plan.maxDailyVolume() != null) {
            long spent = Math.addExact(spentToday(ctx), inFlight());
            return Math.addExact(spent, plan.amount().value())
                    <= plan.maxDailyVolume().value();
        }
        return true;
    }

    private long inFlight() {
        long sum = 0;
        for (Lamports l : buying.values()) {
            sum = Math.addExact(sum, l.value());
        }
        return sum;
    }

    /** The lamports spent on buys today (UTC), as the state counts them. */
    static long spentToday(StrategyContext ctx) {
        String today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC).toString();
        if (!today.equals(ctx.state().get(DAY).orElse(""))) {
            return 0;
        }
        return ctx.state().get(DAY_SPENT).map(Long::parseLong).orElse(0L);
    }

    static long count(StrategyContext ctx, String key) {
        return ctx.state().get(key).map(Long::parseLong).orElse(0L);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        exits.onFill(ctx, fill);
        ctx.state().remove(FAILURES);
        if (fill.side() != Side.BUY) {
            return;
        }
        spent(ctx, fill);
        if (fill.part() == fill.parts()) {
            if (buying.remove(fill.orderId()) != null) {
                buyingMints.remove(fill.orderId());
            }
            ctx.state().put(TRADES, Long.toString(count(ctx, TRADES) + 1));
        }
    }

    /** Adds what the buy {@code fill} spent to today's spending in the state. */
    static void spent(StrategyContext ctx, Fill fill) {
        String today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC).toString();
        long spent = Math.addExact(spentToday(ctx), fill.sol().value());
        ctx.state().put(DAY, today);
        ctx.state().put(DAY_SPENT, Long.toString(spent));
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        exits.onOrderFailed(failure);
        buying.remove(failure.orderId());
        buyingMints.remove(failure.orderId());
        long failures = count(ctx, FAILURES) + 1;
        ctx.state().put(FAILURES, Long.toString(failures));
        if (failures >= plan.haltOnFailures() && ctx.state().get(HALTED).isEmpty()) {
            String why = "halted after " + failures + " failed orders in a row; the last: " + failure.stage() + ": "
                    + failure.reason();
            ctx.state().put(HALTED, why);
            log.warn("Bot '{}' {}", ctx.botId(), why);
        }
    }
}
