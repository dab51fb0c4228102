package io.solbot.core.execution;

import io.solbot.core.SolbotException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The execution log's lock ({@code <name>.lock}): one executor at a time writes a log. */
final class LogLock {
    private LogLock() {}

    /**
     * Opens {@code lockFile} and takes its lock; the channel holds it until closed.
     *
     * @throws SolbotException if another process, or another log in this one, holds it
     */
    static FileChannel take(ExecutionLog.Opener opener, Path lockFile, Path file) throws IOException {
        FileChannel ch = opener.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new SolbotException("The paper execution log " + file + " is in use by another executor (it holds "
                    + lockFile + "); two executors on one log would write over each other's lines");
        }
        return ch;
    }
}
