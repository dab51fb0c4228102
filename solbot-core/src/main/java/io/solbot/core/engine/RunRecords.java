package io.solbot.core.engine;

import io.solbot.core.store.RunRecord;
import io.solbot.core.store.RunStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a bot's lifecycle down: its run status record and its journal entry, once per lifecycle change, never per
 * tick. A store that fails is logged: the bot goes on, and the next change writes the whole record again.
 */
final class RunRecords {
    private static final Logger log = LoggerFactory.getLogger(RunRecords.class);

    private final RunStatusStore store;
    private final EngineClock clock;

    RunRecords(RunStatusStore store, EngineClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The caller holds the bot's lock, so that writes follow the order of the bot's transitions. */
    void write(Bot bot) {
        try {
            store.save(new RunRecord(
                    bot.id(),
                    bot.strategyId(),
                    bot.configHash(),
                    bot.status(),
                    bot.status().isFinal() ? bot.stopReason() : "",
                    bot.startedAt(),
                    clock.instant(),
                    bot.restartCount(),
                    bot.figures().trades()));
        } catch (RuntimeException e) {
            log.error("Could not save the run status of bot '{}'", bot.id(), e);
        }
        try {
            bot.journal().save();
        } catch (RuntimeException e) {
            log.error("Could not write the journal of bot '{}'", bot.id(), e);
        }
    }
}
