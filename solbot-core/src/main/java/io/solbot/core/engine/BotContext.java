package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Orders;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The {@link StrategyContext} of one run; used only by the thread holding the run's lane. */
final class BotContext implements StrategyContext, Orders, StrategyState {
    private final SolbotEngine engine;
    private final Run run;

    BotContext(SolbotEngine engine, Run run) {
        this.engine = engine;
        this.run = run;
    }

    @Override
    public BotId botId() {
        return run.bot.id;
    }

    @Override
    public Instant now() {
        return engine.instant();
    }

    @Override
    public MarketView market() {
        return engine.marketView();
    }

    @Override
    public Orders orders() {
        return this;
    }

    @Override
    public List<Position> positions() {
        return run.bot.book.positions();
    }

    @Override
    public StrategyState state() {
        return this;
    }

    @Override
    public RandomGenerator random() {
        return run.bot.random;
    }

    @Override
    public OrderResult buy(Mint mint, Lamports sol) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(sol, "sol");
        return engine.orderDesk().place(run, Side.BUY, mint, sol.value() > 0 ? sol.toTokenAmount() : null, sol);
    }

    @Override
    public OrderResult sell(Mint mint, TokenAmount quantity) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(quantity, "quantity");
        return engine.orderDesk().place(run, Side.SELL, mint, quantity, null);
    }

    @Override
    public Optional<String> get(String key) {
        synchronized (run.bot.journalLock) {
            return Optional.ofNullable(run.bot.state.get(key));
        }
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        synchronized (run.bot.journalLock) {
            refuseIfReplaced("put '" + key + "'");
            if (!value.equals(run.bot.state.put(key, value))) {
                engine.saveJournal(run.bot);
            }
        }
    }

    @Override
    public void remove(String key) {
        Objects.requireNonNull(key, "key");
        synchronized (run.bot.journalLock) {
            refuseIfReplaced("remove '" + key + "'");
            if (run.bot.state.remove(key) != null) {
                engine.saveJournal(run.bot);
            }
        }
    }

    /**
     * Refuses a write of a run that a newer run of the bot has replaced (a stuck tick that ignored the watchdog's
     * interrupt, or a slow {@code onStop} after a restart or resume): the state belongs to the new instance now. A run
     * that ended with nothing after it ({@code onStop} on pause, stop or shutdown) may still write, so that it can
     * keep what the next run needs. The caller holds the journal lock, under which a new run is installed.
     */
    private void refuseIfReplaced(String write) {
        Run latest = run.bot.run;
        if (latest != null && latest != run) {
            throw new IllegalStateException("Bot '" + run.bot.id + "': a replaced run of its strategy tried to " + write
                    + " in its state; the state belongs to the bot's current run");
        }
    }

    @Override
    public Map<String, String> asMap() {
        synchronized (run.bot.journalLock) {
            return Map.copyOf(run.bot.state);
        }
    }
}
