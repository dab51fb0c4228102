package io.solbot.core.solana;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.TxSignature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Solana transaction read from its wire format, legacy or v0 (with address lookup tables), as an RPC node accepts it
 * and as Jupiter returns it: the signature slots, then the message that the signatures sign.
 *
 * <pre>
 * transaction := compact-u16 n, n x 64-byte signature, message
 * message     := [0x80 for v0], 3-byte header, compact-u16 k, k x 32-byte static key, 32-byte recent blockhash,
 *                compact-u16 m, m x instruction, [v0: compact-u16 t, t x lookup]
 * </pre>
 *
 * <p>Reading checks the structure Solana's sanitizer checks: one signature slot per required signer, a fee payer that
 * signs and is writable, program ids among the static keys, account indexes within the accounts the message names, no
 * duplicate static keys and no bytes after the message. It does not check the signatures. Immutable and thread-safe.
 */
public final class Transaction {
    /** The largest transaction a Solana node accepts, in bytes (the IPv6 minimum MTU less headers). */
    public static final int MAX_SIZE = 1232;

    private static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_LENGTH;
    private static final int VERSION_PREFIX = 0x80;

    /** The message format. */
    public enum Version {
        LEGACY,
        V0
    }

    /**
     * One instruction as the message compiles it.
     *
     * @param programId the invoked program (always a static key)
     * @param accountIndexes indexes into the message's accounts: static keys, then the lookups' writable addresses,
     *     then their read-only ones
     * @param data the instruction data; {@link #data()} returns a copy
     */
    public record Instruction(Address programId, List<Integer> accountIndexes, byte[] data) {
        public Instruction {
            accountIndexes = List.copyOf(accountIndexes);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /**
     * Addresses a v0 message loads from an address lookup table.
     *
     * @param table the lookup table account
     * @param writableIndexes indexes into the table of addresses loaded writable
     * @param readonlyIndexes indexes into the table of addresses loaded read-only
     */
    public record Lookup(Address table, List<Integer> writableIndexes, List<Integer> readonlyIndexes) {
        public Lookup {
            writableIndexes = List.copyOf(writableIndexes);
            readonlyIndexes = List.copyOf(readonlyIndexes);
        }
    }

    private final byte[] wire;
    private final int signaturesOffset;
    private final int signatureCount;
    private final int messageOffset;
    private final Version version;
    private final int requiredSignatures;
    private final int readonlySigned;
    private final int readonlyUnsigned;
    private final List<Address> staticKeys;
    private final byte[] recentBlockhash;
    private final List<Instruction> instructions;
    private final List<Lookup> lookups;

    private Transaction(byte[] wire) {
        this.wire = wire;
        WireReader in = new WireReader(wire);
        if (wire.length == 0) {
            throw in.fail("transaction", "there are no bytes");
        }
        signatureCount = in.shortVec("signature count");
        signaturesOffset = in.position();
        if ((long) signatureCount * SIGNATURE_LENGTH > in.remaining()) {
            throw in.fail(
                    "signatures",
                    signatureCount + " signatures need " + signatureCount * SIGNATURE_LENGTH + " bytes, but "
                            + in.remaining() + " remain");
        }
        in.skip(signatureCount * SIGNATURE_LENGTH, "signatures");
        messageOffset = in.position();

        int first = in.peekU8("message");
        if ((first & VERSION_PREFIX) != 0) {
            int number = first & 0x7F;
            if (number != 0) {
                throw in.fail("message version", "version " + number + " is not supported (only legacy and v0 are)");
            }
            in.u8("message version");
            version = Version.V0;
        } else {
            version = Version.LEGACY;
        }
        int headerAt = in.position();
        requiredSignatures = in.u8("header: required signatures");
        readonlySigned = in.u8("header: read-only signed accounts");
        readonlyUnsigned = in.u8("header: read-only unsigned accounts");

        int keyCount = in.shortVec("static account key count");
        if ((long) keyCount * Address.LENGTH > in.remaining()) {
            throw in.fail(
                    "static account keys",
                    keyCount + " keys need " + keyCount * Address.LENGTH + " bytes, but " + in.remaining() + " remain");
        }
        List<Address> keys = new ArrayList<>(keyCount);
        Set<Address> seen = new HashSet<>();
        for (int i = 0; i < keyCount; i++) {
            Address key = Address.ofBytes(wire, in.position());
            if (!seen.add(key)) {
                throw in.fail("static account keys", "key " + i + " (" + key + ") appears twice");
            }
            keys.add(key);
            in.skip(Address.LENGTH, "static account key " + i);
        }
        staticKeys = List.copyOf(keys);
        recentBlockhash = in.bytes(32, "recent blockhash");

        int instructionCount = in.shortVec("instruction count");
        List<int[]> rawInstructions = new ArrayList<>(Math.min(instructionCount, 256));
        List<byte[]> instructionData = new ArrayList<>(Math.min(instructionCount, 256));
        for (int i = 0; i < instructionCount; i++) {
            String name = "instruction " + i;
            int program = in.u8(name + ": program id index");
            int accountCount = in.shortVec(name + ": account count");
            int[] raw = new int[accountCount + 1];
            raw[0] = program;
            for (int a = 0; a < accountCount; a++) {
                raw[a + 1] = in.u8(name + ": account index " + a);
            }
            int dataLength = in.shortVec(name + ": data length");
            instructionData.add(in.bytes(dataLength, name + ": data"));
            rawInstructions.add(raw);
        }

        List<Lookup> readLookups = new ArrayList<>();
        int loaded = 0;
        if (version == Version.V0) {
            int lookupCount = in.shortVec("address table lookup count");
            for (int t = 0; t < lookupCount; t++) {
                String name = "address table lookup " + t;
                Address table = Address.ofBytes(in.bytes(Address.LENGTH, name + ": table address"));
                List<Integer> writable = indexes(in, name + ": writable indexes");
                List<Integer> readonly = indexes(in, name + ": read-only indexes");
                if (writable.isEmpty() && readonly.isEmpty()) {
                    throw in.fail(name, "loads no address");
                }
                loaded += writable.size() + readonly.size();
                readLookups.add(new Lookup(table, writable, readonly));
            }
        }
        lookups = List.copyOf(readLookups);
        if (in.remaining() != 0) {
            throw in.fail("end of message", in.remaining() + " bytes follow the message");
        }

        if (requiredSignatures == 0) {
            throw in.fail(headerAt, "header", "no signature is required, but the fee payer must sign");
        }
        if (requiredSignatures != signatureCount) {
            throw in.fail(
                    headerAt,
                    "header",
                    "the message needs " + requiredSignatures + " signatures, but the transaction has " + signatureCount
                            + " signature slots");
        }
        if (readonlySigned >= requiredSignatures) {
            throw in.fail(
                    headerAt,
                    "header",
                    readonlySigned + " of the " + requiredSignatures
                            + " signers are read-only, but the fee payer must be writable");
        }
        if (requiredSignatures + readonlyUnsigned > keyCount) {
            throw in.fail(
                    headerAt,
                    "header",
                    requiredSignatures + " signers and " + readonlyUnsigned
                            + " read-only unsigned accounts need that many static keys, but there are " + keyCount);
        }
        int accountTotal = keyCount + loaded;
        if (accountTotal > 256) {
            throw in.fail(headerAt, "accounts", "the message names " + accountTotal + " accounts; at most 256 fit");
        }
        List<Instruction> compiled = new ArrayList<>(rawInstructions.size());
        for (int i = 0; i < rawInstructions.size(); i++) {
            int[] raw = rawInstructions.get(i);
            if (raw[0] == 0 || raw[0] >= keyCount) {
                throw in.fail(
                        messageOffset,
                        "instruction " + i,
                        "the program id index " + raw[0] + " must name a static key other than the fee payer (1.."
                                + (keyCount - 1) + ")");
            }
            List<Integer> accounts = new ArrayList<>(raw.length - 1);
            for (int a = 1; a < raw.length; a++) {
                if (raw[a] >= accountTotal) {
                    throw in.fail(
                            messageOffset,
                            "instruction " + i,
                            "account index " + raw[a] + " is beyond the " + accountTotal + " accounts of the message");
                }
                accounts.add(raw[a]);
            }
            compiled.add(new Instruction(staticKeys.get(raw[0]), accounts, instructionData.get(i)));
        }
        instructions = List.copyOf(compiled);
    }

    private static List<Integer> indexes(WireReader in, String field) {
        int count = in.shortVec(field);
        List<Integer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(in.u8(field));
        }
        return out;
    }

    /**
     * Reads {@code wire} (copied).
     *
     * @throws MalformedTransactionException naming the field, its offset and the problem
     */
    public static Transaction read(byte[] wire) {
        return new Transaction(wire.clone());
    }

    /** The transaction's bytes; a fresh copy each call. */
    public byte[] wireBytes() {
        return wire.clone();
    }

    /** The number of bytes on the wire. */
    public int size() {
        return wire.length;
    }

    public Version version() {
        return version;
    }

    /** The number of signature slots, which equals the number of required signers. */
    public int signatureCount() {
        return signatureCount;
    }

    /** The 64 bytes in signature slot {@code slot} (all zero while unsigned); a copy. */
    public byte[] signature(int slot) {
        int at = signatureOffset(slot);
        return Arrays.copyOfRange(wire, at, at + SIGNATURE_LENGTH);
    }

    /** Whether slot {@code slot} holds anything but zeros. */
    public boolean isSigned(int slot) {
        int at = signatureOffset(slot);
        for (int i = at; i < at + SIGNATURE_LENGTH; i++) {
            if (wire[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The transaction id: the fee payer's signature (slot 0), or empty while that slot is unsigned. */
    public Optional<TxSignature> id() {
        return isSigned(0) ? Optional.of(TxSignature.ofBytes(signature(0))) : Optional.empty();
    }

    int signatureOffset(int slot) {
        if (slot < 0 || slot >= signatureCount) {
            throw new IndexOutOfBoundsException(
                    "signature slot " + slot + " of a transaction with " + signatureCount + " slots");
        }
        return signaturesOffset + slot * SIGNATURE_LENGTH;
    }

    /** The message, exactly the bytes the signatures sign; a copy. */
    public byte[] messageBytes() {
        return Arrays.copyOfRange(wire, messageOffset, wire.length);
    }

    int messageOffset() {
        return messageOffset;
    }

    /** How many accounts must sign; signer i owns signature slot i. */
    public int requiredSignatures() {
        return requiredSignatures;
    }

    /** How many of the signers are read-only (the last ones among them). */
    public int readonlySigned() {
        return readonlySigned;
    }

    /** How many static keys that do not sign are read-only (the last static keys). */
    public int readonlyUnsigned() {
        return readonlyUnsigned;
    }

    /** The accounts written in the message itself; the first {@link #requiredSignatures()} sign. */
    public List<Address> staticKeys() {
        return staticKeys;
    }

    /** The account that pays the fee: static key 0. */
    public Address feePayer() {
        return staticKeys.get(0);
    }

    /** The slot {@code signer} signs in, or empty if it is not a required signer. */
    public OptionalInt signerSlot(Address signer) {
        for (int i = 0; i < requiredSignatures; i++) {
            if (staticKeys.get(i).equals(signer)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The recent blockhash, base58; the transaction expires with it. */
    public String recentBlockhash() {
        return Base58.encode(recentBlockhash);
    }

    byte[] recentBlockhashBytes() {
        return recentBlockhash.clone();
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** The address table lookups (v0); empty for a legacy message. */
    public List<Lookup> lookups() {
        return lookups;
    }

    /** The distinct programs the instructions invoke, in order of first use. */
    public List<Address> programIds() {
        return instructions.stream().map(Instruction::programId).distinct().toList();
    }

    /** Shows the shape, not the bytes. */
    @Override
    public String toString() {
        return "Transaction[" + version + ", " + size() + " bytes, " + signatureCount + " signatures, "
                + instructions.size() + " instructions, fee payer " + feePayer() + "]";
    }
}
