package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.jupiter.JupiterException;
import io.solbot.core.jupiter.SwapApi;
import io.solbot.core.jupiter.SwapFees;
import io.solbot.core.jupiter.SwapQuote;
import io.solbot.core.jupiter.UnsignedSwap;
import io.solbot.core.solana.MalformedTransactionException;
import io.solbot.core.solana.SignedTransaction;
import io.solbot.core.solana.TransactionRefusedException;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.account.MalformedAccountException;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.LandedTransaction;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SignatureStatus;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes orders on Solana: a Jupiter quote, its swap transaction, our signature, the attempt journalled, the
 * transaction sent to an RPC node (or, with Swap API v2, handed to Jupiter's {@code /execute}, which lands it), its
 * status polled until it lands or its blockhash expires, and the fill read from the wallet's balance changes. The
 * chain's word alone decides an outcome, whichever way the transaction went out. Wallet balances are read from the
 * chain too ({@link #balances}).
 *
 * <p>One order, one landed swap at most. While an attempt may still land, the executor re-sends the same signed
 * bytes (a signature is one transaction however often it is sent) and never signs another; only when the node's block
 * height has passed the attempt's last valid block height, and the signature is still unknown, does it quote and sign
 * again, up to {@code maxAttempts} attempts. Every attempt is on disk ({@link LiveJournal}) before it is sent, so a
 * process that dies at any point leaves what {@link #resolve} needs: the signatures to look up on chain.
 *
 * <p>Fills: a buy's SOL in is what left the wallet less the network fee (signature and priority fees, as the node
 * reports) and the tip, so rent for a token account the swap created counts as spent; its tokens out are the growth
 * of the wallet's token accounts of the mint. A sell the other way round. Success is decided by the signature status's
 * {@code err} alone: a transaction that lands with an error is a failed order that paid its fee.
 *
 * <p>Outcomes for which nothing can be known yet (the RPC node unreachable while an attempt may still land) make
 * {@link #execute} throw; the engine then resolves the order later, through {@link #resolve}.
 *
 * <p>Threading: thread-safe; orders run in parallel, each blocking its caller (a virtual thread) while it waits.
 */
public final class LiveExecutor implements SwapExecutor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveExecutor.class);

    private final SwapApi swaps;
    private final SolanaRpc rpc;
    private final Map<String, TransactionSigner> signers;
    private final LiveJournal journal;
    private final InstantSource clock;
    private final Duration pollInterval;
    private final int resendEveryPolls;
    private final int maxAttempts;
    private final Duration unreachableLimit;

    private final AttemptSender sender;
    private final JupiterQuoter quoter;
    private final LiveWallets wallets;

    private LiveExecutor(Builder b) {
        this.swaps = b.swaps;
        this.rpc = b.rpc;
        this.signers = Map.copyOf(b.signers);
        this.journal = new LiveJournal(b.journal);
        this.clock = b.clock;
        this.pollInterval = b.pollInterval;
        this.resendEveryPolls = b.resendEveryPolls;
        this.maxAttempts = b.maxAttempts;
        this.unreachableLimit = b.unreachableLimit;
        this.sender = new AttemptSender(b.swaps, b.rpc, b.jito);
        this.quoter = new JupiterQuoter(b.swaps, b.rpc, b.clock);
        this.wallets = new LiveWallets(b.rpc, quoter, b.clock);
    }

    /**
     * A builder for an executor that quotes and builds through {@code swaps}, sends and confirms through {@code rpc},
     * signs orders of the default wallet with {@code signer} and journals to {@code journal}.
     */
    public static Builder builder(SwapApi swaps, SolanaRpc rpc, TransactionSigner signer, Path journal) {
        return new Builder(swaps, rpc, signer, journal);
    }

    @Override
    public SwapOutcome execute(SwapOrder order) {
        Optional<LiveJournal.Order> known = journal.order(order.orderId());
        if (known.isPresent()
                && (known.get().outcome != null || !known.get().attempts.isEmpty())) {
            // this order id was sent before: only resolving it is safe
            return resolve(order)
                    .orElseThrow(
                            () -> new IllegalStateException(
                                    "order " + order.orderId()
                                            + " was sent before and its outcome is not known yet; it must be resolved, not executed again"));
        }
        TransactionSigner signer = signers.get(order.wallet());
        if (signer == null) {
            return finish(order, failed(order, "sign", "no keypair is configured for wallet '" + order.wallet() + "'"));
        }
        Mint input = order.side() == Side.BUY ? Mint.WRAPPED_SOL : order.mint();
        Mint output = order.side() == Side.BUY ? order.mint() : Mint.WRAPPED_SOL;
        SwapFees fees;
        try {
            // a tipped order pays the tip alone: for a bundle only the tip counts, and Metis takes one or the other
            fees = order.jitoTip().isZero()
                    ? new SwapFees(order.priorityFee().value(), 0)
                    : new SwapFees(0, order.jitoTip().value());
        } catch (IllegalArgumentException e) {
            return finish(order, failed(order, "build", e.getMessage()));
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            SignedTransaction signed;
            UnsignedSwap swap;
            try {
                SwapQuote quote = swaps.quote(input, output, order.amountIn().raw(), order.slippageBps());
                swap = swaps.transaction(quote, signer.wallet(), fees);
                signed = signer.sign(swap.transaction());
            } catch (JupiterException e) {
                return finish(order, failed(order, "quote", e.getMessage()));
            } catch (MalformedTransactionException | TransactionRefusedException e) {
                return finish(order, failed(order, "sign", "refused Jupiter's transaction: " + e.getMessage()));
            } catch (IllegalArgumentException e) {
                return finish(order, failed(order, "build", e.getMessage()));
            }
            SwapQuote quote = swap.quote();
            Optional<String> twin = journal.appendAttemptIfNew(LiveJournal.Line.attempt(
                    order.orderId(),
                    attempt,
                    signed.id().value(),
                    signed.recentBlockhash(),
                    swap.lastValidBlockHeight(),
                    input.address(),
                    output.address(),
                    quote.inAmount().toString(),
                    quote.outAmount().toString(),
                    quote.minimumOut().toString()));
            if (twin.isPresent()) {
                // the same swap on the same blockhash is the same transaction: it would land once for two orders
                return finish(
                        order,
                        failed(
                                order,
                                "sign",
                                "its transaction " + signed.id() + " is the very one of" + " order " + twin.get()
                                        + " (the same swap on the same blockhash); send it again later"));
            }
            CrashPoints.hit("after-live-intent");
            log.debug(
                    "Order {} attempt {}: sending {}, valid to block {}",
                    order.orderId(),
                    attempt,
                    signed.id(),
                    swap.lastValidBlockHeight());
            Optional<String> unsent = sender.send(order, swap, signed);
            if (unsent.isPresent()) {
                // certainly not sent: nothing of it can land
                journal.append(
                        LiveJournal.Line.expired(order.orderId(), signed.id().value()));
                return finish(order, failed(order, "send", unsent.get()));
            }
            CrashPoints.hit("after-live-send");
            Optional<SwapOutcome> outcome = confirm(order, signed, swap.lastValidBlockHeight());
            if (outcome.isPresent()) {
                return finish(order, outcome.get());
            }
            journal.append(LiveJournal.Line.expired(order.orderId(), signed.id().value()));
            log.info(
                    "Order {}: attempt {} ({}) expired without landing; quoting again",
                    order.orderId(),
                    attempt,
                    signed.id());
        }
        return finish(order, failed(order, "land", "expired " + maxAttempts + " times without landing"));
    }

    /**
     * Whether a transaction on {@code blockhash}, valid to {@code lastValidBlockHeight} by Jupiter's word, can no
     * longer land: the node's block height is past it and the node itself no longer takes the blockhash (Jupiter's
     * node and ours may disagree). Asked at processed, the most recent state a transaction can land in.
     */
    private boolean expired(String blockhash, long lastValidBlockHeight) {
        return rpc.blockHeight(Commitment.CONFIRMED) > lastValidBlockHeight
                && (blockhash == null || !rpc.isBlockhashValid(blockhash, Commitment.PROCESSED));
    }

    /** Polls until the attempt lands (its outcome) or expires (empty); re-sends the same bytes meanwhile. */
    private Optional<SwapOutcome> confirm(SwapOrder order, SignedTransaction signed, long lastValidBlockHeight) {
        long unreachableSince = -1;
        for (int poll = 1; ; poll++) {
            sleep(pollInterval);
            try {
                Optional<SignatureStatus> status =
                        rpc.signatureStatuses(List.of(signed.id()), false).getFirst();
                if (status.isPresent()) {
                    if (status.get().err().isPresent() || status.get().reached(Commitment.CONFIRMED)) {
                        return Optional.of(landed(order, signed.id(), status.get()));
                    }
                } else if (expired(signed.recentBlockhash(), lastValidBlockHeight)
                        && rpc.signatureStatuses(List.of(signed.id()), true)
                                .getFirst()
                                .isEmpty()) {
                    return Optional.empty();
                }
                if (poll % resendEveryPolls == 0) {
                    sender.resend(order, signed);
                }
                unreachableSince = -1;
            } catch (RpcException | NotIndexedYet e) {
                long now = System.nanoTime();
                if (unreachableSince < 0) {
                    unreachableSince = now;
                } else if (now - unreachableSince > unreachableLimit.toNanos()) {
                    throw new IllegalStateException("order " + order.orderId() + ": the RPC node has not answered for "
                            + unreachableLimit.toSeconds() + " s while " + signed.id() + " may still land: "
                            + e.getMessage());
                }
            }
        }
    }

    /** The outcome of a landed attempt: a fill from the balance changes, or a failure that paid its fee. */
    private SwapOutcome landed(SwapOrder order, TxSignature signature, SignatureStatus status) {
        LandedTransaction tx = rpc.transaction(signature, Commitment.CONFIRMED)
                .orElseThrow(() -> new NotIndexedYet("order " + order.orderId() + ": " + signature
                        + " has a status but getTransaction does not know it"));
        return LandedFills.outcome(
                order, tx, status, signers.get(order.wallet()).wallet(), clock);
    }

    /** A getTransaction gap right after a status: the node's index lags; unknown for now. */
    private static final class NotIndexedYet extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotIndexedYet(String message) {
            super(message);
        }
    }

    /**
     * What became of {@code order}, from this executor's journal and the chain: its journalled outcome; else the
     * outcome of the attempt that landed; a failure if none landed and all have expired, or if none was ever sent;
     * empty while an attempt may still land or the node cannot be asked. Never sends or signs anything.
     */
    @Override
    public Optional<SwapOutcome> resolve(SwapOrder order) {
        Optional<LiveJournal.Order> known = journal.order(order.orderId());
        if (known.isEmpty() || known.get().attempts.isEmpty()) {
            if (known.isPresent() && known.get().outcome != null) {
                return Optional.of(known.get().outcome);
            }
            return Optional.of(finish(order, failed(order, "send", "never sent: the executor journalled no attempt")));
        }
        LiveJournal.Order record = known.get();
        if (record.outcome != null) {
            return Optional.of(record.outcome);
        }
        List<TxSignature> signatures = new ArrayList<>();
        for (LiveJournal.Line attempt : record.attempts) {
            signatures.add(TxSignature.of(attempt.signature()));
        }
        try {
            List<Optional<SignatureStatus>> statuses = rpc.signatureStatuses(signatures, true);
            for (int i = 0; i < signatures.size(); i++) {
                Optional<SignatureStatus> status = statuses.get(i);
                if (status.isPresent()) {
                    if (status.get().err().isEmpty() && !status.get().reached(Commitment.CONFIRMED)) {
                        return Optional.empty();
                    }
                    return Optional.of(finish(order, landed(order, signatures.get(i), status.get())));
                }
            }
            boolean allExpired = true;
            for (LiveJournal.Line attempt : record.attempts) {
                allExpired = allExpired && expired(attempt.recentBlockhash(), attempt.lastValidBlockHeight());
            }
            if (allExpired) {
                return Optional.of(finish(
                        order,
                        failed(order, "land", "expired without landing (" + signatures.size() + " attempt(s))")));
            }
            return Optional.empty();
        } catch (RpcException | NotIndexedYet e) {
            log.warn("Order {} cannot be resolved yet: {}", order.orderId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Jupiter's quote through this executor's swap API; see {@link JupiterQuoter#quote}. */
    @Override
    public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
        return quoter.quote(mint, side, amountIn, slippageBps);
    }

    /**
     * What the wallet labelled {@code wallet} holds on chain now (see {@code LiveWallets}): its SOL and tokens; empty,
     * and logged, if no keypair is configured for the label or the node cannot be read. The engine caches it.
     */
    @Override
    public Optional<WalletBalances> balances(BotId botId, String wallet) {
        TransactionSigner signer = signers.get(wallet);
        if (signer == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(wallets.balances(wallet, signer.wallet()));
        } catch (RpcException | MalformedAccountException | IllegalStateException e) {
            log.debug("Balances of wallet '{}' not read: {}", wallet, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code "wallet-balances"}, and {@code "multi-wallet"} when more than one wallet is configured. */
    @Override
    public Set<String> capabilities() {
        return signers.size() > 1 ? Set.of("wallet-balances", "multi-wallet") : Set.of("wallet-balances");
    }

    private SwapOutcome finish(SwapOrder order, SwapOutcome outcome) {
        journal.append(LiveJournal.Line.outcome(order, outcome));
        return outcome;
    }

    private SwapOutcome failed(SwapOrder order, String stage, String reason) {
        return new SwapOutcome.Failed(
                new OrderFailure(order.orderId(), order.mint(), order.side(), stage, reason, clock.instant()),
                List.of());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a transaction to land", e);
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    /** Builds a {@link LiveExecutor}; see {@link LiveExecutor#builder}. */
    public static final class Builder {
        private final SwapApi swaps;
        private final SolanaRpc rpc;
        private final Map<String, TransactionSigner> signers = new HashMap<>();
        private final Path journal;
        private InstantSource clock = InstantSource.system();
        private Duration pollInterval = Duration.ofMillis(400);
        private int resendEveryPolls = 4;
        private int maxAttempts = 3;
        private Duration unreachableLimit = Duration.ofMinutes(2);
        private SolanaRpc jito;

        private Builder(SwapApi swaps, SolanaRpc rpc, TransactionSigner signer, Path journal) {
            this.swaps = Objects.requireNonNull(swaps, "swaps");
            this.rpc = Objects.requireNonNull(rpc, "rpc");
            this.journal = Objects.requireNonNull(journal, "journal");
            signers.put(OrderOptions.DEFAULT_WALLET, Objects.requireNonNull(signer, "signer"));
        }

        /** Signs orders of the wallet labelled {@code label} with {@code signer}. */
        public Builder wallet(String label, TransactionSigner signer) {
            OrderOptions.checkWallet(label);
            signers.put(label, Objects.requireNonNull(signer));
            return this;
        }

        /** The clock fills and failures are stamped with; the system's by default. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How often a sent transaction's status is asked (400 ms by default), and every how many polls it is re-sent. */
        public Builder polling(Duration interval, int resendEveryPolls) {
            if (interval.isNegative() || interval.isZero() || resendEveryPolls < 1) {
                throw new IllegalArgumentException("the poll interval must be positive and re-sends every 1 or more"
                        + " polls, but were " + interval + " and " + resendEveryPolls);
            }
            this.pollInterval = interval;
            this.resendEveryPolls = resendEveryPolls;
            return this;
        }

        /** How many transactions an order may sign in all, each after the last expired (3 by default). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** How long the RPC node may stay unreachable while an attempt may land before execute gives up (2 min). */
        public Builder unreachableLimit(Duration limit) {
            this.unreachableLimit = Objects.requireNonNull(limit);
            return this;
        }

        /**
         * Sends the transactions of orders that tip ({@link SwapOrder#jitoTip()}) to a Jito block engine's {@code
         * sendTransaction} endpoint ({@code https://mainnet.block-engine.jito.wtf/api/v1/transactions?bundleOnly=true}
         * sends each as a one-transaction bundle: it lands whole or not at all, and is not seen in public before it
         * does), without preflight; their statuses are still read from the RPC node. Jupiter puts the tip into the
         * swap transaction itself.
         */
        public Builder jito(SolanaRpc blockEngine) {
            this.jito = Objects.requireNonNull(blockEngine);
            return this;
        }

        public LiveExecutor build() {
            return new LiveExecutor(this);
        }
    }
}
