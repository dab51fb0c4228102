package io.solbot.core.event;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Fans items out to many clients, such as the WebSocket connections of a status page, each through a bounded buffer of
 * its own. Publishing ({@link #accept}) never blocks and never waits for a client: a client whose buffer is full is
 * dropped, told why once, and sent nothing more, so one slow client costs neither the publisher nor the other clients.
 * Subscribe a feed to an engine with {@code engine.subscribe(event -> feed.accept(frameOf(event)))}, making each frame
 * once for all clients.
 *
 * <p>Each client is sent one item at a time, in publication order: the next once its {@link Sender} reports the last
 * one on its way. So a client's items wait in its own buffer, never in an unbounded queue of the transport.
 *
 * <p>Thread-safe: {@link #accept} may be called from any thread (for one publisher, items reach each client in the
 * order of the calls), and a sender's completions from any thread.
 *
 * @param <T> the items, immutable
 */
public final class EventFeed<T> implements Consumer<T> {
    /** How a feed reaches one client. */
    public interface Sender<T> {
        /**
         * Starts sending {@code item}, and calls {@code sent} once it is on its way (on any thread, within this call
         * or later); the feed sends nothing else to this client until then. Must not block.
         */
        void send(T item, Runnable sent);

        /**
         * The client fell behind (or was disconnected): close its connection, saying {@code reason}. Called at most
         * once, never during {@link #send}'s own call, and {@link #send} is never called after it.
         */
        void dropped(String reason);
    }

    private final int capacity;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    // counted by every client's sender thread at once: striped, not one contended atomic
    private final LongAdder sent = new LongAdder();

    /**
     * @param capacity how many items a client may fall behind before it is dropped, at least 1
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public EventFeed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a client: it gets every item published from now on, until it is dropped or closed. */
    public Client connect(Sender<T> sender) {
        Client client = new Client(Objects.requireNonNull(sender, "sender"));
        clients.add(client);
        return client;
    }

    /** Publishes {@code item} to every client; never blocks. */
    @Override
    public void accept(T item) {
        Objects.requireNonNull(item, "item");
        for (Client client : clients) {
            client.offer(item);
        }
    }

    /** The clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** How many clients were dropped for falling behind, since the feed was made. */
    public long droppedClients() {
        return dropped.get();
    }

    /**
     * How many items were handed to the clients' senders, summed over the clients, since the feed was made: set
     * against the items published times the clients, it says how much of the feed the clients took.
     */
    public long itemsSent() {
        return sent.sum();
    }

    /** One client of the feed. {@link #close()} disconnects it (its sender is not told). */
    public final class Client implements AutoCloseable {
        private final Sender<T> sender;
        private final ArrayDeque<T> buffer = new ArrayDeque<>();
        private boolean sending;
        private boolean closed;

        private Client(Sender<T> sender) {
            this.sender = sender;
        }

        private void offer(T item) {
            boolean drop = false;
            boolean start = false;
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (buffer.size() >= capacity) {
                    closed = true;
                    buffer.clear();
                    drop = true;
                } else {
                    buffer.add(item);
                    start = !sending;
                    sending = true;
                }
            }
            if (drop) {
                clients.remove(this);
                dropped.incrementAndGet();
                sender.dropped("this client fell " + capacity + " items behind the feed and was dropped");
            } else if (start) {
                pump();
            }
        }

        /**
         * Sends the buffer's items one after the other while the sender completes them within its call; otherwise its
         * completion, later, carries on. Whoever of the two comes second continues, so there is one sender at a time
         * and no recursion however many items a synchronous sender completes.
         */
        private void pump() {
            while (true) {
                T next;
                synchronized (this) {
                    next = closed ? null : buffer.poll();
                    if (next == null) {
                        sending = false;
                        return;
                    }
                }
                AtomicInteger rendezvous = new AtomicInteger();
                sent.increment();
                sender.send(next, () -> {
                    if (rendezvous.getAndIncrement() == 1) {
                        pump();
                    }
                });
                if (rendezvous.getAndIncrement() == 0) {
                    return;
                }
            }
        }

        /** How many items wait to be sent to it. */
        public synchronized int backlog() {
            return buffer.size();
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                buffer.clear();
            }
            clients.remove(this);
        }
    }
}
