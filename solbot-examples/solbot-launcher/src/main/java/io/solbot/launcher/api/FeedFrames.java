package io.solbot.launcher.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.solbot.launcher.EventLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket feed's frames for one engine event, made once for every client: an event frame ({@code {"channel":
 * "events", "type": "OrderFilled", "botId": ..., "at": ..., ...}}) and the bot's log line for it ({@link EventLine}), in the original
 * platform's shape ({@code {"channel": "logs", "botId", "level", "line", "ts"}}). Amounts as {@link ApiJson} writes
 * them.
 */
final class FeedFrames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedFrames() {}

    static List<String> of(EngineEvent event) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("channel", "events");
        e.put("type", event.getClass().getSimpleName());
        e.put("botId", event.botId().value());
        e.put("at", event.at().toString());
        switch (event) {
            case BotStarted s -> {
                e.put("strategy", s.strategyId());
            }
            case BotPaused p -> {}
            case BotResumed r -> {}
            case BotStopped s -> {
                e.put("reason", s.reason().name());
            }
            case BotRestarted r -> {
                e.put("restartCount", r.restartCount());
                e.put("cause", r.cause());
            }
            case BotFailed f -> {
                e.put("reason", f.reason());
            }
            case OrderSubmitted o -> {
                e.put("orderId", o.orderId().value());
                e.put("mint", o.mint().address());
                e.put("side", o.side().name());
                e.put("amountInRaw", o.amountIn().raw().toString());
                e.put("amountInDecimals", o.amountIn().decimals());
            }
            case OrderRefused o -> {
                e.put("mint", o.mint().address());
                e.put("side", o.side().name());
                e.put("reason", o.reason());
            }
            case OrderFilled f -> {
                e.put("fill", ApiJson.fill(f.fill()));
            }
            case OrderFailed f -> {
                e.put("orderId", f.failure().orderId().value());
                e.put("mint", f.failure().mint().address());
                e.put("side", f.failure().side().name());
                e.put("stage", f.failure().stage());
                e.put("reason", f.failure().reason());
                e.put("feeLamports", Long.toString(f.failure().fee().value()));
                e.put("tipLamports", Long.toString(f.failure().tip().value()));
            }
        }
        EventLine line = EventLine.of(event);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("channel", "logs");
        log.put("botId", event.botId().value());
        log.put("level", line.level());
        log.put("line", line.text());
        log.put("ts", event.at().toString());
        return List.of(write(e), write(log));
    }

    private static String write(Map<String, Object> frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a feed frame could not be written", ex);
        }
    }
}
