package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.Owner;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.BotClaimedException;
import io.solbot.core.store.InMemoryJournal;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.UnreadableJournalEntryException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One owner per bot: the engine claims a bot in its journal before it reads it, and gives the claim up when done. */
class OwnershipTest {
    private static final BotId BOT = BotId.of("owned");

    /** A journal that hands out claims and remembers who asked for what, in order. */
    static final class ClaimingJournal implements Journal {
        private final InMemoryJournal entries = new InMemoryJournal();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<BotId> claimed = ConcurrentHashMap.newKeySet();
        volatile String otherOwner;
        volatile boolean unreadable;

        @Override
        public void claim(BotId botId) {
            calls.add("claim " + botId);
            if (otherOwner != null) {
                throw new BotClaimedException(botId, otherOwner, "Bot '" + botId + "' is claimed by " + otherOwner);
            }
            claimed.add(botId);
        }

        @Override
        public void release(BotId botId) {
            calls.add("release " + botId);
            claimed.remove(botId);
        }

        @Override
        public Optional<JournalEntry> load(BotId botId) {
            calls.add("load " + botId);
            if (unreadable) {
                throw new UnreadableJournalEntryException(
                        botId,
                        "runtime/owned.json cannot be read: not whole JSON; check it, then move it aside with"
                                + " LockfileJournal.discard",
                        new IllegalStateException("truncated"));
            }
            return entries.load(botId);
        }

        @Override
        public void save(JournalEntry entry) {
            entries.save(entry);
        }

        @Override
        public void delete(BotId botId) {
            entries.delete(botId);
        }

        @Override
        public List<JournalEntry> entries() {
            return entries.entries();
        }
    }

    private static Scripted.Fixture engineOn(ClaimingJournal journal) {
        return new Scripted.Fixture(SimulatedClock.startingAt(Scripted.T0), b -> b.journal(journal));
    }

    @Test
    void shouldClaimABotBeforeReadingItsEntryAndGiveTheClaimUpWhenItStopsForGood() {
        ClaimingJournal journal = new ClaimingJournal();
        try (Scripted.Fixture f = engineOn(journal)) {
            f.engine.start(spec("owned", Scripted::idle).build());
            assertThat(journal.calls).startsWith("claim owned", "load owned");
            assertThat(journal.claimed).containsExactly(BOT);

            f.engine.stop(BOT);
            assertThat(journal.claimed).isEmpty();

            // a restart of a stopped bot takes the claim again before it acts
            f.engine.restart(BOT);
            assertThat(journal.claimed).containsExactly(BOT);
        }
    }

    @Test
    void shouldRefuseABotAnotherProcessHoldsAndLeaveNothingOfItBehind() {
        ClaimingJournal journal = new ClaimingJournal();
        journal.otherOwner = "4711@other-host#0123456789ab";
        try (Scripted.Fixture f = engineOn(journal)) {
            assertThatThrownBy(
                            () -> f.engine.start(spec("owned", Scripted::idle).build()))
                    .isInstanceOf(BotClaimedException.class)
                    .hasMessageContaining("4711@other-host#0123456789ab");
            assertThat(journal.calls).containsExactly("claim owned");
            assertThat(f.engine.statuses()).isEmpty();
        }
    }

    @Test
    void shouldRefuseABotWhoseEntryCannotBeReadSayingWhatToDoAndReleaseItsClaim() {
        ClaimingJournal journal = new ClaimingJournal();
        journal.unreadable = true;
        try (Scripted.Fixture f = engineOn(journal)) {
            assertThatThrownBy(
                            () -> f.engine.recover(spec("owned", Scripted::idle).build()))
                    .isInstanceOf(SolbotException.class)
                    .hasMessage("Bot 'owned' could not be started: runtime/owned.json cannot be read: not whole JSON;"
                            + " check it, then move it aside with LockfileJournal.discard");
            assertThat(journal.claimed).isEmpty();
            assertThat(f.engine.statuses()).isEmpty();
        }
    }

    @Test
    void shouldKeepTheClaimOfABotRecoveredRunningAndGiveUpThatOfOneRecoveredStopped() {
        ClaimingJournal journal = new ClaimingJournal();
        journal.save(new JournalEntry(
                BotId.of("paused"),
                "scripted",
                RunStatus.PAUSED,
                "h",
                "1@gone",
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Scripted.T0));
        journal.save(new JournalEntry(
                BotId.of("stopped"),
                "scripted",
                RunStatus.FAILED,
                "h",
                "1@gone",
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Scripted.T0));
        try (Scripted.Fixture f = engineOn(journal)) {
            f.engine.recover(spec("paused", Scripted::idle).build());
            f.engine.recover(spec("stopped", Scripted::idle).build());
            assertThat(journal.claimed).containsExactly(BotId.of("paused"));
        }
    }

    @Test
    void shouldTellALiveOwnerElsewhereFromThisProcessAndFromOwnersThatAreGone() {
        Owner me = Owner.thisProcess();
        assertThat(Owners.isAliveElsewhere(me.toString())).as("this process").isFalse();
        assertThat(Owners.isAliveElsewhere(me.pid() + "@" + me.host()))
                .as("this pid, before boots")
                .isFalse();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(Owners.isAliveElsewhere(parent + "@" + me.host() + "#0123456789ab"))
                .as("a live process on this host")
                .isTrue();
        // the same pid as this process but another boot: a dead process whose pid this one reuses (pid 1 again)
        assertThat(Owners.isAliveElsewhere(me.pid() + "@" + me.host() + "#000000000000"))
                .as("an earlier boot of this pid")
                .isFalse();
        assertThat(Owners.isAliveElsewhere(parent + "@another-host#0123456789ab"))
                .as("another host")
                .isFalse();
        assertThat(Owners.isAliveElsewhere("not an owner")).isFalse();
    }
}
