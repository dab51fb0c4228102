package io.solbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> waits = new ArrayList<>();

    @Test
    void shouldSpaceCallsOneIntervalApartAndLetAnIdleLimiterGoAtOnce() throws Exception {
        RateLimiter limiter = new RateLimiter(2, now::get, waits::add);

        limiter.acquire();
        limiter.acquire();
        limiter.acquire();
        now.addAndGet(600_000_000L);
        limiter.acquire();
        now.addAndGet(5_000_000_000L);
        limiter.acquire();

        // slots at 0, 500, 1000 ms; at 600 ms the next is 1500 ms (900 ms away); long idle: no wait
        assertThat(waits).containsExactly(500_000_000L, 1_000_000_000L, 900_000_000L);
    }

    @Test
    void shouldShareOneLimiterPerQuotaAndOnlyEverLowerItsRate() throws Exception {
        RateLimiter first = RateLimiter.shared("test-quota-a", 10);
        RateLimiter second = RateLimiter.shared("test-quota-a", 5);
        RateLimiter third = RateLimiter.shared("test-quota-a", 50);

        assertThat(second).isSameAs(first).isSameAs(third);
        assertThat(RateLimiter.shared("test-quota-b", 10)).isNotSameAs(first);
        RateLimiter fake = new RateLimiter(10, now::get, waits::add);
        fake.lowerTo(5);
        fake.lowerTo(50);
        fake.acquire();
        fake.acquire();
        assertThat(waits).containsExactly(200_000_000L);
    }

    @Test
    void shouldRefuseARateThatIsNotPositive() {
        assertThatThrownBy(() -> RateLimiter.perSecond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests per second must be positive, but was 0.0");
    }
}
