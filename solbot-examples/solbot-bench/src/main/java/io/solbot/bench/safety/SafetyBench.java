package io.solbot.bench.safety;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.OrderCheck;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.safety.SafetyGate;
import io.solbot.core.safety.SafetyVerdict;
import io.solbot.core.solana.account.AccountState;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.solana.account.MintAccount;
import io.solbot.core.solana.account.TokenProgram;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token safety checks, in operations per second. {@code decodeToken2022Mint}: one Token-2022 mint of 536 bytes with
 * seven extensions (transfer fee config, transfer hook, permanent delegate, metadata pointer, pausable, default account
 * state, an unknown type) decoded from its bytes, every key base58-encoded. {@code verdictFromWarmCache}: a {@link
 * SafetyGate}'s verdict on a token whose six built-in check results are cached (what every buy after the first costs),
 * and {@code orderCheckFromWarmCache} the same through the gate's {@code OrderCheck}, as the engine calls it. {@code
 * verdictCold}: all six checks run inline on the simulated market (the mint's bytes built and decoded, holders, the
 * pool, two quotes and a dry-run sell).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=error")
public class SafetyBench {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String KEY = "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN";

    byte[] token2022;
    SimulatedMarket market;
    PaperExecutor executor;
    SafetyGate warm;
    Mint mint;
    OrderCheck.Request buy;

    @Setup
    public void setUp() {
        MintAccount account = new MintAccount(
                TokenProgram.TOKEN_2022,
                Optional.of(KEY),
                new BigInteger("18446744073709551615"),
                6,
                true,
                Optional.of(KEY),
                List.of(
                        new Extension.TransferFeeConfig(
                                Optional.of(KEY),
                                Optional.of(KEY),
                                BigInteger.TEN,
                                new Extension.TransferFee(BigInteger.ZERO, BigInteger.valueOf(5000), 100),
                                new Extension.TransferFee(BigInteger.valueOf(900), BigInteger.valueOf(5000), 800)),
                        new Extension.TransferHook(Optional.of(KEY), Optional.of(KEY)),
                        new Extension.PermanentDelegate(Optional.of(KEY)),
                        new Extension.MetadataPointer(Optional.empty(), Optional.of(KEY)),
                        new Extension.Pausable(Optional.of(KEY), false),
                        new Extension.DefaultAccountState(AccountState.FROZEN),
                        new Extension.Unknown(300, new byte[40])));
        token2022 = account.toBytes();
        market = SimulatedMarket.random(RandomMarketSettings.defaults(42, START), Listing.WELL_KNOWN);
        market.advanceTo(START.plus(Duration.ofMinutes(10)));
        executor = PaperExecutor.builder(PaperSettings.defaults(42).withExecModel(ExecModel.AMM_DEPTH), market)
                .build();
        mint = Listing.BONK.mint();
        warm = gate(Duration.ofDays(365));
        warm.verdict(mint, SafetyChoice.ALL);
        BotSpec spec = BotSpec.builder(BotId.of("bench"), "bench", "config").build();
        buy = new OrderCheck.Request(
                BotId.of("bench"), "bench", spec, Side.BUY, mint, TokenAmount.of(100_000_000, 9), START);
    }

    private SafetyGate gate(Duration ttl) {
        return SafetyGate.builder(market)
                .executor(executor)
                .inline()
                .ttl(ttl)
                .clock(market::now)
                .build();
    }

    @Benchmark
    public MintAccount decodeToken2022Mint() {
        return MintAccount.decode(token2022, TokenProgram.TOKEN_2022.id());
    }

    @Benchmark
    public SafetyVerdict verdictFromWarmCache() {
        return warm.verdict(mint, SafetyChoice.ALL);
    }

    @Benchmark
    public Optional<String> orderCheckFromWarmCache() {
        return warm.check(buy);
    }

    @Benchmark
    public SafetyVerdict verdictCold() {
        return gate(Duration.ofDays(365)).verdict(mint, SafetyChoice.ALL);
    }
}
