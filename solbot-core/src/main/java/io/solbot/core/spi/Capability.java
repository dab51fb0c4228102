package io.solbot.core.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Something a strategy needs from the engine that not every engine supplies, such as a feed of newly launched
 * tokens. A provider lists its needs in {@link StrategyProvider#capabilities()}. They are checked twice: a {@code
 * StrategyRegistry} refuses, when it loads it, a provider that needs a capability its host does not supply at all
 * (one unknown to this SPI version, for example); and the engine refuses to start or recover a bot of a provider
 * whose needs its market data ({@code MarketData.capabilities()}) and executor ({@code SwapExecutor.capabilities()},
 * both by {@link #name}) do not meet together, with an {@code InvalidBotSpecException} naming the bot, the strategy and what is missing,
 * before the strategy is created. Capabilities are names, not an enum, so that an engine can recognise and refuse a
 * capability from a newer SPI instead of failing to load the plugin.
 *
 * @param name lower case letters, digits and '-'
 */
public record Capability(String name) {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Current prices of tokens ({@link MarketView#price}). */
    public static final Capability PRICES = new Capability("prices");
    /** Pool reserves and liquidity of tokens ({@link MarketView#pool}). */
    public static final Capability POOLS = new Capability("pools");
    /** Newly launched tokens ({@link MarketView#newTokens}). */
    public static final Capability NEW_TOKENS = new Capability("new-tokens");
    /**
     * Symbol, decimals, supply and age of tokens, their largest holders and mint/freeze authorities ({@link
     * MarketView#tokenInfo}, {@link MarketView#largestHolders}, {@link MarketView#authorities}).
     */
    public static final Capability TOKEN_INFO = new Capability("token-info");
    /** Prices and volumes over time: candles and windows ({@link MarketView#candle}, {@link MarketView#candles}). */
    public static final Capability PRICE_HISTORY = new Capability("price-history");
    /** Ranked lists of tokens: trending, new, high-liquidity, ... ({@link MarketView#trending}, {@link MarketView#tokens}). */
    public static final Capability TRENDING = new Capability("trending");
    /** The swaps a given wallet made ({@link MarketView#walletSwaps}): what a copy trader mirrors. */
    public static final Capability WALLET_SWAPS = new Capability("wallet-swaps");
    /** The compute-unit prices recent transactions paid ({@link MarketView#recentPriorityFee}). */
    public static final Capability PRIORITY_FEES = new Capability("priority-fees");
    /** The price of SOL in US dollars ({@link MarketView#solUsd}). */
    public static final Capability SOL_USD = new Capability("sol-usd");
    /** The balances of the bot's wallets, SOL and tokens ({@link StrategyContext#wallet()}); supplied by an executor. */
    public static final Capability WALLET_BALANCES = new Capability("wallet-balances");
    /**
     * Trading from more than one wallet in one bot ({@code OrderOptions.withWallet}, {@link WalletView#balances(String)});
     * supplied by an executor.
     */
    public static final Capability MULTI_WALLET = new Capability("multi-wallet");

    /** Every capability this version of the SPI defines. */
    public static final Set<Capability> KNOWN = Set.of(
            PRICES,
            POOLS,
            NEW_TOKENS,
            TOKEN_INFO,
            PRICE_HISTORY,
            TRENDING,
            WALLET_SWAPS,
            SOL_USD,
            PRIORITY_FEES,
            WALLET_BALANCES,
            MULTI_WALLET);

    public Capability {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid capability name");
        }
    }

    public static Capability of(String name) {
        return new Capability(name);
    }

    /** Those of {@code needs} (may be null) that {@code supplied} lacks, ordered by name; empty when none. */
    public static SortedSet<Capability> missing(Collection<Capability> needs, Collection<Capability> supplied) {
        SortedSet<Capability> missing = new TreeSet<>(Comparator.comparing(Capability::name));
        if (needs != null) {
            for (Capability need : needs) {
                if (!supplied.contains(need)) {
                    missing.add(need);
                }
            }
        }
        return missing;
    }

    /** The names in order, as {@code [new-tokens, prices]}: for messages. */
    public static String names(Collection<Capability> capabilities) {
        return capabilities.stream().map(Capability::name).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return name;
    }
}
