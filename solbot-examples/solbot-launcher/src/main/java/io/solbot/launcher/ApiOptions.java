package io.solbot.launcher;

import io.solbot.launcher.api.ApiToken;
import io.solbot.launcher.api.OperatorApi;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where {@code run} serves the operator API and status page: 127.0.0.1 and port 7070 unless told otherwise, with the
 * token of {@value ApiToken#VARIABLE} or one generated for the run and printed once at start.
 */
final class ApiOptions {
    @Option(
            names = "--api-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address the operator API and status page listen on (default: ${DEFAULT-VALUE}; every route"
                    + " but /health needs the token, so think twice before 0.0.0.0).")
    String host;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            defaultValue = "7070",
            description = "Port of the operator API and status page (default: ${DEFAULT-VALUE}; 0 for a free one).")
    int port;

    @Option(names = "--no-api", description = "Serve no operator API or status page.")
    boolean disabled;

    /**
     * The token requests must carry, read before anything starts.
     *
     * @throws CommandLine.ParameterException (exit code 2) if {@value ApiToken#VARIABLE} is set to a weak token
     */
    ApiToken token(CommandLine cli) {
        try {
            return ApiToken.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /**
     * Starts {@code api} and says where it listens; a port that cannot be bound is a warning, not a reason to leave
     * the bots stopped.
     *
     * @return whether it serves
     */
    boolean start(OperatorApi api, ApiToken token, PrintWriter out, PrintWriter err) {
        int bound;
        try {
            bound = api.start(host, port);
        } catch (RuntimeException e) {
            err.println("warning: the operator API could not listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); the bots run without it (--api-port PORT for another port, --no-api to not try)");
            err.flush();
            return false;
        }
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound;
        if (token.generated()) {
            out.println("Status page: " + base + "/#token=" + token.reveal());
            out.println("Operator API: " + base + "/api/... with Authorization: Bearer <token>; the token was generated"
                    + " for this run (set " + ApiToken.VARIABLE + " to choose one): " + token.reveal());
        } else {
            out.println("Status page: " + base + "/ (the token is the one in " + ApiToken.VARIABLE + ")");
            out.println("Operator API: " + base + "/api/... with Authorization: Bearer <token>");
        }
        out.flush();
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
