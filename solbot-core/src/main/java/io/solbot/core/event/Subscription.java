package io.solbot.core.event;

/** A subscriber's registration with an engine's events; {@link #close()} ends it. Thread-safe; closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    /** Stops delivery to the subscriber; events already queued for it may still arrive. */
    @Override
    void close();
}
