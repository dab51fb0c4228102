package io.solbot.persistence;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A sell fill would close more tokens than the bot's open lots hold; nothing of it was recorded. A refusal for good:
 * recording the same fill again is refused again.
 */
public final class InsufficientPositionException extends RefusedWriteException {
    private static final long serialVersionUID = 1L;

    /** The SQLSTATE that {@code record_fills} raises for it (migrations V2 and V4). */
    static final String SQL_STATE = "SB001";

    InsufficientPositionException(String message) {
        super(message);
    }

    /** The exception {@code e} stands for, if {@code record_fills} refused a sell of {@code fills}. */
    static Optional<InsufficientPositionException> from(DataAccessException e, List<FillRecord> fills) {
        if (!SQL_STATE.equals(e.sqlState())
                || !(e.getCause(PSQLException.class) instanceof PSQLException pe)
                || pe.getServerErrorMessage() == null) {
            return Optional.empty();
        }
        ServerErrorMessage server = pe.getServerErrorMessage();
        String fillKey = server.getHint();
        for (FillRecord record : fills) {
            Fill fill = record.fill();
            if ((fill.orderId().value() + "/" + fill.part()).equals(fillKey)) {
                TokenAmount held = new TokenAmount(
                        new BigInteger(server.getDetail()), fill.amountIn().decimals());
                return Optional.of(new InsufficientPositionException("Bot '" + fill.botId() + "' sold "
                        + fill.amountIn() + " of " + fill.mint() + " (order " + fill.orderId() + "), but its open lots"
                        + " hold only " + held));
            }
        }
        return Optional.empty();
    }
}
