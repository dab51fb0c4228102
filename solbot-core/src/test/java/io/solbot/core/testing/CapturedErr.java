package io.solbot.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to {@code System.err} (where the tests' slf4j-simple logs go) while it is open, so that a
 * test can read the log lines and the console stays quiet. Not for tests that run in parallel.
 *
 * <pre>{@code
 * try (CapturedErr err = CapturedErr.start()) {
 *     ...
 *     assertThat(err.text()).contains("WARN");
 * }
 * }</pre>
 */
public final class CapturedErr implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private CapturedErr() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    public static CapturedErr start() {
        return new CapturedErr();
    }

    /** Everything written so far. */
    public String text() {
        System.err.flush();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
