package io.solbot.core.solana;

import io.solbot.core.domain.TxSignature;
import java.util.Objects;

/**
 * Signs transactions that arrive in wire format (from Jupiter, for example) with one wallet's keypair.
 *
 * <p>The signer reads the transaction, checks it against its {@link SigningPolicy}, signs the message bytes exactly
 * as received and writes the signature into the wallet's slot. Every other byte stays as it came: the message (other
 * signatures would no longer verify, and Jupiter's {@code /execute} compares the message bytes) and other signers'
 * slots. Stateless apart from its keypair and policy; thread-safe.
 */
public final class TransactionSigner {
    private final Keypair keypair;
    private final SigningPolicy policy;

    public TransactionSigner(Keypair keypair, SigningPolicy policy) {
        this.keypair = Objects.requireNonNull(keypair, "keypair");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The wallet this signer signs for. */
    public Address wallet() {
        return keypair.address();
    }

    /**
     * Signs {@code wire} (which is not changed).
     *
     * @throws MalformedTransactionException if {@code wire} is not a transaction
     * @throws TransactionRefusedException if the policy refuses it, or the wallet is not one of its signers
     */
    public SignedTransaction sign(byte[] wire) {
        Transaction transaction = Transaction.read(wire);
        policy.check(transaction, keypair.address());
        int slot = transaction
                .signerSlot(keypair.address())
                .orElseThrow(() -> new TransactionRefusedException(
                        "our wallet " + keypair.address() + " is not among the transaction's signers"));
        byte[] signature = keypair.sign(transaction.messageBytes());
        byte[] signed = transaction.wireBytes();
        int at = transaction.signatureOffset(slot);
        System.arraycopy(signature, 0, signed, at, signature.length);
        int idAt = transaction.signatureOffset(0);
        byte[] id = new byte[Ed25519.SIGNATURE_LENGTH];
        System.arraycopy(signed, idAt, id, 0, id.length);
        return new SignedTransaction(signed, TxSignature.ofBytes(id), transaction.recentBlockhashBytes());
    }

    @Override
    public String toString() {
        return "TransactionSigner[" + keypair.address() + "]";
    }
}
