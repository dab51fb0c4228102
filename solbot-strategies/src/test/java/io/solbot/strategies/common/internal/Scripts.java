package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.testing.RecordingStrategyContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Scripts a token's market for the strategies' unit tests: its pool at a price, candles, token info. */
public final class Scripts {
    public static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    public static final Mint WIF = Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm");
    public static final Mint JUP = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");

    private static final io.solbot.core.config.BotsFileLoader LOADER = io.solbot.core.config.BotsFileLoader.using(
            io.solbot.core.plugin.StrategyRegistry.builder().discoverClassPath().build());

    private Scripts() {}

    /**
     * The validated config of a {@code mode} bot written as the YAML flow mapping {@code fields} ({@code "{slippage:
     * 1, ...}"}), as a bots file gives it.
     *
     * @throws IllegalArgumentException with the violations, if it is not valid
     */
    /** {@link #config} of {@code base} with the fields of {@code overrides} (both YAML flow mappings) in place. */
    public static <C> C config(String mode, String base, String overrides) {
        try {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            var merged = (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(base);
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(overrides));
            return config(mode, merged.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <C> C config(String mode, String fields) {
        io.solbot.core.config.ConfigReport report =
                LOADER.parse("bots:\n  - id: b1\n    mode: " + mode + "\n    config: " + fields + "\n", "test.yaml");
        if (!report.violations().isEmpty()) {
            throw new IllegalArgumentException(report.violations().toString());
        }
        return (C) report.bots().getFirst().config();
    }

    /**
     * Sets {@code mint}'s price to {@code price} SOL per token and its pool to {@code solReserve} SOL at that price
     * (6 decimals, 25 bps fee).
     */
    public static void market(RecordingStrategyContext ctx, Mint mint, String price, long solReserve) {
        ctx.price(mint, price);
        ctx.pool(pool(mint, price, solReserve));
    }

    public static Pool pool(Mint mint, String price, long solReserve) {
        BigDecimal tokens = BigDecimal.valueOf(solReserve).divide(new BigDecimal(price), 6, RoundingMode.DOWN);
        return new Pool(
                mint, 6, Lamports.ofSol(BigDecimal.valueOf(solReserve)), TokenAmount.fromDecimal(tokens, 6), 25);
    }

    /** A candle of {@code window} ending at {@code now} from {@code open} to {@code close}, with {@code sol} volume. */
    public static Candle candle(Instant now, Duration window, String open, String close, long sol) {
        Price o = Price.of(open);
        Price c = Price.of(close);
        Price high = o.isAbove(c) ? o : c;
        Price low = o.isAbove(c) ? c : o;
        TokenAmount tokens = sol == 0 ? TokenAmount.zero(6) : c.tokensFor(Lamports.ofSol(BigDecimal.valueOf(sol)), 6);
        return new Candle(
                now.minus(window),
                now,
                o,
                high,
                low,
                c,
                Lamports.ofSol(BigDecimal.valueOf(sol)),
                tokens,
                sol == 0 ? 0 : 10);
    }

    /** Token info: a supply of 1 000 000 000 tokens (6 decimals), created {@code age} before {@code now}. */
    public static TokenInfo info(Mint mint, Instant now, Duration age) {
        return new TokenInfo(mint, "TKN", 6, TokenAmount.fromDecimal(new BigDecimal("1000000000"), 6), now.minus(age));
    }
}
