package io.solbot.core.config;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a valid bots file would do, before anything starts: per bot the strategy, wallet, amount per trade × max
 * trades = maximum exposure and fee budget; per wallet the totals; and warnings for risky but legal settings (no
 * stop loss, slippage above 10 %, safety checks off).
 *
 * <p>The fee budget counts network fees as {@link TradeFees} does: per trade a buy and a sell (times the buys per
 * signal), each paying the 5 000-lamport signature fee, the highest priority fee the bot may pay and the Jito tip
 * where it uses one. Totals are exact (arbitrary precision), so even the widest legal values render.
 *
 * @param bots one line per bot, in file order
 * @param wallets one line per wallet, in order of first use
 */
public record Plan(List<BotPlan> bots, List<WalletPlan> wallets) {
    /** Slippage above this many basis points is warned about. */
    public static final int RISKY_SLIPPAGE_BPS = 1_000;

    /** What the fee budget counts, as the rendered plan says it. */
    static final String FEE_BUDGET_COUNTS = "Fee budget: per trade a buy and a sell (times the buys per signal),"
            + " each 0.000005 SOL signature fee + the highest priority fee + the Jito tip where used; not counted:"
            + " compute-unit price, retries, token-account rent.";

    public Plan {
        bots = List.copyOf(bots);
        wallets = List.copyOf(wallets);
    }

    /**
     * One bot's plan.
     *
     * @param wallet the wallet it trades from, or its wallets joined with ", " when it spreads its trades
     * @param settings the engine settings, empty for a config that is not a {@link StrategyConfig}
     * @param fees what one trade can cost in fees, empty for a config that is not a {@link StrategyConfig}
     * @param warnings risky but legal settings, one sentence each
     */
    public record BotPlan(
            String id,
            String strategyId,
            String wallet,
            Optional<BotSettings> settings,
            Optional<TradeFees> fees,
            List<String> warnings) {
        public BotPlan {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(fees, "fees");
            warnings = List.copyOf(warnings);
        }

        /** The most the bot can pay in network fees over its max trades, as a SOL amount; empty when unknown. */
        public Optional<TokenAmount> feeBudget() {
            return settings.flatMap(s -> fees.map(f -> f.forTrades(s.maxTrades())));
        }
    }

    /**
     * One wallet's totals: the most its bots can spend, per spend token, and their fee budget.
     *
     * @param maxExposure per spend mint, the sum of the bots' maximum exposures (their share of it, for a bot that
     *     spreads its trades over several wallets)
     * @param fromBalance whether some of its bots size trades from the wallet's balance (rebalancer, rotation bot),
     *     so the whole balance is exposed
     * @param feeBudget the sum of the bots' fee budgets (or shares), a SOL amount (9 decimals)
     */
    public record WalletPlan(
            String wallet, int bots, Map<Mint, TokenAmount> maxExposure, boolean fromBalance, TokenAmount feeBudget) {
        public WalletPlan {
            maxExposure = Map.copyOf(maxExposure);
        }
    }

    /** The plan of {@code bots} (usually {@link ConfigReport#requireValid()}). */
    public static Plan of(List<BotDefinition> bots) {
        List<BotPlan> lines = new ArrayList<>();
        Map<String, Totals> byWallet = new LinkedHashMap<>();
        for (BotDefinition bot : bots) {
            Optional<BotSettings> settings = bot.settings();
            List<String> warnings = new ArrayList<>();
            Optional<TradeFees> fees = Optional.empty();
            List<String> spread = List.of();
            if (bot.config() instanceof StrategyConfig s) {
                warnings.addAll(s.warnings());
                fees = Optional.of(s.tradeFees());
                spread = s.tradingWallets();
            }
            settings.filter(x -> x.slippageBps() > RISKY_SLIPPAGE_BPS)
                    .ifPresent(x -> warnings.add("slippage is " + percent(x.slippageBps()) + ", above 10 %"));
            List<String> walletsOfBot = spread.isEmpty() ? List.of(bot.wallet()) : spread;
            lines.add(new BotPlan(
                    bot.id().value(), bot.strategyId(), String.join(", ", walletsOfBot), settings, fees, warnings));
            for (int i = 0; i < walletsOfBot.size(); i++) {
                Totals t = byWallet.computeIfAbsent(walletsOfBot.get(i), w -> new Totals());
                t.bots++;
                if (settings.isEmpty()) {
                    continue;
                }
                BotSettings x = settings.get();
                // the bot's trades dealt over its wallets as evenly as whole trades allow, the first ones one more
                int n = walletsOfBot.size();
                long trades = x.maxTrades() / n + (i < x.maxTrades() % n ? 1 : 0);
                if (x.amountPerTrade().isZero()) {
                    t.fromBalance = true;
                } else {
                    t.exposure.merge(x.spendMint(), x.amountPerTrade().times(trades), TokenAmount::plus);
                }
                t.fees = t.fees.plus(fees.orElseThrow().forTrades(trades));
            }
        }
        List<WalletPlan> wallets = new ArrayList<>();
        byWallet.forEach((w, t) -> wallets.add(new WalletPlan(w, t.bots, t.exposure, t.fromBalance, t.fees)));
        return new Plan(lines, wallets);
    }

    private static final class Totals {
        int bots;
        final Map<Mint, TokenAmount> exposure = new LinkedHashMap<>();
        TokenAmount fees = TokenAmount.zero(Lamports.SOL_DECIMALS);
        boolean fromBalance;
    }

    /** The plan as text for a terminal: a table of bots, a table of wallets, then the warnings. */
    public String render() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BOT", "STRATEGY", "WALLET", "PER TRADE", "MAX TRADES", "MAX EXPOSURE", "FEE BUDGET"});
        for (BotPlan b : bots) {
            rows.add(b.settings()
                    .map(s -> new String[] {
                        b.id(),
                        b.strategyId(),
                        b.wallet(),
                        s.amountPerTrade().isZero() ? "from balance" : amount(s.amountPerTrade(), s.spendMint()),
                        String.valueOf(s.maxTrades()),
                        s.amountPerTrade().isZero() ? "wallet balance" : amount(s.maxExposure(), s.spendMint()),
                        b.feeBudget().map(Plan::sol).orElse("-")
                    })
                    .orElse(new String[] {b.id(), b.strategyId(), b.wallet(), "-", "-", "-", "-"}));
        }
        StringBuilder out = new StringBuilder();
        out.append("Plan: ")
                .append(bots.size())
                .append(bots.size() == 1 ? " bot" : " bots")
                .append('\n');
        table(out, rows);
        out.append(FEE_BUDGET_COUNTS).append('\n').append('\n');
        List<String[]> walletRows = new ArrayList<>();
        walletRows.add(new String[] {"WALLET", "BOTS", "MAX EXPOSURE", "FEE BUDGET"});
        for (WalletPlan w : wallets) {
            List<String> parts = new ArrayList<>();
            w.maxExposure().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(amount(e.getValue(), e.getKey())));
            if (w.fromBalance()) {
                parts.add("wallet balance");
            }
            walletRows.add(new String[] {
                w.wallet(),
                String.valueOf(w.bots()),
                parts.isEmpty() ? "-" : String.join(" + ", parts),
                sol(w.feeBudget())
            });
        }
        table(out, walletRows);
        List<String> warnings = new ArrayList<>();
        for (BotPlan b : bots) {
            for (String w : b.warnings()) {
                warnings.add("bot '" + b.id() + "': " + w);
            }
        }
        if (!warnings.isEmpty()) {
            out.append('\n').append("Warnings (").append(warnings.size()).append("):\n");
            warnings.forEach(w -> out.append("  ").append(w).append('\n'));
        }
        return out.toString();
    }

    private static String amount(TokenAmount amount, Mint mint) {
        String unit = mint.equals(Mint.WRAPPED_SOL) ? "SOL" : mint.equals(Mint.USDC) ? "USDC" : mint.address();
        return amount.toDecimal().stripTrailingZeros().toPlainString() + " " + unit;
    }

    private static String sol(TokenAmount lamports) {
        return amount(lamports, Mint.WRAPPED_SOL);
    }

    private static String percent(int bps) {
        return java.math.BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + " %";
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        TextTable.lines(rows).forEach(line -> out.append(line).append('\n'));
    }
}
