package io.solbot.core.store;

import io.solbot.core.domain.BotId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link Journal} that keeps the entries in memory: the default, and for tests. Nothing survives the JVM. */
public final class InMemoryJournal implements Journal {
    private final ConcurrentMap<BotId, JournalEntry> entries = new ConcurrentHashMap<>();

    /** An empty journal. */
    public InMemoryJournal() {}

    @Override
    public void save(JournalEntry entry) {
        entries.put(entry.botId(), entry);
    }

    @Override
    public Optional<JournalEntry> load(BotId botId) {
        return Optional.ofNullable(entries.get(botId));
    }

    @Override
    public void delete(BotId botId) {
        entries.remove(botId);
    }

    @Override
    public List<JournalEntry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparing(JournalEntry::botId))
                .toList();
    }
}
