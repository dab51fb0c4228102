package io.solbot.core.engine;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Orders;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyState;
import io.solbot.core.spi.WalletView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StrategyContext} of one run; used only by the thread holding the run's lane. Its market view reads
 * through the engine's {@link MarketCache} and notices a token the market data never prices: after {@value
 * #MISSES_BEFORE_WARNING} reads in a row without a price, the bot's last error and a warning say so, rather than the
 * bot ticking on with nothing to trade. Its wallet view reads the bot's wallets through the same cache.
 */
final class BotContext implements StrategyContext, Orders, StrategyState, MarketView, WalletView {
    static final int MISSES_BEFORE_WARNING = 10;
    private static final Logger log = LoggerFactory.getLogger(BotContext.class);

    private final Run run;
    private final OrderDesk orders;
    private final EngineClock clock;
    private final MarketView market;
    /** The engine passes its cache as the market view; wallets are read through it, or not at all without one. */
    private final MarketCache cache;

    private Mint missing;
    private int misses;

    BotContext(Run run, OrderDesk orders, EngineClock clock, MarketView market) {
        this.run = run;
        this.orders = orders;
        this.clock = clock;
        this.market = market;
        this.cache = market instanceof MarketCache c ? c : null;
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
    public Optional<Pool> pool(Mint mint) {
        return market.pool(mint);
    }

    @Override
    public List<NewToken> newTokens(Instant after) {
        return market.newTokens(after);
    }

    @Override
    public List<WalletSwap> walletSwaps(String wallet, Instant after) {
        return market.walletSwaps(wallet, after);
    }

    @Override
    public OptionalLong recentPriorityFee(int percentile) {
        return market.recentPriorityFee(percentile);
    }

    @Override
    public List<Mint> tokens(TokenFeed feed, int limit) {
        return market.tokens(feed, limit);
    }

    @Override
    public List<Mint> trending(Duration window, int limit) {
        return market.trending(window, limit);
    }

    @Override
    public Optional<Candle> candle(Mint mint, Duration window) {
        return market.candle(mint, window);
    }

    @Override
    public List<Candle> candles(Mint mint, Duration width, int count) {
        return market.candles(mint, width, count);
    }

    @Override
    public Optional<TokenInfo> tokenInfo(Mint mint) {
        return market.tokenInfo(mint);
    }

    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        return market.largestHolders(mint, limit);
    }

    @Override
    public Optional<Authorities> authorities(Mint mint) {
        return market.authorities(mint);
    }

    @Override
    public Optional<SolUsd> solUsd() {
        return market.solUsd();
    }

    @Override
    public WalletView wallet() {
        return this;
    }

    @Override
    public Optional<WalletBalances> balances(String wallet) {
        OrderOptions.checkWallet(wallet);
        return cache == null ? Optional.empty() : cache.balances(run.bot().id(), wallet);
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
        return buy(mint, sol, OrderOptions.NONE);
    }

    @Override
    public OrderResult sell(Mint mint, TokenAmount quantity) {
        return sell(mint, quantity, OrderOptions.NONE);
    }

    @Override
    public OrderResult buy(Mint mint, Lamports sol, OrderOptions options) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(sol, "sol");
        Objects.requireNonNull(options, "options");
        return orders.place(run, Side.BUY, mint, sol.value() > 0 ? sol.toTokenAmount() : null, sol, options);
    }

    @Override
    public OrderResult sell(Mint mint, TokenAmount quantity, OrderOptions options) {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(options, "options");
        return orders.place(run, Side.SELL, mint, quantity, quantity, options);
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
