package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link RunStatusStore} that keeps the records in memory: the default, and for tests. Thread-safe. */
public final class InMemoryRunStatusStore implements RunStatusStore {
    private final ConcurrentMap<BotId, RunRecord> records = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryRunStatusStore() {}

    @Override
    public void save(RunRecord record) {
        records.put(record.botId(), record);
    }

    @Override
    public Optional<RunRecord> find(BotId botId) {
        return Optional.ofNullable(records.get(botId));
    }
}
