package io.solbot.persistence;

import io.solbot.core.SolbotException;
import io.solbot.core.store.PermanentStoreRefusal;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * The database refused a write for good, and changed nothing for it: retrying the same write is refused again (see
 * {@link PermanentStoreRefusal}). Either the ledger's own refusal ({@link InsufficientPositionException}), or an error
 * of SQLSTATE class 22 (data exception: a value out of range, too long) or 23 (integrity constraint violation: a
 * check, a unique key), which come from the data itself. A broken connection (class 08), a serialization failure or
 * deadlock (40), a shutdown (57) and the like are not refusals: they surface as jOOQ's {@link DataAccessException},
 * and the write may succeed later.
 */
public class RefusedWriteException extends SolbotException implements PermanentStoreRefusal {
    private static final long serialVersionUID = 1L;

    RefusedWriteException(String message) {
        super(message);
    }

    RefusedWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code e} as a refusal for good of {@code what}, if its SQLSTATE says it is one. */
    static Optional<RefusedWriteException> from(DataAccessException e, String what) {
        String state = e.sqlState();
        if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
            return Optional.empty();
        }
        return Optional.of(new RefusedWriteException(
                "The database refused " + what + " for good (SQLSTATE " + state + "): " + firstLine(e), e));
    }

    /** The database's own message, without the SQL statement that jOOQ puts in front of it. */
    private static String firstLine(DataAccessException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
