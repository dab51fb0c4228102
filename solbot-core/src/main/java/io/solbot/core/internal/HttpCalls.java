package io.solbot.core.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls to one remote JSON service over {@code java.net.http}: each attempt waits for the service's shared
 * {@link RateLimiter}, has a timeout, and is retried with exponential backoff when the service answers 429 or 5xx, or
 * does not answer in time. The caller reads any other status itself (4xx bodies carry the service's error).
 *
 * <p>Only idempotent requests are retried: a retried request may have reached the service the first time. Others go
 * through {@link #callOnce}.
 *
 * <p>Thread-safe.
 */
public final class HttpCalls {
    /**
     * @param timeout how long one attempt may take, connecting included
     * @param maxAttempts attempts in all, at least 1
     * @param backoff the wait after the first failed attempt; doubled after each further one, up to {@code maxBackoff}
     * @param maxBackoff the longest wait between attempts, also the most a {@code Retry-After} header is obeyed
     */
    public record Settings(Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff) {
        public Settings {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
            }
            if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
                throw new IllegalArgumentException(
                        "backoff must be between 0 and maxBackoff, but was " + backoff + " and " + maxBackoff);
            }
        }
    }

    /** An answer the caller reads: any status but 429 and 5xx (or those too, once the attempts are spent). */
    public record Reply(int status, String body) {}

    /** Why the attempts ran out. */
    public enum FailureKind {
        RATE_LIMITED,
        SERVER_ERROR,
        TIMEOUT,
        UNREACHABLE,
        INTERRUPTED
    }

    /** Every attempt failed; the message says how the last one did and how many there were. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        Failure(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public FailureKind kind() {
            return kind;
        }
    }

    private final HttpClient client;
    private final RateLimiter limiter;
    private final Settings settings;

    public HttpCalls(HttpClient client, RateLimiter limiter, Settings settings) {
        this.client = Objects.requireNonNull(client);
        this.limiter = Objects.requireNonNull(limiter);
        this.settings = Objects.requireNonNull(settings);
    }

    /** A client with no redirects (an API that redirects is misconfigured) and the settings' connect timeout. */
    public static HttpClient client(Settings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends {@code request} (its timeout set here) until it gets an answer other than 429 or 5xx.
     *
     * @param what names the call in messages, for example {@code "Jupiter GET /swap/v1/quote"}; never holds a secret
     * @throws Failure when the attempts are spent or the thread is interrupted
     */
    public Reply call(HttpRequest.Builder request, String what) {
        return call(request, what, settings.maxAttempts());
    }

    /**
     * Sends {@code request} once: for a request that is not safe to repeat blindly, whose caller decides after a
     * failure what to do (a failed attempt may still have reached the service).
     *
     * @throws Failure when the attempt fails (429, 5xx, no answer in time, no connection) or the thread is interrupted
     */
    public Reply callOnce(HttpRequest.Builder request, String what) {
        return call(request, what, 1);
    }

    private Reply call(HttpRequest.Builder request, String what, int maxAttempts) {
        HttpRequest built = request.timeout(settings.timeout()).build();
        String last = "";
        FailureKind lastKind = FailureKind.UNREACHABLE;
        Duration wait = settings.backoff();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration retryAfter = Duration.ZERO;
            try {
                limiter.acquire();
                HttpResponse<String> response =
                        client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return new Reply(status, response.body());
                }
                lastKind = status == 429 ? FailureKind.RATE_LIMITED : FailureKind.SERVER_ERROR;
                last = "HTTP " + status + " " + Json.show(response.body());
                retryAfter = retryAfter(response).orElse(Duration.ZERO);
            } catch (HttpTimeoutException e) {
                lastKind = FailureKind.TIMEOUT;
                last = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                lastKind = FailureKind.UNREACHABLE;
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(FailureKind.INTERRUPTED, what + ": interrupted");
            }
            if (attempt < maxAttempts) {
                Duration pause = retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
                pause = pause.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : pause;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure(FailureKind.INTERRUPTED, what + ": interrupted");
                }
                wait = wait.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff()
                        : wait.multipliedBy(2);
            }
        }
        throw new Failure(
                lastKind, what + ": " + last + " (" + maxAttempts + (maxAttempts == 1 ? " attempt)" : " attempts)"));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
