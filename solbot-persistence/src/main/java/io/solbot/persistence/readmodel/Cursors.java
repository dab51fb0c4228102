package io.solbot.persistence.readmodel;

import io.solbot.core.domain.BotId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset cursors: the sort key of the last row of a page, which the next page starts below. Opaque to callers
 * (base64url), so the key can change without breaking their code; tagged by kind, so that a cursor of fills is not
 * taken for one of closed trades.
 */
final class Cursors {
    /** The sort key of a closed trade: newest close first, then highest id. */
    record ClosedTradeKey(Instant closedAt, long id) {}

    /** The sort key of a fill: newest first, then highest order id and part. */
    record FillKey(Instant filledAt, String orderId, int part) {}

    private Cursors() {}

    /** The sort key of a bot: its id. */
    static String encode(BotId bot) {
        return encode("b:" + bot.value());
    }

    /** @throws IllegalArgumentException if {@code cursor} is not one that {@link #encode(BotId)} made */
    static BotId bot(String cursor) {
        String text = decode(cursor, "b:", "bots");
        try {
            return BotId.of(text);
        } catch (RuntimeException e) {
            throw notACursor("bots", e);
        }
    }

    static String encode(ClosedTradeKey key) {
        return encode("c:" + key.closedAt() + ":" + key.id());
    }

    static String encode(FillKey key) {
        return encode("f:" + key.filledAt() + ":" + key.part() + ":" + key.orderId());
    }

    /** @throws IllegalArgumentException if {@code cursor} is not one that {@link #encode(ClosedTradeKey)} made */
    static ClosedTradeKey closedTrade(String cursor) {
        // an instant's text has colons of its own: split at the first and the last
        String text = decode(cursor, "c:", "closed trades");
        int at = text.lastIndexOf(':');
        try {
            return new ClosedTradeKey(Instant.parse(text.substring(0, at)), Long.parseLong(text.substring(at + 1)));
        } catch (RuntimeException e) {
            throw notACursor("closed trades", e);
        }
    }

    /** @throws IllegalArgumentException if {@code cursor} is not one that {@link #encode(FillKey)} made */
    static FillKey fill(String cursor) {
        String text = decode(cursor, "f:", "fills");
        int orderAt = text.lastIndexOf(':');
        int partAt = text.lastIndexOf(':', orderAt - 1);
        try {
            return new FillKey(
                    Instant.parse(text.substring(0, partAt)),
                    text.substring(orderAt + 1),
                    Integer.parseInt(text.substring(partAt + 1, orderAt)));
        } catch (RuntimeException e) {
            throw notACursor("fills", e);
        }
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String tag, String of) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor(of, e);
        }
        if (!text.startsWith(tag)) {
            throw notACursor(of, null);
        }
        return text.substring(tag.length());
    }

    private static IllegalArgumentException notACursor(String of, Exception cause) {
        return new IllegalArgumentException(
                "cursor is not one of a page of " + of + ": pass the next() of the previous page unchanged", cause);
    }
}
