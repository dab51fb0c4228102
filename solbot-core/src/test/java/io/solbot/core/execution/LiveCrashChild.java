package io.solbot.core.execution;

import java.net.URI;
import java.nio.file.Path;

/**
 * A process that executes one live buy against the given fakes and journal, for {@link LiveCrashTest}: it runs with
 * a crash point armed and dies there. Arguments: Jupiter URI, RPC URI, journal file, order id.
 */
public final class LiveCrashChild {
    private LiveCrashChild() {}

    public static void main(String[] args) {
        try (LiveExecutor executor = LiveFixture.executor(URI.create(args[0]), URI.create(args[1]), Path.of(args[2]))
                .build()) {
            SwapOutcome outcome = executor.execute(LiveFixture.buy(args[3], 1_000_000_000L));
            System.out.println("outcome " + outcome);
        }
        System.exit(0);
    }
}
