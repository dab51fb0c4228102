package io.solbot.persistence;

import io.solbot.core.domain.BotId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A check that every write a bot makes passes inside the write's own transaction, before the write: the PostgreSQL
 * stores and journal call it for each bot whose rows a transaction writes. Many machines (solbot-cluster) fence with
 * it: the write commits only while this process still owns the bot, and a write that lost the race is rolled back.
 * {@link #NONE}, the default, lets every write pass and adds no transaction.
 *
 * <p>Threading: called from many threads at once, for different bots; it may block (it reads the database).
 */
@FunctionalInterface
public interface WriteFence {
    /** Lets every write pass: one process owns all its bots. */
    WriteFence NONE = new WriteFence() {
        @Override
        public Token pass(Connection tx, BotId botId) {
            return Token.NONE;
        }

        @Override
        public String toString() {
            return "WriteFence.NONE";
        }
    };

    /**
     * Passes the write of {@code botId} in the transaction of {@code tx}, or refuses it.
     *
     * @return who writes, recorded with the intents it journals
     * @throws FenceLostException if this process does not own the bot (any more): the transaction is rolled back
     * @throws SQLException if the check could not be made: the write is refused too (fails closed)
     */
    Token pass(Connection tx, BotId botId) throws SQLException;

    /**
     * Refuses a write of {@code botId} before it takes a connection, when the answer is known without the database (a
     * bot this process knows it lost): a node cut off from the database then fails fast instead of waiting for a
     * connection. The default refuses nothing; {@link #pass} still runs.
     *
     * @throws FenceLostException if the write is refused
     */
    default void before(BotId botId) {}

    /**
     * Who passed the fence.
     *
     * @param node the node that owns the bot
     * @param version the fence version its ownership holds (grows with every change of owner)
     */
    record Token(String node, long version) {
        /** The token of a process that owns all its bots. */
        public static final Token NONE = new Token("", 0);

        public Token {
            Objects.requireNonNull(node, "node");
        }
    }
}
