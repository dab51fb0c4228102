package io.solbot.core.engine;

import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.Strategy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a bot: a strategy instance from its provider, its serial lane and its context. A new run begins on
 * start, resume and restart; the old one is retired at once, so that a tick or fill still on its way to the old
 * instance is dropped instead of reaching the new one, and a stuck tick of it can no longer act.
 */
final class Run {
    private final Bot bot;
    private final Strategy strategy;
    private final Lane lane;
    private final BotContext ctx;
    private volatile boolean current = true;
    /** Whether {@code onStop} has been posted: each instance gets it once. */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The watchdog reported this run as stuck already; scheduler thread only. */
    boolean stallReported;

    Run(Bot bot, Strategy strategy, Callbacks callbacks, OrderDesk orders, EngineClock clock, MarketView market) {
        this.bot = bot;
        this.strategy = strategy;
        this.lane = new Lane(this, tally -> callbacks.tick(this, tally));
        this.ctx = new BotContext(this, orders, clock, market);
    }

    Bot bot() {
        return bot;
    }

    Strategy strategy() {
        return strategy;
    }

    Lane lane() {
        return lane;
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
        lane.retire();
    }

    /** True the first time only: the run ends once, and gets one {@code onStop}. */
    boolean end() {
        retire();
        return ended.compareAndSet(false, true);
    }
}
