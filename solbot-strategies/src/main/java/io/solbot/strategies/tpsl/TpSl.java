package io.solbot.strategies.tpsl;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.ExitRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One set of TP/SL rules. Its first tick buys the entry; once the entry filled (in one part or several, summed), each
 * tick measures the change of the price from the entry (from {@code entryPrice} in USD when set, else from the
 * position's own entry price in SOL) and fires the first rule not fired yet that it reaches: a {@code take-profit} at
 * {@code tp} % or more, a {@code stop-loss} at {@code sl} % or more below, selling {@code sellPct} % of the quantity
 * bought (at most what is left). Each rule fires once; one sale in flight at a time; a sale that fails before selling
 * anything lets its rule fire again, one that sold part of its share counts as fired. With {@code maxHoldSec} what is
 * left is sold that long after the entry ({@code max-hold}).
 *
 * <p>State: {@code entry} ({@code placed:<order id>:<raw bought so far>} then {@code bought:<raw>}), per rule {@code
 * rule.<i>} ({@code placed:<order id>:<raw sold so far>} then {@code done}), and {@code max-hold} likewise.
 */
final class TpSl implements Strategy {
    static final String ENTRY = "entry";
    static final String RULE = "rule.";
    static final String MAX_HOLD = "max-hold";
    static final String DONE = "done";
    private static final String PLACED = "placed:";
    private static final String BOUGHT = "bought:";

    private final Mint mint;
    private final Lamports amount;
    private final BigDecimal entryUsd;
    private final List<TpSlConfig.Rule> rules;
    private final Duration maxHold;

    TpSl(TpSlConfig config) {
        this.mint = Mint.of(config.tokenMint());
        this.amount = Lamports.ofSol(config.amountToSpend());
        this.entryUsd = config.entryPrice();
        this.rules = List.copyOf(config.rules());
        this.maxHold = config.maxHoldSec() == null ? null : Duration.ofSeconds(config.maxHoldSec());
    }

    @Override
    public void onTick(StrategyContext ctx) {
        String entry = ctx.state().get(ENTRY).orElse("");
        if (entry.isEmpty()) {
            if (ctx.orders().buy(mint, amount) instanceof OrderResult.Submitted s) {
                ctx.state().put(ENTRY, PLACED + s.orderId().value() + ":0");
            }
            return;
        }
        Optional<Position> held =
                ctx.positions().stream().filter(p -> p.mint().equals(mint)).findFirst();
        if (!entry.startsWith(BOUGHT) || held.isEmpty() || selling(ctx)) {
            return;
        }
        BigInteger bought = new BigInteger(entry.substring(BOUGHT.length()));
        if (maxHold != null
                && ctx.state().get(MAX_HOLD).isEmpty()
                && !ctx.now().isBefore(held.get().openedAt().plus(maxHold))) {
            sell(ctx, MAX_HOLD, held.get().quantity(), "max-hold");
            return;
        }
        Optional<BigDecimal> change = change(ctx, held.get());
        if (change.isEmpty()) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            TpSlConfig.Rule rule = rules.get(i);
            if (ctx.state().get(RULE + i).isPresent()) {
                continue;
            }
            boolean tp = rule.tp() != null && change.get().compareTo(rule.tp()) >= 0;
            boolean sl = rule.sl() != null && change.get().compareTo(rule.sl().negate()) <= 0;
            if (tp || sl) {
                BigInteger share = new BigDecimal(bought)
                        .multiply(rule.sellPct())
                        .divide(ExitRule.HUNDRED, 0, RoundingMode.FLOOR)
                        .toBigIntegerExact()
                        .max(BigInteger.ONE);
                TokenAmount quantity = TokenAmount.ofRaw(
                                share, held.get().quantity().decimals())
                        .min(held.get().quantity());
                sell(ctx, RULE + i, quantity, tp ? "take-profit" : "stop-loss");
                return;
            }
        }
    }

    private void sell(StrategyContext ctx, String key, TokenAmount quantity, String reason) {
        if (ctx.orders().sell(mint, quantity, OrderOptions.NONE.withReason(reason))
                instanceof OrderResult.Submitted s) {
            ctx.state().put(key, PLACED + s.orderId().value() + ":0");
        }
    }

    private boolean selling(StrategyContext ctx) {
        if (ctx.state().get(MAX_HOLD).filter(v -> v.startsWith(PLACED)).isPresent()) {
            return true;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (ctx.state().get(RULE + i).filter(v -> v.startsWith(PLACED)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The change from the entry, percent: against {@code entryPrice} in USD when set, else the position's own. */
    private Optional<BigDecimal> change(StrategyContext ctx, Position held) {
        Optional<Price> price = ctx.market().price(mint);
        if (price.isEmpty()) {
            return Optional.empty();
        }
        if (entryUsd == null) {
            Price entry = held.entryPrice();
            return entry.isZero() ? Optional.empty() : Optional.of(price.get().percentChangeFrom(entry));
        }
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        return solUsd.map(usd -> usd.usdPerToken(price.get())
                .subtract(entryUsd)
                .multiply(ExitRule.HUNDRED)
                .divide(entryUsd, Price.MATH));
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        String prefix = PLACED + fill.orderId().value() + ":";
        for (String key : keys()) {
            String value = ctx.state().get(key).orElse("");
            if (value.startsWith(prefix)) {
                BigInteger done = new BigInteger(value.substring(prefix.length()))
                        .add(
                                key.equals(ENTRY)
                                        ? fill.amountOut().raw()
                                        : fill.amountIn().raw());
                boolean last = fill.part() == fill.parts();
                ctx.state().put(key, last ? (key.equals(ENTRY) ? BOUGHT + done : DONE) : prefix + done);
                return;
            }
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        String prefix = PLACED + failure.orderId().value() + ":";
        for (String key : keys()) {
            String value = ctx.state().get(key).orElse("");
            if (value.startsWith(prefix)) {
                BigInteger done = new BigInteger(value.substring(prefix.length()));
                if (done.signum() == 0) {
                    ctx.state().remove(key); // nothing happened: the entry is bought again, the rule may fire again
                } else {
                    ctx.state().put(key, key.equals(ENTRY) ? BOUGHT + done : DONE);
                }
                return;
            }
        }
    }

    private List<String> keys() {
        List<String> out = new java.util.ArrayList<>(rules.size() + 2);
        out.add(ENTRY);
        out.add(MAX_HOLD);
        for (int i = 0; i < rules.size(); i++) {
            out.add(RULE + i);
        }
        return out;
    }
}
