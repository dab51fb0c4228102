package io.solbot.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What code prints the first time it runs in a JVM, as an embedder would see it on the console.
 *
 * <p>Libraries print banners and version lines once per class loader, from static initialisers, so a test that runs
 * after others in the same JVM would see nothing whatever the code does. {@link #output} therefore loads the task in
 * a class loader of its own over this JVM's class path (every library class, slf4j's binding included, is loaded and
 * initialised afresh; only the JDK is shared), makes it the thread's context class loader, and returns everything
 * that reached {@code System.out}, {@code System.err} or the root {@code java.util.logging} logger meanwhile. Not
 * thread-safe: it replaces {@code System.out} and {@code System.err} while the task runs, so no other test may run at
 * the same time.
 */
public final class FirstUse {
    private FirstUse() {}

    /**
     * Runs {@code task} in a fresh class loader and returns what it printed or logged.
     *
     * @param task a public class with a public no-argument constructor; it is loaded by name, never from the caller's
     *     class loader
     * @param argument passed to the task
     * @return the lines written to {@code System.out} and {@code System.err}, then the records that reached the root
     *     {@code java.util.logging} logger, each as "LEVEL: message"
     */
    public static String output(Class<? extends Consumer<String>> task, String argument) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> logged = new ArrayList<>();
        Handler recorder = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record.getLevel() + ": " + formatter.formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (URLClassLoader loader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
                PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            root.addHandler(recorder);
            System.setOut(capture);
            System.setErr(capture);
            run(loader, task.getName(), argument);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(recorder);
        }
        StringBuilder all = new StringBuilder(printed.toString(StandardCharsets.UTF_8));
        synchronized (logged) {
            logged.forEach(line -> all.append(line).append('\n'));
        }
        return all.toString();
    }

    @SuppressWarnings("unchecked")
    private static void run(ClassLoader loader, String task, String argument) {
        // as in an embedder's JVM, where the libraries' loader is also the context loader (Flyway and JDBC use it)
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Consumer<String> instance =
                    (Consumer<String>) loader.loadClass(task).getConstructor().newInstance();
            instance.accept(argument);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(task + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(task + " is not a public class with a public no-argument constructor", e);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private static URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("class path entry " + entry, e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
