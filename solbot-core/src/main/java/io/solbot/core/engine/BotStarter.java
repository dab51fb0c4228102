package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Capability;
import io.solbot.core.store.FillStore;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.UnreadableJournalEntryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts bots, fresh or as their journal left them: checks the spec against its strategy and what the engine supplies,
 * reads what the stores know of the bot, makes the {@link Bot}, brings it back ({@link Recovery}) and begins its first
 * run. A start that fails leaves no half-registered bot behind.
 */
final class BotStarter {
    private static final Logger log = LoggerFactory.getLogger(BotStarter.class);
    private static final SecureRandom SALTS = new SecureRandom();

    private final EngineSettings settings;
    private final StrategyRegistry registry;
    private final Set<Capability> supplied;
    private final EngineMetrics metrics;
    private final EngineClock clock;
    private final Lifecycle lifecycle;
    private final Recovery recovery;
    private final RunRecords records;
    private final EventBus events;

    BotStarter(
            EngineSettings settings,
            Set<Capability> supplied,
            EngineMetrics metrics,
            EngineClock clock,
            Lifecycle lifecycle,
            Recovery recovery,
            RunRecords records,
            EventBus events) {
        this.settings = settings;
        this.registry = settings.registry();
        this.supplied = supplied;
        this.metrics = metrics;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.recovery = recovery;
        this.records = records;
        this.events = events;
    }

    /** {@code asJournalled}: come back in the status the journal entry records (a recovery), not RUNNING. */
    BotStatus start(BotSpec spec, boolean asJournalled) {
        Objects.requireNonNull(spec, "spec");
        lifecycle.ensureOpen();
        RegisteredProvider provider = registry.require(spec.strategyId());
        refuseUnmetNeeds(spec.botId(), provider);
        Class<?> configType = provider.provider().configType();
        if (!configType.isInstance(spec.config())) {
            throw new InvalidBotSpecException(
                    spec.botId(),
                    "config must be a " + configType.getName() + " for strategy '" + provider.id() + "', but was a "
                            + spec.config().getClass().getName());
        }
        BotId id = spec.botId();
        Bot running = lifecycle.find(id);
        if (running != null && !running.status().isFinal()) {
            throw new IllegalBotStateException(id, running.status(), "started again");
        }
        Journal journal = settings.journal();
        FillStore trades = settings.fillStore();
        // claimed before its entry is read: from here on no other process acts for the bot (BotClaimedException)
        journal.claim(id);
        Optional<JournalEntry> entry;
        List<Fill> stored;
        try {
            entry = journal.load(id);
            stored = trades.fills(id);
            if (entry.isPresent() && Owners.isAliveElsewhere(entry.get().owner())) {
                throw new SolbotException("Bot '" + id + "' is run by the live process "
                        + entry.get().owner()
                        + " (its journal entry says so); stop that process first, this one leaves the bot alone");
            }
        } catch (UnreadableJournalEntryException e) {
            journal.release(id);
            // its message says which file, why, and what the operator can do: nothing is started from a guess
            throw new SolbotException("Bot '" + id + "' could not be started: " + e.getMessage(), e);
        } catch (SolbotException e) {
            journal.release(id);
            throw e;
        } catch (RuntimeException e) {
            journal.release(id);
            throw new SolbotException(
                    "Bot '" + id + "' could not be started: its journal entry or its trades could not be read: " + e,
                    e);
        }
        boolean restoring = entry.isPresent() || !stored.isEmpty();
        Bot bot = new Bot(
                spec,
                provider.id(),
                metrics.strategy(provider.id()),
                configHash(provider.id(), spec.config()),
                settings.seed(),
                orderIdSalt(stored.size()),
                journal,
                settings.owner(),
                clock);
        RunStatus target = asJournalled && entry.isPresent() ? entry.get().status() : RunStatus.RUNNING;
        launch(bot, target, restoring ? entry : null, stored);
        if (target != RunStatus.RUNNING) {
            log.info("Bot '{}' recovered as {}", id, target);
            return lifecycle.snapshot(bot);
        }
        events.publish(new EngineEvent.BotStarted(id, bot.strategyId(), bot.startedAt()));
        if (restoring) {
            log.info(
                    "Bot '{}' started ({}, every {}), restored with {} open positions and {} trades",
                    id,
                    bot.strategyId(),
                    spec.interval(),
                    bot.book().openPositions(),
                    bot.figures().trades());
        } else {
            log.info("Bot '{}' started ({}, every {})", id, bot.strategyId(), spec.interval());
        }
        return lifecycle.snapshot(bot);
    }

    /**
     * Registers the bot and brings it into {@code target}; {@code entry} is null for a bot with nothing to restore.
     * Nothing of it stays registered if this throws.
     */
    private void launch(Bot bot, RunStatus target, Optional<JournalEntry> entry, List<Fill> stored) {
        if (bot.spec().config() instanceof StrategyConfig config) {
            // before its first order, restored ones included: a paper trader's orders run by its own settings
            settings.swapExecutor().simulateBotWith(bot.id(), config::paperSettings);
        }
        Bot replaced = lifecycle.register(bot);
        boolean launched = false;
        bot.lock().lock();
        try {
            if (lifecycle.isClosing()) {
                // the shutdown began after the first check: it may have walked the bots already and missed this one
                throw Lifecycle.closed();
            }
            Run run = null;
            if (target == RunStatus.RUNNING) {
                try {
                    run = lifecycle.create(bot);
                } catch (RuntimeException e) {
                    throw new SolbotException(
                            "Bot '" + bot.id() + "' could not be started: strategy '" + bot.strategyId() + "' threw "
                                    + e,
                            e);
                }
            }
            if (replaced != null) {
                replaced.forget();
            }
            bot.launch(target, clock.instant());
            if (entry != null) {
                recovery.restore(bot, entry, stored);
            }
            if (run != null) {
                lifecycle.begin(bot, run, clock.nanos() + firstTickPhase(bot));
            }
            records.write(bot);
            launched = true;
        } finally {
            bot.lock().unlock();
            if (!launched) {
                bot.forget();
                lifecycle.unregister(bot, replaced);
                bot.journal().release();
            } else if (target.isFinal()) {
                // recovered as stopped or failed: this process does not act for it until a restart claims it again
                bot.journal().release();
            }
        }
    }

    /** Where in its first interval a bot's first tick comes: spread by its id unless the host turned that off. */
    private long firstTickPhase(Bot bot) {
        return settings.spreadFirstTicks()
                ? Math.floorMod(Bot.mix(settings.seed(), bot.id().hashCode()), bot.intervalNanos())
                : 0;
    }

    /**
     * A salt for the bot's order ids, so that no id of an earlier run of the bot comes up again: random in real time;
     * on a simulated clock (tests, backtests) derived from the time and what the store holds, so runs repeat.
     */
    private long orderIdSalt(int storedFills) {
        if (clock.isSimulated()) {
            return storedFills == 0 ? 0 : Bot.mix(clock.instant().toEpochMilli(), storedFills) | 1;
        }
        return SALTS.nextLong() | 1;
    }

    /**
     * Refuses a bot whose provider needs a capability that neither the market data nor the executor supplies, before
     * anything of the bot is read or created.
     */
    private void refuseUnmetNeeds(BotId botId, RegisteredProvider provider) {
        Set<Capability> missing = Capability.missing(provider.provider().capabilities(), supplied);
        if (!missing.isEmpty()) {
            throw new InvalidBotSpecException(
                    botId,
                    "strategy '" + provider.id() + "' needs " + Capability.names(missing)
                            + ", which this engine does not supply (its market data supplies "
                            + listed(settings.marketData().capabilities()) + ", its executor "
                            + listed(settings.swapExecutor().capabilities())
                            + ")");
        }
    }

    private static String listed(Collection<String> capabilities) {
        return capabilities.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String configHash(String strategyId, Object config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((strategyId + "\n" + config).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
