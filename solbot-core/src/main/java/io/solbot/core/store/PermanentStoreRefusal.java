package io.solbot.core.store;

/**
 * Marks an exception by which a store refused a write for good: the write contradicts what the store holds or breaks
 * its rules (a sell of more tokens than the bot's open lots hold, a value the schema does not allow), so the same
 * write would be refused again however often it is retried. The store changed nothing for it.
 *
 * <p>The contract for callers of {@link FillStore#record} and {@link FillStore#recordFailure}: an exception that
 * implements this interface means "do not retry this write" (keep it for an operator, count it, move on); any other
 * exception from a store may be transient (the database is down, a connection broke, a transaction lost a deadlock),
 * and the same write may succeed later. Only unchecked exceptions implement it, for example solbot-persistence's
 * {@code RefusedWriteException} and its {@code InsufficientPositionException}; test for it with {@code e instanceof
 * PermanentStoreRefusal}.
 */
public interface PermanentStoreRefusal {}
