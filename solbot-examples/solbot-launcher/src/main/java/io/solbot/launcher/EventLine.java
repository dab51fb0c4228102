package io.solbot.launcher;

import io.solbot.core.domain.Side;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.EngineEvent.BotFailed;
import io.solbot.core.event.EngineEvent.BotPaused;
import io.solbot.core.event.EngineEvent.BotRestarted;
import io.solbot.core.event.EngineEvent.BotResumed;
import io.solbot.core.event.EngineEvent.BotStarted;
import io.solbot.core.event.EngineEvent.BotStopped;
import io.solbot.core.event.EngineEvent.OrderFailed;
import io.solbot.core.event.EngineEvent.OrderFilled;
import io.solbot.core.event.EngineEvent.OrderRefused;
import io.solbot.core.event.EngineEvent.OrderSubmitted;

/**
 * An engine event in words, for people: the line the WebSocket feed sends as the bot's log line and Telegram sends as
 * an alert. {@code level} is INFO, WARN (a refused or failed order, a restart) or ERROR (a failed bot).
 */
public record EventLine(String level, String text) {
    public static EventLine of(EngineEvent event) {
        return switch (event) {
            case BotStarted s -> info("started (" + s.strategyId() + ")");
            case BotPaused p -> info("paused");
            case BotResumed r -> info("resumed");
            case BotStopped s -> info("stopped (" + s.reason() + ")");
            case BotRestarted r -> new EventLine("WARN", "restarted (" + r.restartCount() + "): " + r.cause());
            case BotFailed f -> new EventLine("ERROR", "failed: " + f.reason());
            case OrderSubmitted o ->
                info("order " + o.orderId() + " submitted: "
                        + (o.side() == Side.BUY
                                ? "buy " + o.mint().address() + " for " + o.amountIn() + " SOL"
                                : "sell " + o.amountIn() + " of " + o.mint().address()));
            case OrderRefused o ->
                new EventLine(
                        "WARN",
                        o.side().name().toLowerCase() + " of " + o.mint().address() + " refused: " + o.reason());
            case OrderFilled f ->
                info("order " + f.fill().orderId() + " filled: "
                        + (f.fill().side() == Side.BUY ? "bought " : "sold ")
                        + f.fill().tokens() + " of "
                        + f.fill().mint().address() + " for "
                        + f.fill().sol().toSol().toPlainString() + " SOL at "
                        + f.fill().price());
            case OrderFailed f ->
                new EventLine(
                        "WARN",
                        "order " + f.failure().orderId() + " failed at "
                                + f.failure().stage() + ": " + f.failure().reason());
        };
    }

    private static EventLine info(String text) {
        return new EventLine("INFO", text);
    }
}
