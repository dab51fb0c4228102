package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StrategyContext} of one run; used only by the thread holding the run's lane. Its market view notices a
 * token the market data never prices: after {@value #MISSES_BEFORE_WARNING} reads in a row without a price, the bot's
 * last error and a warning say so, rather than the bot ticking on with nothing to trade.
 */
final class BotContext implements StrategyContext, Orders, StrategyState, MarketView {
    static final int MISSES_BEFORE_WARNING = 10;
    private static final Logger log = LoggerFactory.getLogger(BotContext.class);

    private final Run run;
    private final OrderDesk orders;
    private final EngineClock clock;
    private final MarketView market;
    private Mint missing;
    private int misses;

    BotContext(Run run, OrderDesk orders, EngineClock clock, MarketView market) {
        this.run = run;
        this.orders = orders;
        this.clock = clock;
        this.market = market;
    }

    @Override
    public BotId botId() {
        return run.bot().id();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public MarketView market() {
        return this;
    }

    @Override
    public Optional<Price> price(Mint mint) {
        Optional<Price> price = market.price(mint);
        if (price.isPresent()) {
            if (mint.equals(missing)) {
                missing = null;
            }
        } else if (mint.equals(missing)) {
            if (++misses == MISSES_BEFORE_WARNING) {
                String error = "no price for " + mint + " in " + misses
                        + " reads in a row: the market data does not list it (or has stopped moving)";
                run.bot().figures().failed(error);
                log.warn("Bot '{}': {}", run.bot().id(), error);
            }
        } else {
            missing = mint;
            misses = 1;
        }
        return price;
    }

    @Override
    public Orders orders() {
        return this;
    }

    @Override
    public List<Position> positions() {
        return run.bot().book().positions();
    }

    @Override
    public StrategyState state() {
        return this;
    }

    @Override
    public RandomGenerator random() {
        return run.bot().random();
    }

    @Override
    public OrderResult buy(Mint mint, Lamports sol) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(sol, "sol");
        return orders.place(run, Side.BUY, mint, sol.value() > 0 ? sol.toTokenAmount() : null, sol);
    }

    @Override
    public OrderResult sell(Mint mint, TokenAmount quantity) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(quantity, "quantity");
        return orders.place(run, Side.SELL, mint, quantity, quantity);
    }

    @Override
    public Optional<String> get(String key) {
        return run.bot().journal().get(key);
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        run.bot().journal().put(run, key, value);
    }

    @Override
    public void remove(String key) {
        Objects.requireNonNull(key, "key");
        run.bot().journal().remove(run, key);
    }

    @Override
    public Map<String, String> asMap() {
        return run.bot().journal().state();
    }
}
