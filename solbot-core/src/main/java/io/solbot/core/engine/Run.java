package io.solbot.core.engine;

import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.Strategy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a bot: a strategy instance from its provider, its context, and (as a {@link Lane}) its serial lane. A
 * new run begins on start, resume and restart; the old one is retired at once, so that a tick or fill still on its
 * way to the old instance is dropped instead of reaching the new one, and a stuck tick of it can no longer act.
 *
 * <p>What a tick needs (the strategy, its context, the meters, the tick figures) is held here, next to the lane's
 * state, so a tick touches this object and the strategy's own, not the bot's.
 */
final class Run extends Lane {
    private final Bot bot;
    private final Strategy strategy;
    private final BotContext ctx;
    private final Callbacks callbacks;
    final EngineMetrics.StrategyMeters meters;
    /** The bot's id as the MDC shows it. */
    final String mdcBotId;

    private volatile boolean current = true;
    /** Whether {@code onStop} has been posted: each instance gets it once. */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The watchdog reported this run as stuck already; scheduler thread only. */
    boolean stallReported;
    /** Ticks this run ran, and when the last began (engine nanos); written by the lane holder only. */
    private volatile long ticks;

    private volatile long lastTickNanos = Long.MIN_VALUE;

    Run(Bot bot, Strategy strategy, Callbacks callbacks, OrderDesk orders, EngineClock clock, MarketView market) {
        this.bot = bot;
        this.strategy = strategy;
        this.callbacks = callbacks;
        this.meters = bot.meters();
        this.mdcBotId = bot.id().value();
        this.ctx = new BotContext(this, orders, clock, market);
    }

    @Override
    void tick(TickTally tally) {
        callbacks.tick(this, tally);
    }

    Bot bot() {
        return bot;
    }

    Strategy strategy() {
        return strategy;
    }

    BotContext ctx() {
        return ctx;
    }

    boolean isCurrent() {
        return current;
    }

    /** This run may no longer act: a newer one replaced it, or it ended. Its lane is offered no tick again. */
    void retire() {
        current = false;
        super.retire();
    }

    /** True the first time only: the run ends once, and gets one {@code onStop}. */
    boolean end() {
        retire();
        return ended.compareAndSet(false, true);
    }

    /** A tick begins at {@code nowNanos}; called by the lane holder. */
    void ticked(long nowNanos) {
        lastTickNanos = nowNanos;
        ticks++;
    }

    long ticks() {
        return ticks;
    }

    long lastTickNanos() {
        return lastTickNanos;
    }
}
