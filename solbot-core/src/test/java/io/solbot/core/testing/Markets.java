package io.solbot.core.testing;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.SimulatedMarket;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** Small builders for hand-made simulated markets in tests. */
public final class Markets {
    /** 2026-01-01T00:00:00Z, the start of every hand-made market here. */
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A token used by hand-made markets. */
    public static final Mint TOKEN = Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr");

    private Markets() {}

    /** The listing of {@code mint} at {@link #T0}: a pool of {@code sol} lamports and {@code tokens} raw units. */
    public static MarketEvent.TokenListed listing(Mint mint, long sol, long tokens, int decimals, int feeBps) {
        return new MarketEvent.TokenListed(
                T0,
                mint,
                "TKN",
                decimals,
                Lamports.of(sol),
                new TokenAmount(BigInteger.valueOf(tokens), decimals),
                feeBps,
                Authorities.RENOUNCED,
                true,
                List.of());
    }

    /**
     * A market with one token, {@link #TOKEN}: 100 SOL against 1 000 000 tokens of 6 decimals (0.0001 SOL each),
     * 0.25 % fee, already advanced to {@link #T0}.
     */
    public static SimulatedMarket onePool() {
        return started(listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25));
    }

    /** A market of exactly {@code events}, advanced to its first event. */
    public static SimulatedMarket started(MarketEvent... events) {
        SimulatedMarket market = SimulatedMarket.of(List.of(events));
        market.advanceTo(market.now());
        return market;
    }
}
