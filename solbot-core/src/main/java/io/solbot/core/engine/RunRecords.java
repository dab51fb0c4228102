package io.solbot.core.engine;

import io.solbot.core.SolbotException;
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
            failed("save the run status", bot, e);
        }
        try {
            bot.journal().save();
        } catch (RuntimeException e) {
            failed("write the journal", bot, e);
        }
    }

    /**
     * A store's own refusal says what happened (on many machines: another node owns the bot now, an everyday event of
     * a takeover) and gets one line; anything else is unexpected and gets its stack.
     */
    private static void failed(String what, Bot bot, RuntimeException e) {
        if (e instanceof SolbotException) {
            log.warn("Could not {} of bot '{}': {}", what, bot.id(), e.getMessage());
        } else {
            log.error("Could not {} of bot '{}'", what, bot.id(), e);
        }
    }
}
