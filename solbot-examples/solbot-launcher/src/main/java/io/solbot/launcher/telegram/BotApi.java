package io.solbot.launcher.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two Telegram Bot API methods solbot uses, over the JDK's HTTP client: {@code POST {base}/bot{token}/{method}}
 * with a JSON body. The token is part of every URL, so no URL, and no message that could quote one, leaves this
 * class: failures say what went wrong with the token replaced.
 */
final class BotApi {
    /** One message to the bot: the chat it came from and its text (empty for a message without text). */
    record Update(long updateId, long chatId, String text) {}

    private final HttpClient http;
    private final String base;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    /** @param base such as {@code https://api.telegram.org}; the token is appended as {@code /bot<token>/} */
    BotApi(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** @throws BotApiException if Telegram refuses it (with {@code retry_after} on 429) or cannot be reached */
    void sendMessage(long chatId, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", text);
        body.put("disable_web_page_preview", true);
        call("sendMessage", body, Duration.ofSeconds(30));
    }

    /**
     * The updates after {@code offset}, waiting up to {@code timeoutSeconds} for one (long polling).
     *
     * @throws BotApiException as {@link #sendMessage}
     */
    List<Update> getUpdates(long offset, int timeoutSeconds) {
        ObjectNode body = json.createObjectNode();
        body.put("offset", offset);
        body.put("timeout", timeoutSeconds);
        body.putArray("allowed_updates").add("message");
        JsonNode result = call("getUpdates", body, Duration.ofSeconds(timeoutSeconds + 10L));
        List<Update> updates = new ArrayList<>();
        for (JsonNode u : result) {
            JsonNode message = u.path("message");
            // chat ids take 64 bits (-1001276785818 is a supergroup's)
            updates.add(new Update(
                    u.path("update_id").asLong(),
                    message.path("chat").path("id").asLong(),
                    message.path("text").asText("")));
        }
        return updates;
    }

    private JsonNode call(String method, ObjectNode body, Duration timeout) {
        // concatenated, not URI.resolve: the token's ':' would read as a URI scheme
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BotApiException(
                    method + ": Telegram could not be reached (" + redact(e.toString()) + ")", 0, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException(method + ": interrupted", 0, Optional.empty());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new BotApiException(
                    method + ": HTTP " + response.statusCode() + " without a JSON answer",
                    response.statusCode(),
                    Optional.empty());
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        // error_code may be missing; then the HTTP status stands in
        int code = answer.path("error_code").asInt(response.statusCode());
        JsonNode retryAfter = answer.path("parameters").path("retry_after");
        throw new BotApiException(
                method + ": " + code + " " + redact(answer.path("description").asText("(no description)")),
                code,
                retryAfter.canConvertToLong()
                        ? Optional.of(Duration.ofSeconds(retryAfter.asLong()))
                        : Optional.empty());
    }

    private String redact(String text) {
        return text.replace(token, "<token>");
    }

    /** A Bot API call that failed; {@link #retryAfter()} is set when Telegram asks to wait (HTTP 429). */
    static final class BotApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int errorCode;
        private final transient Optional<Duration> retryAfter;

        BotApiException(String message, int errorCode, Optional<Duration> retryAfter) {
            super(message, null, false, false);
            this.errorCode = errorCode;
            this.retryAfter = retryAfter;
        }

        int errorCode() {
            return errorCode;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }
}
