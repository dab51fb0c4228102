package io.solbot.launcher.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The operator API's status page: two static files (plain HTML and JavaScript over the API's routes and feed), served
 * without the token since they hold no secret; the script asks for the token and sends it with each call.
 *
 * <p>Threading: stateless; read once when the class loads.
 */
final class StatusPage {
    /** The paths of the page's files, which need no token. */
    static final String INDEX_PATH = "/";

    static final String SCRIPT_PATH = "/status-page.js";

    private static final byte[] INDEX = resource("status-page/index.html");
    private static final byte[] SCRIPT = resource("status-page/status-page.js");
    // the page loads its own script and style and talks to its own origin only; no page may frame it
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline';"
            + " connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private StatusPage() {}

    static void index(Context ctx) {
        send(ctx, INDEX, "text/html; charset=utf-8");
    }

    static void script(Context ctx) {
        send(ctx, SCRIPT, "text/javascript; charset=utf-8");
    }

    private static void send(Context ctx, byte[] content, String type) {
        ctx.status(200)
                .contentType(type)
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .result(content);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the launcher's jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
