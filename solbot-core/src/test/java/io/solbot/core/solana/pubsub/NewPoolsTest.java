package io.solbot.core.solana.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.TransactionError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewPoolsTest {
    private static final String ATA = Address.ASSOCIATED_TOKEN_PROGRAM.toString();
    private static final String RAY = NewPools.RAYDIUM_AMM_V4.toString();
    private static final String PUMP = NewPools.PUMP_FUN.toString();
    private static final String CPMM = NewPools.RAYDIUM_CPMM.toString();

    private final NewPools pools = new NewPools();

    @Test
    void shouldFindEachProgramsCreationMarkerInsideItsOwnFrame() {
        assertThat(pools.read(notification(
                        "sig-ray",
                        null,
                        "Program " + RAY + " invoke [1]",
                        "Program log: initialize2: InitializeInstruction2 { nonce: 254, open_time: 0,"
                                + " init_pc_amount: 10, init_coin_amount: 20 }",
                        "Program log: ray_log: AwDh9QU=",
                        "Program " + RAY + " success")))
                .contains(new NewPools.PoolCreated(NewPools.RAYDIUM_AMM_V4, "sig-ray", 42));
        assertThat(pools.read(notification(
                        "sig-pump",
                        null,
                        "Program " + PUMP + " invoke [1]",
                        "Program log: Instruction: CreateV2",
                        "Program " + ATA + " invoke [2]",
                        "Program log: Create",
                        "Program " + ATA + " success",
                        "Program " + PUMP + " success")))
                .map(NewPools.PoolCreated::program)
                .contains(NewPools.PUMP_FUN);
        assertThat(pools.read(notification(
                        "sig-cpmm",
                        null,
                        "Program " + CPMM + " invoke [1]",
                        "Program log: Instruction: Initialize",
                        "Program " + CPMM + " success")))
                .map(NewPools.PoolCreated::program)
                .contains(NewPools.RAYDIUM_CPMM);
    }

    @Test
    void shouldIgnoreMarkersOfOtherProgramsFailedTransactionsAndRepeats() {
        LogsNotification ataCreate = notification(
                "sig-ata",
                null,
                "Program " + PUMP + " invoke [1]",
                "Program log: Instruction: Buy",
                "Program " + ATA + " invoke [2]",
                "Program log: Instruction: Create",
                "Program " + ATA + " success",
                "Program " + PUMP + " success");
        LogsNotification failed = new LogsNotification(
                42,
                "sig-failed",
                Optional.of(new TransactionError("{\"InstructionError\":[0,{\"Custom\":1}]}")),
                List.of(
                        "Program " + PUMP + " invoke [1]",
                        "Program log: Instruction: Create",
                        "Program " + PUMP + " failed: custom program error: 0x1"));
        LogsNotification create = notification(
                "sig-1",
                null,
                "Program " + PUMP + " invoke [1]",
                "Program log: Instruction: Create",
                "Program " + PUMP + " success");

        assertThat(pools.read(ataCreate)).isEmpty();
        assertThat(pools.read(failed)).isEmpty();
        assertThat(pools.read(create)).isPresent();
        assertThat(pools.read(create)).isEmpty();
    }

    private static LogsNotification notification(String signature, String err, String... logs) {
        return new LogsNotification(42, signature, Optional.ofNullable(err).map(TransactionError::new), List.of(logs));
    }
}
