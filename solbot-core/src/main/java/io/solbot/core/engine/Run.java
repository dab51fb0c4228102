package io.solbot.core.engine;

import io.solbot.core.spi.Strategy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a bot: a strategy instance from its provider, its serial lane and its context. A new run begins on
 * start, resume and restart; the old one stops being current, so that a tick or fill still on its way to the old
 * instance is dropped instead of reaching the new one.
 */
final class Run {
    final BotRuntime bot;
    final Strategy strategy;
    final Lane lane;
    final BotContext ctx;
    volatile boolean current = true;
    /** Whether {@code onStop} has been posted: each instance gets it once. */
    final AtomicBoolean stopPosted = new AtomicBoolean();
    /** The watchdog reported this run as stuck already; scheduler thread only. */
    boolean stallReported;

    Run(BotRuntime bot, Strategy strategy, SolbotEngine engine) {
        this.bot = bot;
        this.strategy = strategy;
        this.lane = new Lane(() -> engine.runTick(this));
        this.ctx = new BotContext(engine, this);
    }
}
