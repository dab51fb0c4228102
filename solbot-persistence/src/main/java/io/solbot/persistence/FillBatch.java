package io.solbot.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.solbot.core.domain.Fill;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The JSON argument of the schema's {@code record_fills} function: one object per fill, amounts as exact numbers. */
final class FillBatch {
    private static final JsonFactory JSON = new JsonFactory();

    private FillBatch() {}

    static String json(List<FillRecord> fills) {
        StringWriter out = new StringWriter(fills.size() * 480);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (FillRecord record : fills) {
                write(g, record);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, FillRecord record) throws IOException {
        Fill fill = record.fill();
        g.writeStartObject();
        g.writeStringField("order_id", fill.orderId().value());
        g.writeNumberField("fill_part", fill.part());
        g.writeNumberField("fill_parts", fill.parts());
        g.writeStringField("bot_id", fill.botId().value());
        g.writeStringField("strategy_id", record.strategyId());
        g.writeStringField("mint", fill.mint().address());
        g.writeStringField("side", fill.side().name());
        g.writeNumberField("decimals", fill.tokens().decimals());
        g.writeFieldName("amount_in");
        g.writeNumber(fill.amountIn().raw());
        g.writeFieldName("amount_out");
        g.writeNumber(fill.amountOut().raw());
        g.writeFieldName("price");
        g.writeNumber(fill.price().value());
        g.writeNumberField("fee_lamports", fill.fee().value());
        g.writeNumberField("tip_lamports", fill.tip().value());
        g.writeStringField("signature", fill.signature().value());
        g.writeStringField("submitted_at", timestamp(fill.submittedAt()));
        g.writeStringField("filled_at", timestamp(fill.filledAt()));
        g.writeStringField("reason", record.reason());
        g.writeEndObject();
    }

    /**
     * PostgreSQL keeps microseconds: round half up here, the way the JDBC driver rounds a bound timestamp, so a fill
     * reads back the same whichever way it was written.
     */
    private static String timestamp(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }
}
