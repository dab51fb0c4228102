package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.StrategyContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each wallet of a {@link TurboStrategy} bought of a token, in the state entry {@code bought.<mint>} ({@code
 * <wallet>=<raw>,...}, written when a buy fills), and the exits' sales split by it.
 */
final class TurboWallets {
    static final String BOUGHT = "bought.";

    private TurboWallets() {}

    /**
     * A sale of {@code quantity} of a token bought from several wallets, split across them as they bought it (the
     * last takes what rounding leaves); from the bot's own wallet if no wallet's buys are known.
     */
    static List<Exits.Sale> split(StrategyContext ctx, Mint mint, TokenAmount quantity) {
        Map<String, BigInteger> bought = boughtPerWallet(ctx, mint);
        BigInteger total = bought.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            return List.of(new Exits.Sale(quantity, OrderOptions.NONE));
        }
        List<Exits.Sale> out = new ArrayList<>();
        BigInteger left = quantity.raw();
        List<String> wallets = List.copyOf(bought.keySet());
        for (int i = 0; i < wallets.size(); i++) {
            BigInteger part = i == wallets.size() - 1
                    ? left
                    : quantity.raw().multiply(bought.get(wallets.get(i))).divide(total);
            left = left.subtract(part);
            if (part.signum() > 0) {
                out.add(new Exits.Sale(
                        TokenAmount.ofRaw(part, quantity.decimals()), OrderOptions.NONE.withWallet(wallets.get(i))));
            }
        }
        return out;
    }

    /** What each wallet bought of {@code mint}, raw, from the state entry {@code bought.<mint>} ({@code w1=5,w2=3}). */
    static Map<String, BigInteger> boughtPerWallet(StrategyContext ctx, Mint mint) {
        Map<String, BigInteger> out = new LinkedHashMap<>();
        String value = ctx.state().get(BOUGHT + mint).orElse("");
        for (String entry : value.isEmpty() ? new String[0] : value.split(",")) {
            int eq = entry.lastIndexOf('=');
            out.put(entry.substring(0, eq), new BigInteger(entry.substring(eq + 1)));
        }
        return out;
    }

    /** Adds what {@code wallet} bought of {@code mint} to its entry. */
    static void addBought(StrategyContext ctx, Mint mint, String wallet, TokenAmount tokens) {
        Map<String, BigInteger> bought = boughtPerWallet(ctx, mint);
        bought.merge(wallet, tokens.raw(), BigInteger::add);
        StringBuilder value = new StringBuilder();
        bought.forEach((w, raw) ->
                value.append(value.isEmpty() ? "" : ",").append(w).append('=').append(raw));
        ctx.state().put(BOUGHT + mint, value.toString());
    }

    /** Forgets what the wallets bought of {@code mint}: the position is closed. */
    static void forget(StrategyContext ctx, Mint mint) {
        ctx.state().remove(BOUGHT + mint);
    }
}
