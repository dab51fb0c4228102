package io.solbot.launcher.api;

import io.solbot.cluster.BotOwner;
import io.solbot.core.config.Plan;
import io.solbot.core.config.Violation;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.ClosedTrade;
import io.solbot.persistence.readmodel.BotReport;
import io.solbot.persistence.readmodel.BotReport.Stored;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator API's JSON shapes, built as maps so that each field's name and form is chosen here, not by a
 * serializer: money as strings (lamports and raw token units exceed what a JavaScript number holds exactly), with the
 * unit in the name ({@code pnlLamports}, {@code pnlSol}); times as ISO-8601 instants; absent values as null.
 */
final class ApiJson {
    private ApiJson() {}

    static Map<String, Object> report(BotReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("botId", r.botId().value());
        m.put("strategy", r.strategyId().orElse(null));
        m.put("status", r.status().map(Enum::name).orElse(null));
        m.put("live", r.live().map(ApiJson::live).orElse(null));
        m.put("database", database(r.database()));
        return m;
    }

    /** Which node of the cluster runs a bot: null while none does (between two slices). */
    static Map<String, Object> owner(BotOwner o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("botId", o.botId().value());
        m.put("node", o.node().orElse(null));
        m.put("fenceVersion", o.fenceVersion());
        m.put("lastHeartbeat", time(o.lastHeartbeat()));
        return m;
    }

    static Map<String, Object> live(BotStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("botId", s.botId().value());
        m.put("strategy", s.strategyId());
        m.put("status", s.status().name());
        m.put("startedAt", s.startedAt().toString());
        m.put("lastTickAt", time(s.lastTickAt()));
        m.put("uptimeMs", s.uptime().toMillis());
        m.put("tickCount", s.tickCount());
        m.put("skippedTicks", s.skippedTicks());
        m.put("restartCount", s.restartCount());
        m.put("trades", s.trades());
        m.put("ordersFilled", s.ordersFilled());
        m.put("openPositions", s.openPositions());
        m.put("consecutiveFailures", s.consecutiveFailures());
        m.put("lastError", s.lastError().orElse(null));
        Map<String, Object> cooldowns = new LinkedHashMap<>();
        s.cooldowns().forEach((mint, until) -> cooldowns.put(mint.address(), until.toString()));
        m.put("cooldownsUntil", cooldowns);
        return m;
    }

    static Map<String, Object> database(BotReport.Database database) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (database) {
            case Unavailable u -> {
                m.put("available", false);
                m.put("reason", u.reason());
            }
            case Stored s -> {
                m.put("available", true);
                m.put("run", s.run().map(ApiJson::run).orElse(null));
                m.put("owner", s.owner().orElse(null));
                m.put("heartbeatAt", time(s.heartbeatAt()));
                m.put(
                        "openPositions",
                        s.openPositions().stream().map(ApiJson::position).toList());
                lamports(m, "realizedPnl", s.realizedPnl());
                lamports(m, "failedOrderFees", s.failedOrderFees());
                lamports(m, "netPnl", s.netPnl());
                m.put("fills", s.fills());
                m.put("closedTrades", s.closedTrades());
                m.put("failedOrders", s.failedOrders());
                m.put("lastFillAt", time(s.lastFillAt()));
            }
        }
        return m;
    }

    static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("reason", r.reason().isEmpty() ? null : r.reason());
        m.put("startedAt", r.startedAt().toString());
        m.put("changedAt", r.changedAt().toString());
        m.put("restartCount", r.restartCount());
        m.put("trades", r.trades());
        return m;
    }

    static Map<String, Object> position(Position p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mint", p.mint().address());
        tokens(m, "quantity", p.quantity());
        lamports(m, "costBasis", p.costBasis());
        m.put("entryPrice", p.entryPrice().value().toPlainString());
        m.put("openedAt", p.openedAt().toString());
        m.put("lots", p.lots().size());
        return m;
    }

    static Map<String, Object> closedTrade(ClosedTrade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("botId", t.botId().value());
        m.put("mint", t.mint().address());
        m.put("entryOrderId", t.entryOrderId().value());
        m.put("exitOrderId", t.exitOrderId().value());
        tokens(m, "quantity", t.quantity());
        lamports(m, "cost", t.cost());
        lamports(m, "proceeds", t.proceeds());
        lamports(m, "exitFees", t.exitFees());
        lamports(m, "pnl", t.pnl());
        m.put("entryPrice", t.entryPrice().value().toPlainString());
        m.put("exitPrice", t.exitPrice().value().toPlainString());
        m.put("exitReason", t.exitReason());
        m.put("openedAt", t.openedAt().toString());
        m.put("closedAt", t.closedAt().toString());
        return m;
    }

    static Map<String, Object> fill(Fill f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", f.orderId().value());
        m.put("botId", f.botId().value());
        m.put("mint", f.mint().address());
        m.put("side", f.side().name());
        tokens(m, "amountIn", f.amountIn());
        tokens(m, "amountOut", f.amountOut());
        m.put("price", f.price().value().toPlainString());
        lamports(m, "fee", f.fee());
        lamports(m, "tip", f.tip());
        m.put("signature", f.signature().value());
        m.put("part", f.part());
        m.put("parts", f.parts());
        m.put("submittedAt", f.submittedAt().toString());
        m.put("filledAt", f.filledAt().toString());
        m.put("reason", f.reason());
        return m;
    }

    static Map<String, Object> violation(Violation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bot", v.bot());
        m.put("field", v.path());
        m.put("rejectedValue", v.rejectedValue() == null ? null : String.valueOf(v.rejectedValue()));
        m.put("reason", v.reason());
        return m;
    }

    static Map<String, Object> plan(Plan plan) {
        List<Map<String, Object>> bots = new ArrayList<>();
        for (Plan.BotPlan b : plan.bots()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("strategy", b.strategyId());
            m.put("wallet", b.wallet());
            m.put("maxTrades", b.settings().map(s -> s.maxTrades()).orElse(null));
            m.put("feeBudget", b.feeBudget().map(TokenAmount::toString).orElse(null));
            m.put("warnings", b.warnings());
            bots.add(m);
        }
        List<Map<String, Object>> wallets = new ArrayList<>();
        for (Plan.WalletPlan w : plan.wallets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wallet", w.wallet());
            m.put("bots", w.bots());
            Map<String, Object> exposure = new LinkedHashMap<>();
            w.maxExposure().forEach((mint, amount) -> exposure.put(mint.address(), amount.toString()));
            m.put("maxExposure", exposure);
            m.put("fromBalance", w.fromBalance());
            m.put("feeBudget", w.feeBudget().toString());
            wallets.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", true);
        m.put("bots", bots);
        m.put("wallets", wallets);
        m.put("text", plan.render());
        return m;
    }

    /** {@code <name>Lamports} as a string of the exact integer, {@code <name>Sol} as a decimal string. */
    private static void lamports(Map<String, Object> m, String name, Lamports amount) {
        m.put(name + "Lamports", Long.toString(amount.value()));
        m.put(name + "Sol", amount.toSol().toPlainString());
    }

    /** {@code <name>Raw} as a string of the raw units, {@code <name>Decimals}, and {@code <name>} in whole tokens. */
    private static void tokens(Map<String, Object> m, String name, TokenAmount amount) {
        m.put(name + "Raw", amount.raw().toString());
        m.put(name + "Decimals", amount.decimals());
        m.put(name, amount.toString());
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
