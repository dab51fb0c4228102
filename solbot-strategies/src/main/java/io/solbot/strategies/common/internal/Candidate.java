package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.spi.StrategyContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token the entry pipeline judges at one tick, with the market reads its gates share: each read once per tick,
 * however many gates look at it. Valid only during the tick it was made for.
 */
public final class Candidate {
    private final StrategyContext ctx;
    private final Mint mint;
    private Optional<Price> price;
    private Optional<Pool> pool;
    private Optional<TokenInfo> info;
    private Optional<SolUsd> solUsd;
    private final Map<Duration, Optional<Candle>> candles = new HashMap<>();

    public Candidate(StrategyContext ctx, Mint mint) {
        this.ctx = ctx;
        this.mint = mint;
    }

    public Mint mint() {
        return mint;
    }

    public StrategyContext ctx() {
        return ctx;
    }

    public Optional<Price> price() {
        if (price == null) {
            price = ctx.market().price(mint);
        }
        return price;
    }

    public Optional<Pool> pool() {
        if (pool == null) {
            pool = ctx.market().pool(mint);
        }
        return pool;
    }

    public Optional<TokenInfo> info() {
        if (info == null) {
            info = ctx.market().tokenInfo(mint);
        }
        return info;
    }

    public Optional<SolUsd> solUsd() {
        if (solUsd == null) {
            solUsd = ctx.market().solUsd();
        }
        return solUsd;
    }

    /** How the token traded over the last {@code window}. */
    public Optional<Candle> candle(Duration window) {
        return candles.computeIfAbsent(window, w -> ctx.market().candle(mint, w));
    }

    /** The last {@code count} candles of {@code width}, oldest first. */
    public List<Candle> candles(Duration width, int count) {
        return ctx.market().candles(mint, width, count);
    }
}
