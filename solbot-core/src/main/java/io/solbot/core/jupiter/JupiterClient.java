package io.solbot.core.jupiter;

import com.fasterxml.jackson.databind.JsonNode;
import io.solbot.core.domain.Mint;
import io.solbot.core.internal.HttpCalls;
import io.solbot.core.internal.Json;
import io.solbot.core.internal.RateLimiter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Jupiter's APIs for one host and key: the two swap flows ({@link #metis()}, {@link #swapV2()}) and USD prices
 * ({@link #prices}).
 *
 * <p>Thread-safe; one instance serves every bot. Calls block; each waits for the JVM's rate limit of the host and key
 * first, and is retried on 429, 5xx and timeouts as the settings say.
 */
public final class JupiterClient {
    /** Price API v3 answers at most this many mints a call. */
    static final int PRICE_IDS_PER_CALL = 50;

    private static final Set<String> NO_ROUTE_CODES = Set.of(
            "NO_ROUTES_FOUND",
            "COULD_NOT_FIND_ANY_ROUTE",
            "TOKEN_NOT_TRADABLE",
            "ROUTE_PLAN_DOES_NOT_CONSUME_ALL_THE_AMOUNT");

    private final JupiterSettings settings;
    private final HttpCalls calls;
    private final SwapApi metis = new MetisSwapApi(this);
    private final SwapApi swapV2 = new V2SwapApi(this);

    public JupiterClient(JupiterSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        HttpCalls.Settings http = new HttpCalls.Settings(
                settings.timeout(), settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
        // Jupiter counts per organisation: one limiter per host and key for the whole JVM
        String quota = "jupiter " + settings.baseUri().getAuthority() + " key#"
                + settings.apiKey().hashCode();
        this.calls =
                new HttpCalls(HttpCalls.client(http), RateLimiter.shared(quota, settings.requestsPerSecond()), http);
    }

    /** The Metis Swap API v1: {@code /swap/v1/quote}, {@code /swap/v1/swap}; the caller sends the transaction. */
    public SwapApi metis() {
        return metis;
    }

    /** Swap API v2: {@code /swap/v2/order}, {@code /swap/v2/execute}. */
    public SwapApi swapV2() {
        return swapV2;
    }

    /**
     * USD prices of {@code mints} (Price API v3, 50 a call). A mint Jupiter has no reliable price for is missing from
     * the answer.
     *
     * @throws JupiterException if a call fails or its reply is not the documented shape
     */
    public Map<Mint, UsdPrice> prices(Collection<Mint> mints) {
        Map<Mint, UsdPrice> out = new LinkedHashMap<>();
        List<Mint> all = List.copyOf(mints);
        for (int from = 0; from < all.size(); from += PRICE_IDS_PER_CALL) {
            List<Mint> chunk = all.subList(from, Math.min(all.size(), from + PRICE_IDS_PER_CALL));
            StringJoiner ids = new StringJoiner(",");
            chunk.forEach(m -> ids.add(m.address()));
            out.putAll(get("/price/v3", Map.of("ids", ids.toString()), null, reply -> readPrices(reply, chunk)));
        }
        return out;
    }

    private static Map<Mint, UsdPrice> readPrices(JsonNode reply, List<Mint> asked) {
        if (!reply.isObject()) {
            throw Json.wrongType("(the reply)", "an object keyed by mint", reply);
        }
        Map<Mint, UsdPrice> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reply.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Mint mint;
            try {
                mint = Mint.of(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new Json.Malformed("key " + Json.show(entry.getKey()) + " is not a mint address");
            }
            if (!asked.contains(mint)) {
                continue;
            }
            JsonNode price = entry.getValue();
            String at = mint.address() + ".";
            if (!price.isObject()) {
                throw Json.wrongType(mint.address(), "an object", price);
            }
            BigDecimal usd = prefixed(at, () -> Json.decimal(price, "usdPrice"));
            if (usd.signum() < 0) {
                throw new Json.Malformed("field " + at + "usdPrice must not be negative, but was " + usd);
            }
            int decimals = prefixed(at, () -> Json.integer(price, "decimals"));
            JsonNode block = price.get("blockId");
            OptionalLong blockId = block == null || block.isNull()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Json.nonNegativeLongValue(at + "blockId", block));
            JsonNode depth = price.get("liquidity");
            Optional<BigDecimal> liquidity = depth == null || depth.isNull()
                    ? Optional.empty()
                    : Optional.of(prefixed(at, () -> Json.decimal(price, "liquidity")));
            if (liquidity.isPresent() && liquidity.get().signum() < 0) {
                throw new Json.Malformed("field " + at + "liquidity must not be negative, but was " + liquidity.get());
            }
            out.put(mint, new UsdPrice(mint, usd, decimals, blockId, liquidity));
        }
        return out;
    }

    static <T> T prefixed(String prefix, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Json.Malformed e) {
            throw new Json.Malformed(e.getMessage().replaceFirst("^field ", "field " + prefix));
        }
    }

    /**
     * GETs {@code path} and reads the reply with {@code reader}.
     *
     * @param expectedField a field the success shape always has: a 200 without it but with an error is an error
     */
    <T> T get(String path, Map<String, String> query, String expectedField, Function<JsonNode, T> reader) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = settings.baseUri().resolve(path + (query.isEmpty() ? "" : "?" + q));
        return call(HttpRequest.newBuilder(uri).GET(), "Jupiter GET " + path, expectedField, reader);
    }

    <T> T post(String path, JsonNode body, String expectedField, Function<JsonNode, T> reader) {
        URI uri = settings.baseUri().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return call(request, "Jupiter POST " + path, expectedField, reader);
    }

    private <T> T call(HttpRequest.Builder request, String what, String expectedField, Function<JsonNode, T> reader) {
        request.header("Accept", "application/json");
        settings.apiKey().ifPresent(key -> request.header("x-api-key", key));
        HttpCalls.Reply reply;
        try {
            reply = calls.call(request, what);
        } catch (HttpCalls.Failure e) {
            JupiterException.Reason reason = switch (e.kind()) {
                case RATE_LIMITED -> JupiterException.Reason.RATE_LIMITED;
                case SERVER_ERROR -> JupiterException.Reason.SERVER_ERROR;
                case TIMEOUT, UNREACHABLE -> JupiterException.Reason.UNAVAILABLE;
                case INTERRUPTED -> JupiterException.Reason.INTERRUPTED;
            };
            throw new JupiterException(reason, 0, null, e.getMessage());
        }
        JsonNode node;
        try {
            node = Json.parse(reply.body());
        } catch (Json.Malformed e) {
            if (reply.status() != 200) {
                throw new JupiterException(
                        JupiterException.Reason.REJECTED,
                        reply.status(),
                        null,
                        what + ": HTTP " + reply.status() + " " + Json.show(reply.body()));
            }
            throw new JupiterException(
                    JupiterException.Reason.MALFORMED_REPLY, 200, null, what + ": " + e.getMessage());
        }
        Optional<JupiterException> error = errorIn(node, reply.status(), what);
        if (reply.status() != 200) {
            throw error.orElseGet(() -> new JupiterException(
                    JupiterException.Reason.REJECTED,
                    reply.status(),
                    null,
                    what + ": HTTP " + reply.status() + " " + Json.show(reply.body())));
        }
        if (error.isPresent() && (expectedField == null || !node.has(expectedField))) {
            throw error.get();
        }
        try {
            return reader.apply(node);
        } catch (Refused e) {
            throw new JupiterException(JupiterException.Reason.REJECTED, 200, e.code, what + ": " + e.getMessage());
        } catch (Json.Malformed e) {
            throw new JupiterException(
                    JupiterException.Reason.MALFORMED_REPLY, 200, null, what + ": " + e.getMessage());
        }
    }

    /**
     * Jupiter's error shapes: {@code {error, errorCode}}, {@code {code: -1, error}}, {@code {code: 401, message}},
     * {@code {message}}, and v2's {@code {errorCode: n, errorMessage}}.
     */
    private static Optional<JupiterException> errorIn(JsonNode node, int status, String what) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        String text = firstText(node, "error", "errorMessage", "message");
        String code = firstScalar(node, "errorCode", "code");
        if (text == null && code == null) {
            return Optional.empty();
        }
        if (text == null && status == 200) {
            // a bare code beside data (v2's "code": 0) is not an error
            return Optional.empty();
        }
        JupiterException.Reason reason = code != null && NO_ROUTE_CODES.contains(code)
                ? JupiterException.Reason.NO_ROUTE
                : JupiterException.Reason.REJECTED;
        StringBuilder message = new StringBuilder(what).append(": HTTP ").append(status);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (text != null) {
            message.append(": ").append(Json.show(text));
        }
        return Optional.of(new JupiterException(reason, status, code, message.toString()));
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.textValue().isBlank()) {
                return value.textValue();
            }
        }
        return null;
    }

    private static String firstScalar(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && (value.isTextual() || value.isNumber())) {
                return value.asText();
            }
        }
        return null;
    }

    /** Route labels of a {@code routePlan}, skipping steps without one. */
    static List<String> routeLabels(JsonNode quote) {
        List<String> labels = new ArrayList<>();
        JsonNode plan = quote.get("routePlan");
        if (plan == null || plan.isNull()) {
            return labels;
        }
        if (!plan.isArray()) {
            throw Json.wrongType("routePlan", "an array", plan);
        }
        for (JsonNode step : plan) {
            JsonNode info = step.get("swapInfo");
            if (info != null && info.isObject()) {
                Json.optionalText(info, "label").ifPresent(labels::add);
            }
        }
        return labels;
    }

    static Mint mint(JsonNode node, String field) {
        String text = Json.text(node, field);
        try {
            return Mint.of(text);
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field " + field + " is not a mint address: " + Json.show(text));
        }
    }

    static byte[] base64(String field, String text) {
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Json.Malformed("field " + field + " is not base64: " + Json.show(text));
        }
    }

    /** Checks that a quote is for what was asked: a reply for another pair or amount is not ours to trade. */
    static void checkAnswers(SwapQuote quote, Mint input, Mint output, java.math.BigInteger amount) {
        if (!quote.inputMint().equals(input)
                || !quote.outputMint().equals(output)
                || !quote.inAmount().equals(amount)) {
            throw new Json.Malformed("the quote is for " + quote.inAmount() + " " + quote.inputMint() + " -> "
                    + quote.outputMint() + ", not the " + amount + " " + input + " -> " + output + " asked");
        }
        if (quote.minimumOut().compareTo(quote.outAmount()) > 0) {
            throw new Json.Malformed(
                    "otherAmountThreshold " + quote.minimumOut() + " is more than outAmount " + quote.outAmount());
        }
    }

    /** A well-formed 200 that refuses: Jupiter's simulation failed, or v2 quoted without a transaction. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public String toString() {
        return "JupiterClient[" + settings + "]";
    }
}
