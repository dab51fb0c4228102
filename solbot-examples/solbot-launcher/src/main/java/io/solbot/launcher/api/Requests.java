package io.solbot.launcher.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.persistence.readmodel.TradeQuery;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator API reads a request: its JSON body, the bot it names, the page it asks for; and the three ways a
 * request is refused, which the API answers as 400 or 404 with the message.
 */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ORIGINAL_START_FIELDS = Set.of("botId", "id", "mode", "wallet", "config");

    private Requests() {}

    /** The request body as JSON; 400 when it is empty or not JSON. */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new BadRequest("the body is empty; it must be JSON");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** The bot a body of the original's routes names: {@code {"botId": "..."}}. */
    static BotId bodyBotId(Context ctx) {
        JsonNode id = body(ctx).get("botId");
        if (id == null || !id.isTextual()) {
            throw new BadRequest("the body must name the bot: {\"botId\": \"...\"}");
        }
        return BotId.of(id.asText());
    }

    /** The bot of the path's {@code {botId}}. */
    static BotId botId(Context ctx) {
        return BotId.of(ctx.pathParam("botId"));
    }

    /** The {@code limit} query parameter: 1 to 1000, {@value TradeQuery#DEFAULT_LIMIT} when absent. */
    static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return TradeQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new BadRequest(
                    "limit must be a whole number between 1 and " + TradeQuery.MAX_LIMIT + ", but was '" + limit + "'");
        }
    }

    /** The keyset page the query parameters ask for: {@code limit} (1 to 1000, default 100), {@code after}, mint. */
    static TradeQuery query(Context ctx, Optional<BotId> bot) {
        TradeQuery query = TradeQuery.all();
        if (bot.isPresent()) {
            query = query.forBot(bot.get());
        }
        String mint = ctx.queryParam("mint");
        if (mint != null) {
            query = query.forMint(Mint.of(mint));
        }
        query = query.limit(limit(ctx));
        String after = ctx.queryParam("after");
        return after == null ? query : query.after(after);
    }

    /** {@code {mode, config, botId}} of the original's start route as a bot of a bots file. */
    static JsonNode originalStart(JsonNode body) {
        if (!body.isObject()) {
            throw new BadRequest("the body must be a JSON object: {\"mode\": ..., \"config\": {...}, \"botId\": ...}");
        }
        ObjectNode bot = JSON.createObjectNode();
        for (var field : body.properties()) {
            switch (field.getKey()) {
                case "botId", "id" -> bot.set("id", field.getValue());
                case "mode", "wallet", "config" -> bot.set(field.getKey(), field.getValue());
                // the watchdog restarts a failing bot here; the original's one respawn is not needed
                case "autoRestart" -> {}
                default ->
                    throw new BadRequest(field.getKey() + " is not a field of a start request (fields: "
                            + String.join(
                                    ", ",
                                    ORIGINAL_START_FIELDS.stream().sorted().toList()) + ", autoRestart)");
            }
        }
        return bot;
    }

    /** A request the API cannot read: 400 with the message. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** A bot neither the engine nor the database knows: 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** A config or bots file with errors: 400 with every one of them. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Map<String, Object> body;

        Refused(Map<String, Object> body) {
            super("refused", null, false, false);
            this.body = body;
        }
    }
}
