package io.solbot.strategies.stealthbot;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stealth bot.
 *
 * <p>Its first tick draws each wallet's due time: the previous wallet's (or now) plus a random delay. Each wallet's
 * progress is kept in the bot's state under {@code wallet.<label>}: {@code due:<ms>}, then {@code
 * placed:<lamports>:<order id>} once its buy is sent, then {@code bought:<lamports>} (or {@code skipped:0} when
 * the budget has nothing left for it); so a restart neither draws the
 * times again nor repeats a buy that was sent. A failed buy makes its wallet due again at once.
 *
 * <p>Budget: {@code positionSize} × wallets, and no more than {@code maxDailyVolume} (100 SOL by default, as the
 * original): a bot buys from each wallet once in its life, so its daily cap bounds the whole run (more strictly than a
 * day's cap would if its delays span midnight UTC). Each buy draws its size within {@code positionSize} ± {@code
 * sizeJitterPct} %, but at most what the budget has left once every wallet still to buy is kept its smallest size, so
 * that the total never exceeds the budget and every wallet can still buy within its bounds while the budget lasts.
 */
final class StealthBot implements Strategy {
    static final String WALLET = "wallet.";
    private static final String DUE = "due:";
    private static final String PLACED = "placed:";
    private static final String BOUGHT = "bought:";
    private static final String SKIPPED = "skipped:";
    private static final BigDecimal MAX_DAILY_SOL = BigDecimal.valueOf(100);

    private final List<String> wallets;
    private final Mint mint;
    private final long smallest;
    private final long largest;
    private final long budget;
    private final int slippageLowBps;
    private final int slippageHighBps;
    private final long delayMinMs;
    private final long delayMaxMs;
    /**
     * No wallet is due before this time (epoch ms), so a tick before it reads nothing; {@link Long#MIN_VALUE} while
     * unknown (at start, after a restart, after a failed buy made a wallet due again). The state stays the truth.
     */
    private long quietUntilMs = Long.MIN_VALUE;

    StealthBot(StealthBotConfig config) {
        this.wallets = config.tradingWallets();
        this.mint = Mint.of(config.tokenMint());
        long size = Lamports.ofSol(config.positionSize()).value();
        BigDecimal sizeJitter = fraction(config.sizeJitterPct());
        this.smallest = scale(size, BigDecimal.ONE.subtract(sizeJitter));
        this.largest = scale(size, BigDecimal.ONE.add(sizeJitter));
        long dailyCap = Lamports.ofSol(config.maxDailyVolume() != null ? config.maxDailyVolume() : MAX_DAILY_SOL)
                .value();
        this.budget = Math.min(Math.multiplyExact(size, wallets.size()), dailyCap);
        int slippage = config.settings().slippageBps();
        BigDecimal slipJitter = fraction(config.slippageJitterPct());
        this.slippageLowBps = (int) scale(slippage, BigDecimal.ONE.subtract(slipJitter));
        this.slippageHighBps = (int) Math.min(10_000, scale(slippage, BigDecimal.ONE.add(slipJitter)));
        long min = config.delayMinMs() != null ? config.delayMinMs() : 0;
        long max = config.delayMaxMs() != null ? config.delayMaxMs() : min;
        this.delayMinMs = Math.min(min, max);
        this.delayMaxMs = max;
    }

    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? BigDecimal.ZERO : percent.movePointLeft(2);
    }

    /** {@code value × factor}, rounded down. */
    private static long scale(long value, BigDecimal factor) {
        return BigDecimal.valueOf(value)
                .multiply(factor)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    @Override
    public void onTick(StrategyContext ctx) {
        long now = ctx.now().toEpochMilli();
        if (now < quietUntilMs) {
            return; // a bot ticks every second for hours between its buys: most ticks have nothing due
        }
        if (ctx.state().get(WALLET + wallets.getFirst()).isEmpty()) {
            schedule(ctx);
        }
        long next = Long.MAX_VALUE;
        for (String wallet : wallets) {
            String progress = ctx.state().get(WALLET + wallet).orElseThrow();
            if (progress.startsWith(DUE)) {
                long due = Long.parseLong(progress.substring(DUE.length()));
                if (now >= due) {
                    buy(ctx, wallet);
                    // a buy that was not sent leaves its wallet due: tried again next tick
                    next = ctx.state().get(WALLET + wallet).orElseThrow().startsWith(DUE) ? now : next;
                } else {
                    next = Math.min(next, due);
                }
            }
        }
        quietUntilMs = next;
    }

    /** Draws each wallet's due time, one random delay after the previous one. */
    private void schedule(StrategyContext ctx) {
        Instant due = ctx.now();
        for (String wallet : wallets) {
            due = due.plusMillis(draw(ctx, delayMinMs, delayMaxMs));
            ctx.state().put(WALLET + wallet, DUE + due.toEpochMilli());
        }
    }

    private void buy(StrategyContext ctx, String wallet) {
        long spent = 0;
        int waiting = 0;
        for (String w : wallets) {
            String progress = ctx.state().get(WALLET + w).orElseThrow();
            if (progress.startsWith(DUE)) {
                waiting++;
            } else {
                spent = Math.addExact(spent, Long.parseLong(progress.split(":")[1]));
            }
        }
        long room = budget - spent - (long) (waiting - 1) * smallest;
        long size = Math.min(draw(ctx, smallest, largest), room);
        if (size <= 0) {
            // a jitter of 100 % lets sizes reach zero: the wallets before it spent the budget
            ctx.state().put(WALLET + wallet, SKIPPED + "0");
            return;
        }
        OrderOptions options =
                OrderOptions.NONE.withWallet(wallet).withSlippageBps((int) draw(ctx, slippageLowBps, slippageHighBps));
        OrderResult result = ctx.orders().buy(mint, Lamports.of(size), options);
        if (result instanceof OrderResult.Submitted submitted) {
            ctx.state()
                    .put(
                            WALLET + wallet,
                            PLACED + size + ":" + submitted.orderId().value());
        }
    }

    private static long draw(StrategyContext ctx, long low, long high) {
        return low >= high ? low : ctx.random().nextLong(low, high + 1);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() == fill.parts()) {
            walletOf(ctx, fill.orderId().value()).ifPresent(w -> {
                String size = ctx.state().get(WALLET + w).orElseThrow().split(":")[1];
                ctx.state().put(WALLET + w, BOUGHT + size);
            });
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        walletOf(ctx, failure.orderId().value()).ifPresent(w -> {
            ctx.state().put(WALLET + w, DUE + ctx.now().toEpochMilli());
            quietUntilMs = Long.MIN_VALUE;
        });
    }

    /** The wallet whose placed buy is {@code orderId}. */
    private Optional<String> walletOf(StrategyContext ctx, String orderId) {
        for (String w : wallets) {
            String progress = ctx.state().get(WALLET + w).orElse("");
            if (progress.startsWith(PLACED) && progress.endsWith(":" + orderId)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
