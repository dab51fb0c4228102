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
        assertThat(refusal("--node-id", "node-a")).contains("--node-id and --import-lockfiles need --cluster");
    }
}
