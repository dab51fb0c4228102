package io.solbot.core.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A server on 127.0.0.1 that passes every POST on to another loopback server and its answer back, recording what went
 * through: a Jito block engine's {@code sendTransaction} endpoint in front of a {@link FakeSolanaRpc}, for example.
 */
public final class RelayServer extends LoopbackServer {
    private final URI target;
    private final HttpClient client = HttpClient.newHttpClient();

    public RelayServer(URI target) {
        this.target = target;
    }

    @Override
    protected Answer answer(Request request) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(target)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(502, "relay failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "interrupted");
        }
    }
}
