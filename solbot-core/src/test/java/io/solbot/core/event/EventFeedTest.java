package io.solbot.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventFeedTest {
    /** A client that completes each send at once, within the call. */
    private static final class Fast implements EventFeed.Sender<Integer> {
        final List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        final List<String> dropped = new ArrayList<>();

        @Override
        public void send(Integer item, Runnable sent) {
            received.add(item);
            sent.run();
        }

        @Override
        public void dropped(String reason) {
            dropped.add(reason);
        }
    }

    /** A client whose sends complete only when the test says: a socket whose peer stopped reading. */
    private static final class Stalled implements EventFeed.Sender<Integer> {
        final List<Integer> started = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();

        @Override
        public void send(Integer item, Runnable sent) {
            started.add(item);
            pending.add(sent);
        }

        @Override
        public void dropped(String reason) {
            dropped.add(reason);
        }

        void completeOldest() {
            pending.removeFirst().run();
        }
    }

    @Test
    void shouldDeliverEveryItemInOrderToAClientThatKeepsUp() {
        EventFeed<Integer> feed = new EventFeed<>(4);
        Fast fast = new Fast();
        feed.connect(fast);

        // 100,000 items through a buffer of 4, each completed within its send: no recursion, no drop
        IntStream.range(0, 100_000).forEach(feed::accept);

        assertThat(fast.received).hasSize(100_000).startsWith(0, 1, 2).endsWith(99_999);
        assertThat(fast.received).isSorted();
        assertThat(fast.dropped).isEmpty();
        assertThat(feed.droppedClients()).isZero();
        assertThat(feed.itemsSent()).isEqualTo(100_000);
    }

    @Test
    void shouldSendOneItemAtATimeAndTheNextWhenTheLastIsOnItsWay() {
        EventFeed<Integer> feed = new EventFeed<>(10);
        Stalled client = new Stalled();
        EventFeed<Integer>.Client handle = feed.connect(client);

        feed.accept(1);
        feed.accept(2);
        feed.accept(3);

        assertThat(client.started).containsExactly(1);
        assertThat(handle.backlog()).isEqualTo(2);
        client.completeOldest();
        assertThat(client.started).containsExactly(1, 2);
        client.completeOldest();
        client.completeOldest();
        assertThat(client.started).containsExactly(1, 2, 3);
        assertThat(handle.backlog()).isZero();
        feed.accept(4);
        assertThat(client.started).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldDropASlowClientOnceItsBufferIsFullAndKeepServingTheOthers() {
        EventFeed<Integer> feed = new EventFeed<>(3);
        Stalled slow = new Stalled();
        Fast fast = new Fast();
        feed.connect(slow);
        feed.connect(fast);

        // the slow one holds item 0 in flight and buffers 1, 2, 3; item 4 finds its buffer full
        for (int i = 0; i < 10; i++) {
            feed.accept(i);
        }

        assertThat(slow.started).containsExactly(0);
        assertThat(slow.dropped).containsExactly("this client fell 3 items behind the feed and was dropped");
        assertThat(fast.received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(feed.clients()).isEqualTo(1);
        assertThat(feed.droppedClients()).isEqualTo(1);
        // its last send completing late starts nothing more
        slow.completeOldest();
        assertThat(slow.started).containsExactly(0);
        // the slow client's one item and the fast one's ten
        assertThat(feed.itemsSent()).isEqualTo(11);
    }

    @Test
    void shouldSendNothingToAClosedClientAndNotTellIt() {
        EventFeed<Integer> feed = new EventFeed<>(2);
        Fast fast = new Fast();
        EventFeed<Integer>.Client handle = feed.connect(fast);
        feed.accept(1);

        handle.close();
        feed.accept(2);

        assertThat(fast.received).containsExactly(1);
        assertThat(fast.dropped).isEmpty();
        assertThat(feed.clients()).isZero();
    }

    @Test
    void shouldRefuseACapacityBelowOne() {
        assertThatThrownBy(() -> new EventFeed<>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 1, but was 0");
    }
}
