package io.solbot.persistence.internal;

import io.solbot.core.domain.BotId;
import io.solbot.persistence.FenceLostException;
import io.solbot.persistence.WriteFence;
import java.util.Collection;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Runs a {@link WriteFence} inside a jOOQ transaction, with its refusal thrown as it was, not wrapped by jOOQ. */
public final class Fencing {
    private Fencing() {}

    /** Runs the fence's checks that need no database, for each of {@code bots}; see {@link WriteFence#before}. */
    public static void before(WriteFence fence, Collection<BotId> bots) {
        for (BotId bot : bots) {
            fence.before(bot);
        }
    }

    /** Passes the fence for {@code botId} in {@code tx}, a transaction's context. */
    public static WriteFence.Token pass(DSLContext tx, WriteFence fence, BotId botId) {
        try {
            return tx.connectionResult(c -> fence.pass(c, botId));
        } catch (DataAccessException e) {
            throw unwrapped(e);
        }
    }

    /** Passes the fence for each of {@code bots} in {@code tx}, in the order of their ids (so that two never deadlock). */
    public static void passAll(DSLContext tx, WriteFence fence, Collection<BotId> bots) {
        for (String id : new TreeSet<>(bots.stream().map(BotId::value).toList())) {
            pass(tx, fence, BotId.of(id));
        }
    }

    /** The fence's own refusal if {@code e} wraps one, else {@code e}. */
    public static RuntimeException unwrapped(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FenceLostException lost) {
                return lost;
            }
        }
        return e;
    }
}
