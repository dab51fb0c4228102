package io.solbot.core;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that runs a bot, as journal entries and lock files name it: {@code pid@host#boot}. The boot is drawn at
 * random once per process start, so that two processes that share a pid and a host name (pid 1 in two containers, a
 * pid reused after a restart) never share a name, and a process knows its own entries from theirs.
 *
 * @param pid the process id
 * @param host the host name (without '@' or '#')
 * @param boot 12 hex digits drawn at the process start; empty for an owner written as {@code pid@host}, before boots
 *     were named
 */
public record Owner(long pid, String host, String boot) {
    private static final Pattern FORMAT = Pattern.compile("([0-9]+)@([^@#]+)(?:#([0-9a-f]{12}))?");
    private static final Owner THIS_PROCESS = new Owner(ProcessHandle.current().pid(), hostName(), newBoot());

    public Owner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(boot, "boot");
        if (host.isEmpty() || host.contains("@") || host.contains("#")) {
            throw new IllegalArgumentException("'" + host + "' is not a host name");
        }
    }

    /** This process: its pid, its host's name, and the boot it drew when it started (the same for every call). */
    public static Owner thisProcess() {
        return THIS_PROCESS;
    }

    /** The owner {@code text} names ({@code pid@host#boot}, or {@code pid@host}), or empty if it names none. */
    public static Optional<Owner> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Owner(Long.parseLong(m.group(1)), m.group(2), Objects.requireNonNullElse(m.group(3), "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code pid@host#boot}, or {@code pid@host} without a boot. */
    @Override
    public String toString() {
        return boot.isEmpty() ? pid + "@" + host : pid + "@" + host + "#" + boot;
    }

    private static String newBoot() {
        byte[] boot = new byte[6];
        new SecureRandom().nextBytes(boot);
        return HexFormat.of().formatHex(boot);
    }

    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            name = System.getenv("HOSTNAME");
        }
        return name == null || name.isBlank() || name.contains("@") || name.contains("#") ? "localhost" : name;
    }
}
