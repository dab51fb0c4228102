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
 * @param bots one line per bot, in file order
 * @param wallets one line per wallet, in order of first use
 */
public record Plan(List<BotPlan> bots, List<WalletPlan> wallets) {
    /** Slippage above this many basis points is warned about. */
    public static final int RISKY_SLIPPAGE_BPS = 1_000;

    public Plan {
        bots = List.copyOf(bots);
        wallets = List.copyOf(wallets);
    }

    /**
     * One bot's plan.
     *
     * @param settings the engine settings, empty for a config that is not a {@link StrategyConfig}
     * @param warnings risky but legal settings, one sentence each
     */
    public record BotPlan(
            String id, String strategy, String wallet, Optional<BotSettings> settings, List<String> warnings) {
        public BotPlan {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One wallet's totals: the most its bots can spend, per spend token, and their fee budget.
     *
     * @param maxExposure per spend mint, the sum of the bots' maximum exposures
     * @param fromBalance whether some of its bots size trades from the wallet's balance (rebalancer, rotation bot),
     *     so the whole balance is exposed
     */
    public record WalletPlan(
            String wallet, int bots, Map<Mint, TokenAmount> maxExposure, boolean fromBalance, Lamports feeBudget) {
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
            if (bot.config() instanceof StrategyConfig s) {
                warnings.addAll(s.warnings());
            }
            settings.filter(x -> x.slippageBps() > RISKY_SLIPPAGE_BPS)
                    .ifPresent(x -> warnings.add("slippage is " + percent(x.slippageBps()) + ", above 10 %"));
            lines.add(new BotPlan(bot.id().value(), bot.mode(), bot.wallet(), settings, warnings));
            Totals t = byWallet.computeIfAbsent(bot.wallet(), w -> new Totals());
            t.bots++;
            settings.ifPresent(x -> {
                if (x.amountPerTrade().isZero()) {
                    t.fromBalance = true;
                } else {
                    t.exposure.merge(x.spendMint(), x.maxExposure(), TokenAmount::plus);
                }
                t.fees = t.fees.plus(x.feeBudget());
            });
        }
        List<WalletPlan> wallets = new ArrayList<>();
        byWallet.forEach((w, t) -> wallets.add(new WalletPlan(w, t.bots, t.exposure, t.fromBalance, t.fees)));
        return new Plan(lines, wallets);
    }

    private static final class Totals {
        int bots;
        final Map<Mint, TokenAmount> exposure = new LinkedHashMap<>();
        Lamports fees = Lamports.ZERO;
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
                        b.strategy(),
                        b.wallet(),
                        s.amountPerTrade().isZero() ? "from balance" : amount(s.amountPerTrade(), s.spendMint()),
                        String.valueOf(s.maxTrades()),
                        s.amountPerTrade().isZero() ? "wallet balance" : amount(s.maxExposure(), s.spendMint()),
                        sol(s.feeBudget())
                    })
                    .orElse(new String[] {b.id(), b.strategy(), b.wallet(), "-", "-", "-", "-"}));
        }
        StringBuilder out = new StringBuilder();
        out.append("Plan: ")
                .append(bots.size())
                .append(bots.size() == 1 ? " bot" : " bots")
                .append('\n');
        table(out, rows);
        out.append('\n');
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

    private static String sol(Lamports lamports) {
        return lamports.toSol().stripTrailingZeros().toPlainString() + " SOL";
    }

    private static String percent(int bps) {
        return java.math.BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + " %";
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", Objects.toString(row[i], "")));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
