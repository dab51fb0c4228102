package io.solbot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.core.codec.FillJson;
import io.solbot.core.codec.OrderFailureJson;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the paper execution log: an order's outcome, its fills or its failure, as JSON.
 *
 * <p>Line format: {@code {"orderId","botId","submittedAt","failure":OrderFailureJson|null,"fills":[FillJson...]}},
 * the failure and the fills in {@link OrderFailureJson}'s and {@link FillJson}'s forms (amounts as decimal strings of
 * raw units), the forms the lockfiles keep too. Lines written by earlier versions still read: without the order's
 * submission time (its fills' submission time stands in, or the failure's time, which is not earlier), their fills
 * and failure without the order id (the line's stands in), their failure without its fee and tip (read as nothing,
 * which is what those versions charged).
 *
 * @param submittedAt when the order was submitted; null in lines written before the log said
 * @param failure the failure, or null for an order that filled
 */
record ExecutionLine(String orderId, String botId, String submittedAt, OrderFailureJson failure, List<FillJson> fills) {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The line of {@code order}'s {@code outcome}. */
    static ExecutionLine of(SwapOrder order, SwapOutcome outcome) {
        return switch (outcome) {
            case SwapOutcome.Filled f -> of(order, null, f.fills());
            case SwapOutcome.Failed f -> of(order, OrderFailureJson.of(f.failure()), f.partialFills());
        };
    }

    private static ExecutionLine of(SwapOrder order, OrderFailureJson failure, List<Fill> fills) {
        return new ExecutionLine(
                order.orderId().value(),
                order.botId().value(),
                order.submittedAt().toString(),
                failure,
                fills.stream().map(FillJson::of).toList());
    }

    /**
     * The line {@code text} holds.
     *
     * @throws JsonProcessingException if it is not a whole line of the log
     */
    static ExecutionLine parse(String text) throws JsonProcessingException {
        return JSON.readValue(text, ExecutionLine.class);
    }

    /** This line as one line of JSON, without its line break. */
    String json() throws JsonProcessingException {
        return JSON.writeValueAsString(this);
    }

    /** When the line's order was submitted, or a time not earlier for lines written before they said. */
    Instant submittedBy() {
        if (submittedAt != null) {
            return Instant.parse(submittedAt);
        }
        if (!fills.isEmpty()) {
            return Instant.parse(fills.getFirst().submittedAt());
        }
        return Instant.parse(failure.at());
    }

    /** The outcome the line records. */
    SwapOutcome outcome() {
        OrderId id = OrderId.of(orderId);
        BotId bot = BotId.of(botId);
        List<Fill> out = new ArrayList<>();
        for (FillJson f : fills) {
            out.add(f.toFill(bot, id));
        }
        if (failure == null) {
            return new SwapOutcome.Filled(out);
        }
        return new SwapOutcome.Failed(failure.toFailure(id), out);
    }
}
