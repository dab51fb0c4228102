package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.BotHaltException;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.TradingStrategy.Verdict;
import io.solbot.strategies.common.internal.TurboSignal.Phase;
import io.solbot.strategies.common.internal.TurboSignal.Piece;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turbo sniper's tick: the exits over its positions, then the signals in progress, then the sniper's entry
 * pipeline (its gates, safety checks and price-impact gate) over the candidates, each token that passes becoming a
 * signal.
 *
 * <p>A signal is one token's buy, {@code amountToSpend} in all: with a probe, a small buy first, and the rest only once
 * the probe filled and its tokens can be sold back losing at most the probe's limit (else the token is blocked, as it is
 * when the probe's order fails); then the rest in {@code tranches}, each split across the wallets by their shares, at
 * most {@code maxParallel} orders a tick and {@code trancheDelay} apart. Every order carries the plan's priority fee
 * (fixed, or from the market's recent fees within the plan's bounds) and Jito tip; a piece whose order failed without
 * filling is sent again up to {@code retries} times, each time bidding {@code bumpCuStep} and {@code bumpTip} more. A
 * sale of the token (an exit) ends its signal's buying.
 *
 * <p>Idempotency: a signal is written to the state before its first order is placed, and each piece's place in it
 * before that piece is placed, so a token is never bought twice for one signal, not across a restart either; after a
 * restart, an unfinished signal places the rest of its pieces only when the plan says to resume. A signal is remembered
 * {@code signalTtl} (always, if none): until then its token is not judged again.
 *
 * <p>Kill switch: after {@code killThreshold} failed orders in all, the strategy halts its bot ({@link
 * BotHaltException}: the bot is FAILED, with the reason) and keeps the reason in its state, so that a restart halts
 * again at once, until the config turns the kill switch off or raises its threshold above the failures counted.
 *
 * <p>With several wallets, the exits sell a token from each wallet in the share it bought of it ({@code
 * bought.<mint>}: {@code <wallet>=<raw>,...}).
 *
 * <p>State: {@code signal.<mint>} ({@code <phase>:<started ms>:<next piece>:<rest lamports>:<probe order or ->}),
 * {@code trades} (signals started), {@code day} and {@code day-spent}, {@code kill-errors}, {@code killed}, {@code
 * bought.<mint>}, and the exits' own. Not thread-safe; the engine never calls one instance concurrently.
 */
public final class TurboStrategy implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(TurboStrategy.class);

    static final String SIGNAL = "signal.";
    static final String KILLED = TurboKillSwitch.KILLED;

    private final TurboPlan plan;
    private final TradingPlan trading;
    private final Exits exits;
    private final TurboOptions options;
    private final Map<Mint, TurboSignal> signals = new LinkedHashMap<>();
    private final Map<OrderId, Piece> inFlight = new HashMap<>();
    /** The orders of which a part filled: a failure after that is not retried (it bought some already). */
    private final Set<OrderId> partlyFilled = new HashSet<>();
    /** What each probe bought so far, summed over its parts. */
    private final Map<OrderId, TokenAmount> probeBought = new HashMap<>();

    private final List<Piece> retries = new ArrayList<>();
    private final Map<Mint, Instant> notBefore = new HashMap<>();
    private final Map<Mint, Instant> waitingUntil = new HashMap<>();
    private final List<Verdict> verdicts = new ArrayList<>();

    public TurboStrategy(TurboPlan plan) {
        this.plan = plan;
        this.trading = plan.trading();
        this.options = new TurboOptions(plan);
        this.exits =
                plan.wallets().isEmpty() ? new Exits(trading.exits()) : new Exits(trading.exits(), TurboWallets::split);
    }

    public TurboPlan plan() {
        return plan;
    }

    /** What the pipeline decided at the last tick, in the order it judged the tokens. */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    @Override
    public void onStart(StrategyContext ctx) {
        TurboKillSwitch.checkAtStart(ctx, plan);
        for (Map.Entry<String, String> e : ctx.state().asMap().entrySet()) {
            if (e.getKey().startsWith(SIGNAL)) {
                Mint mint = Mint.of(e.getKey().substring(SIGNAL.length()));
                TurboSignal signal = TurboSignal.parse(e.getValue());
                if (signal.phase() == Phase.SPLIT && !plan.resume()) {
                    // the plan does not resume a signal a restart interrupted: what it bought stays, no more
                    signal = save(ctx, mint, signal.with(Phase.DONE));
                } else if (signal.phase() == Phase.PROBE) {
                    // a probe whose outcome the restart lost is no proof of a way out
                    log.info("Bot '{}' blocks {}: a restart interrupted its probe", ctx.botId(), mint);
                    signal = save(ctx, mint, signal.with(Phase.BLOCKED));
                }
                signals.put(mint, signal);
            }
        }
    }

    @Override
    public void onTick(StrategyContext ctx) {
        verdicts.clear();
        if (ctx.state().get(KILLED).isPresent()) {
            return; // the kill switch fired: the engine is halting the bot, and nothing more is sent meanwhile
        }
        exits.manage(ctx, this::buying);
        forgetExpired(ctx);
        List<Piece> again = List.copyOf(retries);
        retries.clear();
        again.forEach(piece -> place(ctx, piece));
        for (Map.Entry<Mint, TurboSignal> e : List.copyOf(signals.entrySet())) {
            if (e.getValue().phase() == Phase.SPLIT) {
                split(ctx, e.getKey(), e.getValue());
            }
        }
        Set<Mint> judged = new HashSet<>();
        try {
            judge(ctx, judged);
        } finally {
            waitingUntil.keySet().retainAll(judged);
        }
    }

    private boolean buying(Mint mint) {
        return inFlight.values().stream().anyMatch(p -> p.mint().equals(mint));
    }

    private void forgetExpired(StrategyContext ctx) {
        if (plan.signalTtl() == null) {
            return;
        }
        long now = ctx.now().toEpochMilli();
        long keep = Math.max(plan.signalTtl().toMillis(), trading.cooldown().toMillis());
        for (Map.Entry<Mint, TurboSignal> e : List.copyOf(signals.entrySet())) {
            TurboSignal s = e.getValue();
            if (!s.buying() && now - s.startedMs() >= keep && !buying(e.getKey())) {
                signals.remove(e.getKey());
                ctx.state().remove(SIGNAL + e.getKey());
            }
        }
    }

    private void judge(StrategyContext ctx, Set<Mint> judged) {
        Set<Mint> held = new HashSet<>();
        ctx.positions().forEach(p -> held.add(p.mint()));
        for (Mint mint : candidates(ctx)) {
            if (!mayStart(ctx, held)) {
                return;
            }
            if (signals.containsKey(mint) || held.contains(mint)) {
                continue; // one signal per token: never bought twice
            }
            judged.add(mint);
            Verdict verdict = TradingStrategy.judge(trading, new Candidate(ctx, mint));
            if (verdict.bought() && !trading.entryDelay().isZero()) {
                Instant due = waitingUntil.computeIfAbsent(mint, m -> ctx.now().plus(trading.entryDelay()));
                if (ctx.now().isBefore(due)) {
                    verdicts.add(
                            new Verdict(mint, "delay", "passed every gate; bought at " + due + " if it still does"));
                    continue;
                }
            }
            waitingUntil.remove(mint);
            if (verdict.bought()) {
                verdict = start(ctx, mint);
            }
            verdicts.add(verdict);
        }
    }

    private List<Mint> candidates(StrategyContext ctx) {
        return trading.feed() == null ? trading.monitored() : ctx.market().tokens(trading.feed(), trading.feedLimit());
    }

    /** Whether a new signal may start: not killed, fewer than {@code maxTrades} signals, open and daily caps. */
    private boolean mayStart(StrategyContext ctx, Set<Mint> held) {
        if (ctx.state().get(KILLED).isPresent()
                || TradingStrategy.count(ctx, TradingStrategy.TRADES) >= trading.maxTrades()) {
            return false;
        }
        long open = held.size()
                + signals.entrySet().stream()
                        .filter(e -> e.getValue().buying() && !held.contains(e.getKey()))
                        .count();
        if (open >= trading.maxOpen()) {
            return false;
        }
        if (trading.maxDailyVolume() != null) {
            return Math.addExact(committed(ctx), trading.amount().value())
                    <= trading.maxDailyVolume().value();
        }
        return true;
    }

    /** Today's spending, the orders in flight or to be retried, and the pieces the signals in progress will place. */
    private long committed(StrategyContext ctx) {
        long sum = TradingStrategy.spentToday(ctx);
        for (Piece p : inFlight.values()) {
            sum = Math.addExact(sum, p.sol().value());
        }
        for (Piece p : retries) {
            sum = Math.addExact(sum, p.sol().value());
        }
        for (Map.Entry<Mint, TurboSignal> e : signals.entrySet()) {
            TurboSignal s = e.getValue();
            if (s.buying()) {
                List<Piece> pieces = s.pieces(plan, e.getKey());
                for (Piece p : pieces.subList(Math.min(s.next(), pieces.size()), pieces.size())) {
                    sum = Math.addExact(sum, p.sol().value());
                }
            }
        }
        return sum;
    }

    /** Starts a signal for {@code mint}: written first, then its probe or its first tranche placed. */
    private Verdict start(StrategyContext ctx, Mint mint) {
        long amount = trading.amount().value();
        Lamports probe = null;
        if (plan.probe() != null) {
            var solUsd = ctx.market().solUsd();
            if (solUsd.isEmpty()) {
                return new Verdict(
                        mint,
                        "probe",
                        "no SOL price to size the probe of " + plan.probe().usd() + " USD");
            }
            long probeSol = Math.min(
                    amount, solUsd.get().lamportsFor(plan.probe().usd()).value());
            if (probeSol <= 0) {
                return new Verdict(mint, "probe", "a probe of " + plan.probe().usd() + " USD buys no lamport");
            }
            probe = Lamports.of(probeSol);
            BigDecimal scaled =
                    BigDecimal.valueOf(probeSol).multiply(plan.probe().scaleFactor());
            amount = Math.min(
                    amount - probeSol, scaled.setScale(0, RoundingMode.DOWN).longValueExact());
        }
        // written before anything is sent, so that a restart right after the order never sends it again
        TurboSignal signal = save(
                ctx,
                mint,
                new TurboSignal(
                        probe == null ? Phase.SPLIT : Phase.PROBE, ctx.now().toEpochMilli(), 0, amount, "-"));
        String refused;
        if (probe != null) {
            OrderResult result = place(ctx, new Piece(mint, probe, null, 0, -1, 0));
            refused = result instanceof OrderResult.Refused r ? r.reason() : null;
            if (result instanceof OrderResult.Submitted s) {
                save(
                        ctx,
                        mint,
                        new TurboSignal(
                                Phase.PROBE,
                                signal.startedMs(),
                                0,
                                amount,
                                s.orderId().value()));
            }
        } else {
            refused = split(ctx, mint, signal);
        }
        if (refused != null && !buying(mint)) {
            // nothing of the signal was sent: it never happened, and the token may be judged again
            signals.remove(mint);
            ctx.state().remove(SIGNAL + mint);
            return new Verdict(mint, "refused", refused);
        }
        ctx.state().put(TradingStrategy.TRADES, Long.toString(TradingStrategy.count(ctx, TradingStrategy.TRADES) + 1));
        return new Verdict(mint, null, null);
    }

    /**
     * Places the signal's due pieces: those of its current tranche, at most {@code maxParallel} this tick, each
     * written to the state before it is placed. A piece the engine refuses ends the signal's buying.
     *
     * @return why a piece was refused, or null
     */
    private String split(StrategyContext ctx, Mint mint, TurboSignal signal) {
        Instant due = notBefore.get(mint);
        if (due != null && ctx.now().isBefore(due)) {
            return null;
        }
        List<Piece> pieces = signal.pieces(plan, mint);
        int placed = 0;
        while (signal.next() < pieces.size() && placed < plan.maxParallel()) {
            Piece piece = pieces.get(signal.next());
            if (placed > 0 && piece.tranche() != pieces.get(signal.next() - 1).tranche()) {
                break;
            }
            signal = save(ctx, mint, signal.next(signal.next() + 1));
            if (place(ctx, piece) instanceof OrderResult.Refused refused) {
                // nothing was sent: this piece is not bought, and neither is the rest of the signal
                save(ctx, mint, signal.with(Phase.DONE));
                notBefore.remove(mint);
                return refused.reason();
            }
            placed++;
            boolean trancheEnds =
                    signal.next() == pieces.size() || pieces.get(signal.next()).tranche() != piece.tranche();
            if (trancheEnds) {
                notBefore.put(mint, ctx.now().plus(plan.trancheDelay()));
                break;
            }
        }
        if (signal.next() >= pieces.size()) {
            save(ctx, mint, signal.with(Phase.DONE));
            notBefore.remove(mint);
        }
        return null;
    }

    private OrderResult place(StrategyContext ctx, Piece piece) {
        OrderResult result = ctx.orders().buy(piece.mint(), piece.sol(), options.of(ctx, piece));
        if (result instanceof OrderResult.Submitted s) {
            inFlight.put(s.orderId(), piece);
        }
        return result;
    }

    private TurboSignal save(StrategyContext ctx, Mint mint, TurboSignal signal) {
        signals.put(mint, signal);
        ctx.state().put(SIGNAL + mint, signal.format());
        return signal;
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        exits.onFill(ctx, fill);
        TurboSignal signal = signals.get(fill.mint());
        if (fill.side() == Side.SELL) {
            if (ctx.positions().stream().noneMatch(p -> p.mint().equals(fill.mint()))) {
                TurboWallets.forget(ctx, fill.mint());
            }
            if (signal != null && signal.buying()) {
                // an exit sells: the signal buys no more
                save(ctx, fill.mint(), signal.with(Phase.DONE));
                retries.removeIf(p -> p.mint().equals(fill.mint()));
            }
            return;
        }
        TradingStrategy.spent(ctx, fill);
        Piece piece = inFlight.get(fill.orderId());
        if (piece == null) {
            return;
        }
        if (piece.probe()) {
            probeBought.merge(fill.orderId(), fill.tokens(), TokenAmount::plus);
        }
        if (!plan.wallets().isEmpty()) {
            TurboWallets.addBought(
                    ctx,
                    fill.mint(),
                    piece.wallet() == null ? OrderOptions.DEFAULT_WALLET : piece.wallet(),
                    fill.tokens());
        }
        if (fill.part() < fill.parts()) {
            partlyFilled.add(fill.orderId());
            return;
        }
        inFlight.remove(fill.orderId());
        partlyFilled.remove(fill.orderId());
        if (piece.probe() && signal != null && signal.phase() == Phase.PROBE) {
            probed(ctx, piece, probeBought.remove(fill.orderId()), signal);
        }
    }

    /** The probe filled: its tokens must have a sell route that loses at most the limit on the round trip. */
    private void probed(StrategyContext ctx, Piece probe, TokenAmount bought, TurboSignal signal) {
        Mint mint = probe.mint();
        Pool pool = ctx.market().pool(mint).orElse(null);
        TokenAmount back =
                pool == null || pool.isDrained() || bought.isZero() ? null : pool.amountOut(Side.SELL, bought);
        if (back == null || back.isZero()) {
            block(ctx, mint, signal, "the probe's tokens have no sell route");
            return;
        }
        BigDecimal spent = BigDecimal.valueOf(probe.sol().value());
        BigDecimal loss = spent.subtract(new BigDecimal(back.raw()))
                .multiply(ExitRule.HUNDRED)
                .divide(spent, 4, RoundingMode.HALF_UP);
        if (loss.compareTo(plan.probe().maxLossPercent()) > 0) {
            block(
                    ctx,
                    mint,
                    signal,
                    "the probe's round trip loses " + loss.stripTrailingZeros().toPlainString() + " %, more than "
                            + plan.probe().maxLossPercent().toPlainString() + " %");
            return;
        }
        notBefore.put(mint, ctx.now().plus(plan.probe().delay()));
        save(ctx, mint, signal.with(signal.rest() > 0 ? Phase.SPLIT : Phase.DONE));
    }

    private void block(StrategyContext ctx, Mint mint, TurboSignal signal, String why) {
        save(ctx, mint, signal.with(Phase.BLOCKED));
        log.info("Bot '{}' blocks {}: {}", ctx.botId(), mint, why);
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        exits.onOrderFailed(failure);
        Piece piece = inFlight.remove(failure.orderId());
        boolean boughtSome = partlyFilled.remove(failure.orderId());
        probeBought.remove(failure.orderId());
        if (piece != null) {
            TurboSignal signal = signals.get(piece.mint());
            if (piece.probe()) {
                if (signal != null && signal.phase() == Phase.PROBE) {
                    block(
                            ctx,
                            piece.mint(),
                            signal,
                            "its probe failed at " + failure.stage() + ": " + failure.reason());
                }
            } else if (!boughtSome
                    && piece.attempt() < plan.retries()
                    && signal != null
                    && signal.phase() != Phase.BLOCKED) {
                // a sale of the token removes its retries (onFill); a blocked token gets none
                retries.add(piece.retried());
            }
        }
        if (TurboKillSwitch.failed(ctx, plan, failure)) {
            retries.clear();
            throw new BotHaltException(ctx.state().get(KILLED).orElseThrow());
        }
    }
}
