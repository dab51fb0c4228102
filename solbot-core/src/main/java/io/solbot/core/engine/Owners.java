package io.solbot.core.engine;

import io.solbot.core.Owner;
import java.util.Optional;

/** Tells whether the owner of a journal entry is a process that still runs, other than this one. */
final class Owners {
    private Owners() {}

    /**
     * True if {@code owner} names a live process on this host other than this one. An owner with this process's pid
     * (this process, or a dead one whose pid it reuses), on another host, in another format, or naming a process that
     * is gone, is not alive elsewhere: its entries may be recovered.
     */
    static boolean isAliveElsewhere(String owner) {
        Optional<Owner> parsed = Owner.parse(owner);
        if (parsed.isEmpty()) {
            return false;
        }
        Owner them = parsed.get();
        Owner me = Owner.thisProcess();
        if (!them.host().equals(me.host()) && !them.host().equals("localhost")) {
            return false;
        }
        if (them.pid() == me.pid()) {
            // this process, or one before it that had this pid (its boot differs): the pid alive here is ours, and
            // the file lock (Journal.claim) tells two processes of one pid in two containers apart
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(them.pid());
        return process.isPresent() && process.get().isAlive();
    }
}
