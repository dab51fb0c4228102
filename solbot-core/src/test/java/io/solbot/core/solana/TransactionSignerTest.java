package io.solbot.core.solana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Base58;
import io.solbot.core.testing.WireTransactions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransactionSignerTest {
    private static final Keypair WALLET = Keypair.fromSeed(KeypairTest.seed(1));
    private static final Keypair CO_SIGNER = Keypair.fromSeed(KeypairTest.seed(2));
    private static final Address DESTINATION =
            Keypair.fromSeed(KeypairTest.seed(3)).address();
    private static final Address TABLE = Keypair.fromSeed(KeypairTest.seed(4)).address();
    private static final byte[] BLOCKHASH = blockhash();
    private static final TransactionSigner SIGNER = new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps());

    /** The worked example of a 272-byte v0 transfer with a lookup table: compute budget, then a SOL transfer. */
    static WireTransactions transferWithLookup(Address payer) {
        return WireTransactions.v0(payer)
                .key(Address.COMPUTE_BUDGET_PROGRAM)
                .key(Address.SYSTEM_PROGRAM)
                .readonly(0, 2)
                .blockhash(BLOCKHASH)
                .instruction(1, new int[] {}, new byte[] {2, 0x40, 0x0d, 3, 0})
                .instruction(1, new int[] {}, new byte[] {3, (byte) 0xe8, 3, 0, 0, 0, 0, 0, 0})
                .instruction(2, new int[] {0, 3}, new byte[] {2, 0, 0, 0, 0x40, 0x42, 0x0f, 0, 0, 0, 0, 0})
                .lookup(TABLE, new int[] {0}, new int[] {});
    }

    @Test
    void shouldLayOutTheWorkedExampleAtTheOffsetsOfTheFormat() {
        byte[] wire = transferWithLookup(WALLET.address()).build();

        assertThat(wire).hasSize(272);
        assertThat(wire[0]).isEqualTo((byte) 1);
        assertThat(wire[65]).isEqualTo((byte) 0x80);
        assertThat(Arrays.copyOfRange(wire, 66, 69)).containsExactly(new byte[] {1, 0, 2});
        assertThat(wire[69]).isEqualTo((byte) 3);
        assertThat(wire[198]).isEqualTo((byte) 3);
        assertThat(wire[236]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(wire, 237, 269)).isEqualTo(TABLE.bytes());
    }

    @Test
    void shouldReadAV0TransactionWithALookupTable() {
        Transaction tx = Transaction.read(transferWithLookup(WALLET.address()).build());

        assertThat(tx.version()).isEqualTo(Transaction.Version.V0);
        assertThat(tx.signatureCount()).isEqualTo(1);
        assertThat(tx.isSigned(0)).isFalse();
        assertThat(tx.id()).isEmpty();
        assertThat(tx.feePayer()).isEqualTo(WALLET.address());
        assertThat(tx.staticKeys())
                .containsExactly(WALLET.address(), Address.COMPUTE_BUDGET_PROGRAM, Address.SYSTEM_PROGRAM);
        assertThat(tx.readonlyUnsigned()).isEqualTo(2);
        assertThat(tx.recentBlockhash()).isEqualTo(Base58.encode(BLOCKHASH));
        assertThat(tx.programIds()).containsExactly(Address.COMPUTE_BUDGET_PROGRAM, Address.SYSTEM_PROGRAM);
        assertThat(tx.instructions().get(2).accountIndexes()).containsExactly(0, 3);
        assertThat(tx.instructions().get(0).data()).containsExactly(new byte[] {2, 0x40, 0x0d, 3, 0});
        assertThat(tx.lookups()).containsExactly(new Transaction.Lookup(TABLE, List.of(0), List.of()));
        assertThat(tx.messageBytes())
                .isEqualTo(transferWithLookup(WALLET.address()).message());
    }

    @Test
    void shouldSignInOurSlotAndLeaveEveryOtherByteOfAV0TransactionWithASecondSignerUnchanged() {
        WireTransactions shape = WireTransactions.v0(WALLET.address())
                .signer(CO_SIGNER.address())
                .key(Address.JUPITER_V6_PROGRAM)
                .readonly(1, 1)
                .blockhash(BLOCKHASH)
                .instruction(2, new int[] {0, 1, 3, 4}, new byte[] {(byte) 0xe5, 0x17, (byte) 0xcb, (byte) 0x97, 1})
                .lookup(TABLE, new int[] {7}, new int[] {2, 9});
        byte[] unsigned = shape.build();
        // the co-signer (Jupiter in an RFQ or gasless flow) signed first; its slot must survive ours
        byte[] coSignature = CO_SIGNER.sign(shape.message());
        System.arraycopy(coSignature, 0, unsigned, 1 + 64, 64);
        byte[] before = unsigned.clone();

        SignedTransaction signed = SIGNER.sign(unsigned);

        byte[] wire = signed.wireBytes();
        assertThat(unsigned).isEqualTo(before);
        assertThat(wire).hasSameSizeAs(unsigned);
        assertThat(Arrays.copyOfRange(wire, 65, wire.length)).isEqualTo(Arrays.copyOfRange(unsigned, 65, wire.length));
        assertThat(wire[0]).isEqualTo(unsigned[0]);
        byte[] ours = Arrays.copyOfRange(wire, 1, 65);
        assertThat(Keypair.verify(WALLET.address(), shape.message(), ours)).isTrue();
        assertThat(Keypair.verify(CO_SIGNER.address(), shape.message(), Arrays.copyOfRange(wire, 65, 129)))
                .isTrue();
        assertThat(signed.id().value()).isEqualTo(Base58.encode(ours));
        assertThat(Transaction.read(wire).id()).contains(signed.id());
        assertThat(Transaction.read(wire).signerSlot(CO_SIGNER.address())).hasValue(1);
        assertThat(signed.recentBlockhash()).isEqualTo(Base58.encode(BLOCKHASH));
    }

    @Test
    void shouldSignALegacyTransactionLikeTheWalletWould() {
        WireTransactions shape = WireTransactions.legacy(WALLET.address())
                .key(DESTINATION)
                .key(Address.SYSTEM_PROGRAM)
                .readonly(0, 1)
                .blockhash(BLOCKHASH)
                .instruction(2, new int[] {0, 1}, new byte[] {2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});

        SignedTransaction signed = SIGNER.sign(shape.build());

        assertThat(Transaction.read(signed.wireBytes()).version()).isEqualTo(Transaction.Version.LEGACY);
        assertThat(Arrays.copyOfRange(signed.wireBytes(), 1, 65)).isEqualTo(WALLET.sign(shape.message()));
    }

    @Test
    void shouldRefuseATransactionAnotherWalletPays() {
        byte[] wire = transferWithLookup(CO_SIGNER.address()).build();

        assertThatThrownBy(() -> SIGNER.sign(wire))
                .isInstanceOf(TransactionRefusedException.class)
                .hasMessage("the fee payer is " + CO_SIGNER.address() + ", not our wallet " + WALLET.address());
    }

    @Test
    void shouldRefuseAProgramThatIsNotOnTheAllowList() {
        byte[] wire = WireTransactions.v0(WALLET.address())
                .key(DESTINATION)
                .blockhash(BLOCKHASH)
                .instruction(1, new int[] {0}, new byte[] {9})
                .build();

        assertThatThrownBy(() -> SIGNER.sign(wire))
                .isInstanceOf(TransactionRefusedException.class)
                .hasMessage("the transaction invokes program " + DESTINATION
                        + ", which is not on the allow-list of the signing policy");
        TransactionSigner allowing =
                new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps().allowing(DESTINATION));
        assertThat(allowing.sign(wire).id()).isNotNull();
    }

    @Test
    void shouldRefuseATransactionLargerThanAPacket() {
        byte[] wire = WireTransactions.v0(WALLET.address())
                .key(Address.SYSTEM_PROGRAM)
                .blockhash(BLOCKHASH)
                .instruction(1, new int[] {0}, new byte[1100])
                .build();

        assertThat(wire.length).isGreaterThan(Transaction.MAX_SIZE);
        assertThatThrownBy(() -> SIGNER.sign(wire))
                .isInstanceOf(TransactionRefusedException.class)
                .hasMessage("the transaction has " + wire.length + " bytes, but at most 1232 may be signed");
    }

    @Test
    void shouldNameTheFieldAndOffsetOfMalformedBytes() {
        byte[] good = transferWithLookup(WALLET.address()).build();

        assertMalformed(new byte[0], "at byte 0: transaction: there are no bytes");
        assertMalformed(
                Arrays.copyOf(good, 100), "at byte 70: static account keys: 3 keys need 96 bytes, but 30 remain");
        assertMalformed(
                Arrays.copyOf(good, good.length + 1), "at byte 272: end of message: 1 bytes follow the message");
        byte[] v1 = good.clone();
        v1[65] = (byte) 0x81;
        assertMalformed(v1, "at byte 65: message version: version 1 is not supported (only legacy and v0 are)");
        byte[] twoRequired = good.clone();
        twoRequired[66] = 2;
        assertMalformed(
                twoRequired,
                "at byte 66: header: the message needs 2 signatures, but the transaction has 1 signature slots");
        byte[] aliasLength = new byte[] {(byte) 0x81, 0};
        assertMalformed(aliasLength, "at byte 0: signature count: the length is not in its shortest encoding");
        byte[] tooManySignatures = new byte[] {(byte) 0xff, 0x7f, 0};
        assertMalformed(tooManySignatures, "at byte 2: signatures: 16383 signatures need 1048512 bytes, but 1 remain");
    }

    @Test
    void shouldRefuseMessagesSolanaWouldNotSanitize() {
        assertMalformed(
                base().instruction(0, new int[] {}, new byte[0]).build(),
                "instruction 0: the program id index 0 must name a static key other than the fee payer (1..1)");
        assertMalformed(
                base().instruction(2, new int[] {}, new byte[0]).build(),
                "instruction 0: the program id index 2 must name a static key other than the fee payer (1..1)");
        assertMalformed(
                base().instruction(1, new int[] {0, 5}, new byte[0])
                        .lookup(TABLE, new int[] {1}, new int[] {2})
                        .build(),
                "instruction 0: account index 5 is beyond the 4 accounts of the message");
        assertMalformed(
                base().instruction(1, new int[] {}, new byte[0])
                        .lookup(TABLE, new int[] {}, new int[] {})
                        .build(),
                "address table lookup 0: loads no address");
        assertMalformed(
                WireTransactions.v0(WALLET.address()).key(WALLET.address()).build(),
                "static account keys: key 1 (" + WALLET.address() + ") appears twice");
        assertMalformed(
                base().readonly(1, 0).instruction(1, new int[] {}, new byte[0]).build(),
                "header: 1 of the 1 signers are read-only, but the fee payer must be writable");
    }

    @Test
    void shouldFailEveryTruncationAndByteFlipWithAMalformedTransactionOrAValidReading() {
        byte[] good = transferWithLookup(WALLET.address()).build();
        for (int length = 0; length < good.length; length++) {
            byte[] prefix = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> Transaction.read(prefix)).isInstanceOf(MalformedTransactionException.class);
        }
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
            try {
                Transaction.read(flipped);
            } catch (MalformedTransactionException expected) {
                assertThat(expected.getMessage()).startsWith("at byte ");
            }
        }
    }

    private static WireTransactions base() {
        return WireTransactions.v0(WALLET.address()).key(Address.SYSTEM_PROGRAM).blockhash(BLOCKHASH);
    }

    private static void assertMalformed(byte[] wire, String message) {
        assertThatThrownBy(() -> Transaction.read(wire))
                .isInstanceOf(MalformedTransactionException.class)
                .hasMessageContaining(message);
    }

    private static byte[] blockhash() {
        byte[] hash = new byte[32];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (200 - i);
        }
        return hash;
    }
}
