package io.solbot.core.market;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.solana.account.MintAccount;
import io.solbot.core.solana.pubsub.NewPools;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.solana.rpc.LandedTransaction;
import io.solbot.core.solana.rpc.RpcException;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the token of each Raydium pool creation seen in the logs: a pool's logs do not name its mints, so its
 * transaction is read ({@code getTransaction} at confirmed) and the mints taken from the initialising instruction
 * ({@link NewPools#poolMint}), then the token's decimals from its mint account.
 *
 * <p>A notification at {@code processed} usually comes before the node serves the transaction at {@code confirmed}:
 * a transaction not there yet is asked again after {@code retryDelay}, up to {@code attempts} times, and then given up
 * (logged). At most {@code maxConcurrent} reads run at once, each on its own virtual thread, and at most {@code
 * maxPending} pools wait; a burst beyond that is dropped with a warning rather than queued without bound.
 *
 * <p>Thread-safe.
 */
final class RaydiumLaunches {
    private static final Logger log = LoggerFactory.getLogger(RaydiumLaunches.class);

    private final SolanaRpc rpc;
    private final LiveAccounts accounts;
    private final Consumer<NewToken> sink;
    private final InstantSource clock;
    private final Semaphore reads;
    private final int maxPending;
    private final int attempts;
    private final Duration retryDelay;
    private final AtomicInteger pending = new AtomicInteger();

    RaydiumLaunches(
            SolanaRpc rpc,
            LiveAccounts accounts,
            Consumer<NewToken> sink,
            InstantSource clock,
            int maxConcurrent,
            int maxPending,
            int attempts,
            Duration retryDelay) {
        this.rpc = rpc;
        this.accounts = accounts;
        this.sink = sink;
        this.clock = clock;
        this.reads = new Semaphore(maxConcurrent);
        this.maxPending = maxPending;
        this.attempts = attempts;
        this.retryDelay = retryDelay;
    }

    /** Starts naming the token of {@code pool} (a Raydium AMM v4 or CPMM creation); returns at once. */
    void created(NewPools.PoolCreated pool) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            log.warn("Raydium pool of {} not read: {} pools are already waiting", pool.signature(), maxPending);
            return;
        }
        Thread.ofVirtual().name("raydium-pool-" + pool.slot()).start(() -> {
            try {
                resolve(pool).ifPresent(sink);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Raydium pool of {} not read: {}", pool.signature(), e.toString());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private Optional<NewToken> resolve(NewPools.PoolCreated pool) throws InterruptedException {
        TxSignature signature = TxSignature.of(pool.signature());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<LandedTransaction> tx;
            reads.acquire();
            try {
                tx = rpc.transaction(signature, Commitment.CONFIRMED);
            } catch (RpcException e) {
                log.debug("Raydium pool of {}: attempt {} failed: {}", signature, attempt, e.getMessage());
                tx = Optional.empty();
            } finally {
                reads.release();
            }
            if (tx.isPresent()) {
                return token(tx.get(), pool);
            }
            if (attempt < attempts) {
                Thread.sleep(retryDelay);
            }
        }
        log.info(
                "Raydium pool of {} not read: the node did not serve its transaction in {} attempts",
                signature,
                attempts);
        return Optional.empty();
    }

    private Optional<NewToken> token(LandedTransaction tx, NewPools.PoolCreated pool) {
        if (tx.err().isPresent()) {
            return Optional.empty();
        }
        Optional<Mint> mint = NewPools.poolMint(tx, pool.program());
        if (mint.isEmpty()) {
            log.debug("{}: no SOL pool initialised by {}", tx.signature(), pool.program());
            return Optional.empty();
        }
        Optional<MintAccount> account = accounts.mint(mint.get());
        if (account.isEmpty()) {
            log.info("Raydium pool of {}: the mint {} cannot be read", tx.signature(), mint.get());
            return Optional.empty();
        }
        return Optional.of(new NewToken(
                mint.get(),
                mint.get().address().substring(0, 4),
                account.get().decimals(),
                tx.blockTime().orElseGet(clock::instant)));
    }
}
