package io.solbot.strategies.rotationbot;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.internal.ExitRule;
import io.solbot.strategies.common.internal.Exits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rotation bot.
 *
 * <p>It rotates each of its units: the default wallet over {@code tokens} and {@code sectors}' tokens, and each wallet
 * of {@code wallets} over its own. A rotation ranks the unit's tokens by their {@link Candle#changePercent()} over the
 * window (ties by mint); when the leader's change is at least {@code minMomentum} % and the wallet does not hold it, it
 * sells what the wallet holds of the unit's other tokens (as far as the bot bought them) and, once those sells are
 * done, buys the leader with the wallet's SOL less the gas buffer and the buy's fee. Rotations are counted in the bot's
 * state up to {@code maxRotations}, at least {@code cooldown} apart; a leader waiting for its sells to finish is kept
 * there too, so a restart buys it rather than rotate again.
 *
 * <p>Exits: its {@code stopLoss} and {@code takeProfit} (each selling the whole position: the config has no share
 * fields) run through the shared {@link Exits} at each tick before the rotation, selling from the wallet that bought
 * the token (kept in the bot's state under {@code bought-in.<mint>}). A token has one sale in flight at most: a
 * wallet does not rotate while an exit sells one of its tokens, and the exits leave out a token the rotation is
 * trading. So that an
 * exit's sale never asks one wallet for tokens another holds, a wallet does not rotate into a token the bot holds
 * from another wallet; and a wallet does not rotate while an exit sells one of its tokens, so that it buys the leader
 * with that sale's SOL at a later tick.
 */
final class RotationBot implements Strategy {
    static final String ROTATIONS = "rotations";
    static final String LAST_ROTATION = "last-rotation";
    /** Followed by the wallet's label: the leader to buy once the wallet's sells are done. */
    static final String PENDING = "pending.";
    /** Followed by a mint: the label of the wallet that bought it. */
    static final String BOUGHT_IN = "bought-in.";

    static final String REASON = "rotation";
    private static final Duration MIN_WINDOW = Duration.ofMinutes(1);

    /** One wallet and the tokens it rotates between. */
    record Unit(String wallet, List<Mint> tokens) {}

    private final List<Unit> units;
    private final Duration window;
    private final BigDecimal minMomentum;
    private final Duration cooldown;
    private final int maxRotations;
    private final Lamports gasBuffer;
    private final Lamports feePerOrder;
    private final Exits exits;
    /** The rotation's orders in flight and the wallet each was placed from. */
    private final Map<OrderId, Unit> inFlight = new HashMap<>();

    private final Map<OrderId, Mint> inFlightMints = new HashMap<>();

    RotationBot(RotationBotConfig config) {
        List<Unit> all = new ArrayList<>();
        Set<Mint> own = new LinkedHashSet<>();
        if (config.tokens() != null) {
            config.tokens().forEach(t -> own.add(Mint.of(t)));
        }
        if (config.sectors() != null) {
            config.sectors().values().forEach(list -> list.forEach(t -> own.add(Mint.of(t))));
        }
        if (!own.isEmpty()) {
            all.add(new Unit(OrderOptions.DEFAULT_WALLET, List.copyOf(own)));
        }
        if (config.wallets() != null) {
            config.wallets().forEach((label, tokens) -> {
                if (tokens != null && !tokens.isEmpty()) {
                    all.add(new Unit(
                            label.trim(),
                            tokens.stream().map(Mint::of).distinct().toList()));
                }
            });
        }
        this.units = List.copyOf(all);
        long intervalMs = config.settings().interval().toMillis();
        Duration fromInterval = Duration.ofSeconds(Math.max(60, Math.min(86_400, intervalMs / 1000)));
        this.window = config.priceChangeWindow() == null
                ? fromInterval
                : Duration.ofSeconds(Units.minutes(config.priceChangeWindow())
                        .multiply(BigDecimal.valueOf(60))
                        .setScale(0, RoundingMode.FLOOR)
                        .longValueExact());
        this.minMomentum = config.minMomentum() == null ? BigDecimal.valueOf(2) : config.minMomentum();
        this.cooldown = config.settings().cooldown();
        this.maxRotations = config.maxRotations() == null ? 5 : config.maxRotations();
        this.gasBuffer = Lamports.ofSol(config.gasBufferSol() == null ? new BigDecimal("0.02") : config.gasBufferSol());
        this.feePerOrder = Lamports.SIGNATURE_FEE.plus(config.settings().priorityFee());
        List<ExitRule> rules = new ArrayList<>(2);
        if (!Units.isOff(config.stopLoss())) {
            rules.add(new ExitRule.StopLoss(config.stopLoss(), ExitRule.HUNDRED));
        }
        if (!Units.isOff(config.takeProfit())) {
            rules.add(new ExitRule.TakeProfit(config.takeProfit(), ExitRule.HUNDRED));
        }
        this.exits = new Exits(rules, this::exitOptions);
    }

    /** The options of an exit's sale of {@code mint}: from the wallet that bought it. */
    private OrderOptions exitOptions(StrategyContext ctx, Mint mint) {
        Optional<String> wallet = ctx.state().get(BOUGHT_IN + mint);
        if (wallet.isEmpty()) {
            // bought before the wallet was kept: the first wallet that rotates it
            wallet = units.stream()
                    .filter(u -> u.tokens().contains(mint))
                    .map(Unit::wallet)
                    .findFirst();
        }
        return wallet.map(RotationBot::walletOptions).orElse(OrderOptions.NONE);
    }

    @Override
    public void onTick(StrategyContext ctx) {
        exits.manage(ctx, inFlightMints::containsValue);
        if (!inFlight.isEmpty()) {
            return;
        }
        if (buyPendingLeaders(ctx)) {
            return;
        }
        for (Unit unit : units) {
            int rotations = ctx.state().get(ROTATIONS).map(Integer::parseInt).orElse(0);
            Optional<Instant> last = ctx.state().get(LAST_ROTATION).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)));
            if (rotations >= maxRotations
                    || (last.isPresent() && ctx.now().isBefore(last.get().plus(cooldown)))) {
                return;
            }
            rotate(ctx, unit, rotations);
        }
    }

    private void rotate(StrategyContext ctx, Unit unit, int rotations) {
        if (unit.tokens().stream().anyMatch(exits::isSelling)) {
            return; // an exit is selling one of its tokens: rotate once its SOL is back
        }
        Optional<Mint> leader = leader(ctx, unit);
        Optional<WalletBalances> wallet = ctx.wallet().balances(unit.wallet());
        if (leader.isEmpty()
                || wallet.isEmpty()
                || wallet.get().token(leader.get()).isPresent()
                || heldFromAnotherWallet(ctx, leader.get(), unit)) {
            return; // no token strong enough, no balances, already in the leader, or it is another wallet's
        }
        for (Mint other : unit.tokens()) {
            TokenAmount quantity = sellable(ctx, wallet.get(), other);
            if (!other.equals(leader.get()) && quantity.signum() > 0 && !exits.isSelling(other)) {
                OrderResult result = ctx.orders().sell(other, quantity, options(unit));
                if (result instanceof OrderResult.Submitted submitted) {
                    track(submitted.orderId(), unit, other);
                }
            }
        }
        ctx.state().put(ROTATIONS, Integer.toString(rotations + 1));
        ctx.state().put(LAST_ROTATION, Long.toString(ctx.now().toEpochMilli()));
        ctx.state().put(PENDING + unit.wallet(), leader.get().address());
        if (inFlight.isEmpty()) {
            buyPendingLeaders(ctx);
        }
    }

    private static boolean heldFromAnotherWallet(StrategyContext ctx, Mint mint, Unit unit) {
        boolean held = ctx.positions().stream().anyMatch(p -> p.mint().equals(mint));
        return held && !ctx.state().get(BOUGHT_IN + mint).orElse(unit.wallet()).equals(unit.wallet());
    }

    private void track(OrderId order, Unit unit, Mint mint) {
        inFlight.put(order, unit);
        inFlightMints.put(order, mint);
    }

    /** The unit's token with the largest change over the window, if at least the minimum momentum. */
    private Optional<Mint> leader(StrategyContext ctx, Unit unit) {
        Mint best = null;
        BigDecimal bestChange = null;
        for (Mint mint : unit.tokens()) {
            Optional<Candle> candle = ctx.market().candle(mint, window);
            if (candle.isEmpty() || candle.get().open().isZero()) {
                continue;
            }
            BigDecimal change = candle.get().changePercent();
            if (bestChange == null
                    || change.compareTo(bestChange) > 0
                    || (change.compareTo(bestChange) == 0 && mint.compareTo(best) < 0)) {
                best = mint;
                bestChange = change;
            }
        }
        return bestChange != null && bestChange.compareTo(minMomentum) >= 0 ? Optional.of(best) : Optional.empty();
    }

    /** What the wallet holds of {@code mint} and the bot bought: all it may sell. */
    private static TokenAmount sellable(StrategyContext ctx, WalletBalances wallet, Mint mint) {
        Optional<TokenAmount> inWallet = wallet.token(mint).map(TokenBalance::amount);
        Optional<TokenAmount> bought = ctx.positions().stream()
                .filter(p -> p.mint().equals(mint))
                .map(Position::quantity)
                .findFirst();
        return inWallet.isPresent() && bought.isPresent() ? inWallet.get().min(bought.get()) : TokenAmount.zero(0);
    }

    /** Buys each unit's pending leader with the wallet's SOL less the gas buffer and the fee; whether any was due. */
    private boolean buyPendingLeaders(StrategyContext ctx) {
        boolean any = false;
        for (Unit unit : units) {
            Optional<String> pending = ctx.state().get(PENDING + unit.wallet());
            if (pending.isEmpty()) {
                continue;
            }
            any = true;
            ctx.state().remove(PENDING + unit.wallet());
            Optional<WalletBalances> wallet = ctx.wallet().balances(unit.wallet());
            if (wallet.isEmpty()) {
                continue;
            }
            Lamports sol = wallet.get().sol().minus(gasBuffer).minus(feePerOrder);
            if (sol.value() > 0) {
                Mint leader = Mint.of(pending.get());
                OrderResult result = ctx.orders().buy(leader, sol, options(unit));
                if (result instanceof OrderResult.Submitted submitted) {
                    track(submitted.orderId(), unit, leader);
                }
            }
        }
        return any;
    }

    private static OrderOptions options(Unit unit) {
        return walletOptions(unit.wallet()).withReason(REASON);
    }

    private static OrderOptions walletOptions(String wallet) {
        return wallet.equals(OrderOptions.DEFAULT_WALLET) ? OrderOptions.NONE : OrderOptions.NONE.withWallet(wallet);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        exits.onFill(ctx, fill);
        Unit unit = inFlight.get(fill.orderId());
        if (fill.side() == Side.BUY && unit != null) {
            ctx.state().put(BOUGHT_IN + fill.mint(), unit.wallet());
        } else if (fill.side() == Side.SELL
                && ctx.positions().stream().noneMatch(p -> p.mint().equals(fill.mint()))) {
            ctx.state().remove(BOUGHT_IN + fill.mint());
        }
        if (fill.part() == fill.parts()) {
            done(ctx, fill.orderId());
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        exits.onOrderFailed(failure);
        done(ctx, failure.orderId());
    }

    private void done(StrategyContext ctx, OrderId order) {
        inFlightMints.remove(order);
        if (inFlight.remove(order) != null && inFlight.isEmpty()) {
            buyPendingLeaders(ctx);
        }
    }
}
