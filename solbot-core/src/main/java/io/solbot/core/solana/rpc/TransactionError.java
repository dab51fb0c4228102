package io.solbot.core.solana.rpc;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a transaction failed on chain, as the node reports its {@code err}: a name ({@code "BlockhashNotFound"}) or an
 * object ({@code {"InstructionError":[0,{"Custom":6001}]}}), kept as the node's JSON text.
 *
 * @param json the {@code err} value as JSON text
 */
public record TransactionError(String json) {
    private static final Pattern CUSTOM = Pattern.compile("\"Custom\"\\s*:\\s*(\\d+)");

    /** The program's custom error code, if the failure is {@code InstructionError [i, {Custom: n}]}. */
    public OptionalLong customCode() {
        Matcher m = CUSTOM.matcher(json);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return json;
    }
}
