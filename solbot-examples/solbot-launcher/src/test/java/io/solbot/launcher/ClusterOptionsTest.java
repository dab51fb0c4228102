package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --cluster}: options a node needs are checked before anything starts, each refusal naming the option. */
class ClusterOptionsTest {
    @TempDir
    Path tmp;

    private String refusal(String... more) throws IOException {
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), "bots: []\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[more.length + 5];
        args[0] = "run";
        args[1] = "--config";
        args[2] = bots.toString();
        args[3] = "--runtime";
        args[4] = tmp.resolve("runtime").toString();
        System.arraycopy(more, 0, args, 5, more.length);
        assertThat(cli.execute(args)).as(err.toString()).isEqualTo(2);
        return err.toString();
    }

    @Test
    void shouldRefuseANodeWithoutItsIdOrAShareableDatabase() throws IOException {
        assertThat(refusal("--cluster", "--db-url", "jdbc:postgresql://127.0.0.1:1/x"))
                .contains("--cluster needs --node-id ID");
        assertThat(refusal("--cluster", "--node-id", "node-a"))
                .contains("--cluster needs --jdbc-url (or --db-url): the nodes of a cluster share one PostgreSQL");
        assertThat(refusal("--cluster", "--node-id", "node a", "--db-url", "jdbc:postgresql://127.0.0.1:1/x"))
                .contains("--node-id must be 1 to 64 letters, digits or . _ : -, but was 'node a'");
        assertThat(refusal("--node-id", "node-a"))
                .contains("--node-id, --import-lockfiles, --cluster-slice and --cluster-heartbeat need --cluster");
        assertThat(refusal("--cluster-slice", "1m"))
                .contains("--node-id, --import-lockfiles, --cluster-slice and --cluster-heartbeat need --cluster");
    }

    @Test
    void shouldRefuseASliceOrHeartbeatANodeCannotKeep() throws IOException {
        String[] node = {"--cluster", "--node-id", "node-a", "--db-url", "jdbc:postgresql://127.0.0.1:1/x"};
        assertThat(refusal(with(node, "--cluster-heartbeat", "soon")))
                .contains("--cluster-heartbeat must be a whole number with a unit (ms, s, m, h), such as 30s,"
                        + " but was 'soon'");
        assertThat(refusal(with(node, "--cluster-heartbeat", "50ms")))
                .contains("--cluster-heartbeat must be between 100ms and 30s, but was '50ms'");
        assertThat(refusal(with(node, "--cluster-heartbeat", "1m")))
                .contains("--cluster-heartbeat must be between 100ms and 30s, but was '1m'");
        assertThat(refusal(with(node, "--cluster-slice", "0s"))).contains("--cluster-slice must be greater than zero");
        // a slice must outlast the time the other nodes wait before they take a silent node's bots over
        assertThat(refusal(with(node, "--cluster-slice", "3s")))
                .contains("--cluster-slice must be at least 4 heartbeats (4s), but was '3s'");
        assertThat(refusal(with(node, "--cluster-slice", "10s", "--cluster-heartbeat", "3s")))
                .contains("--cluster-slice must be at least 4 heartbeats (12s), but was '10s'");
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
