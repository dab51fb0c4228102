package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void shouldHideUserInfoAndSecretValuesButKeepTheRest() {
        assertThat(Redaction.redact("GET https://user:pa55@mainnet.helius-rpc.com/?api-key=k-123&commitment=confirmed"))
                .isEqualTo("GET https://***@mainnet.helius-rpc.com/?api-key=***&commitment=confirmed");
        assertThat(Redaction.redact("wss://relay.example/ws?token=abc, apiKey: xyz; Authorization: Bearer eyJh.x.y"))
                .isEqualTo("wss://relay.example/ws?token=***, apiKey: ***; Authorization: ***");
        assertThat(Redaction.redact("password=hunter2 PWD=x secret = y"))
                .isEqualTo("password=*** PWD=*** secret = ***");
        assertThat(Redaction.redact("blockhash expired at slot 123")).isEqualTo("blockhash expired at slot 123");
        assertThat(Redaction.redact((String) null)).isNull();
    }

    @Test
    void shouldCopyAThrowableWithItsStackAndCausesRedacted() {
        IOException cause = new IOException("connect to https://u:p@h/x?api_key=q failed");
        IllegalStateException thrown = new IllegalStateException("send failed, token=t0k", cause);

        Throwable copy = Redaction.redact(thrown);

        assertThat(copy.getMessage()).isEqualTo("java.lang.IllegalStateException: send failed, token=***");
        assertThat(copy.getStackTrace()).isEqualTo(thrown.getStackTrace());
        assertThat(copy.getCause().getMessage())
                .isEqualTo("java.io.IOException: connect to https://***@h/x?api_key=*** failed");
        assertThat(copy.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(copy.getCause().getCause()).isNull();
        assertThat(Redaction.describe(new IllegalArgumentException())).isEqualTo("java.lang.IllegalArgumentException");
    }
}
