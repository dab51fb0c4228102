package io.solbot.core.engine;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** Tells whether the owner of a journal entry ({@code pid@host}) is a process that still runs, other than this one. */
final class Owners {
    private Owners() {}

    /**
     * True if {@code owner} names a live process on this host other than the current one. An owner on another host,
     * in another format, or naming a process that is gone, is not alive: its entries may be recovered.
     */
    static boolean isAliveElsewhere(String owner, String ownOwner) {
        int at = owner.indexOf('@');
        if (at <= 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, at));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid() || !isThisHost(owner.substring(at + 1), ownOwner)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }

    private static boolean isThisHost(String host, String ownOwner) {
        int at = ownOwner.indexOf('@');
        if (at >= 0 && host.equals(ownOwner.substring(at + 1))) {
            return true;
        }
        if (host.equals("localhost") || host.equals(System.getenv("HOSTNAME"))) {
            return true;
        }
        try {
            return Objects.equals(host, InetAddress.getLocalHost().getHostName());
        } catch (Exception e) {
            return false;
        }
    }
}
