package io.solbot.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.OrderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveJournalTest {
    private static final String SIGNATURE =
            "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";

    @TempDir
    Path dir;

    @Test
    void shouldJournalOneOfManyOrdersRacingWithTheSameTransaction() throws Exception {
        int orders = 16;
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.jsonl"));
                ExecutorService threads = Executors.newFixedThreadPool(orders)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                LiveJournal.Line attempt = attempt("o-" + i);
                results.add(threads.submit(() -> {
                    start.await();
                    return journal.appendAttemptIfNew(attempt);
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            List<String> twins = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                Optional<String> twin = results.get(i).get();
                if (twin.isEmpty()) {
                    winners.add("o-" + i);
                } else {
                    twins.add(twin.get());
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(twins).hasSize(orders - 1).containsOnly(winners.getFirst());
            assertThat(Files.readAllLines(dir.resolve("live.jsonl")))
                    .singleElement()
                    .asString()
                    .contains("\"orderId\":\"" + winners.getFirst() + "\"");
        }
    }

    @Test
    void shouldKnowAJournalledSignatureAfterARestart() {
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.jsonl"))) {
            assertThat(journal.appendAttemptIfNew(attempt("o-1"))).isEmpty();
        }
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.jsonl"))) {
            assertThat(journal.appendAttemptIfNew(attempt("o-2"))).contains("o-1");
            assertThat(journal.order(OrderId.of("o-2"))).isEmpty();
        }
    }

    private static LiveJournal.Line attempt(String order) {
        return LiveJournal.Line.attempt(
                OrderId.of(order),
                1,
                SIGNATURE,
                "4uQeVj5tqViQh7yWWGStvkEG1Zmhx6uasJtWCJziofM",
                350,
                "So11111111111111111111111111111111111111112",
                "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263",
                "1000000000",
                "40000000000",
                "39600000000");
    }
}
