package io.solbot.core.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.config.BotSettings;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.OrderCheck;
import io.solbot.core.market.MarketData;
import io.solbot.core.solana.account.AccountBytes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SafetyGateTest {
    private static final Mint TOKEN = Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A check that answers {@code result} and counts its calls. */
    private static final class Fixed implements SafetyCheck {
        final String id;
        final CheckResult result;
        final AtomicInteger calls = new AtomicInteger();

        Fixed(String id, CheckResult result) {
            this.id = id;
            this.result = result;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public CheckResult check(SafetyContext token) {
            calls.incrementAndGet();
            return result;
        }
    }

    private static SafetyGate.Builder gate(SafetyCheck... checks) {
        SafetyGate.Builder b = SafetyGate.builder(new TokenMarket()).withoutBuiltInChecks();
        for (SafetyCheck c : checks) {
            b.check(c);
        }
        return b;
    }

    /** A bot config that says which checks it wants. */
    private record Config(SafetyChoice safety) implements StrategyConfig {
        @Override
        public BotSettings settings() {
            return BotSettings.spendingSol(Lamports.ofSol("0.1"), Duration.ofSeconds(1), 5);
        }
    }

    private static OrderCheck.Request order(Side side, Object config) {
        BotSpec spec = BotSpec.builder(BotId.of("b"), "s", config).build();
        TokenAmount amount = side == Side.BUY ? TokenAmount.of(100_000_000, 9) : TokenAmount.of(5, 6);
        return new OrderCheck.Request(BotId.of("b"), "s", spec, side, TOKEN, amount, T0);
    }

    @Test
    void shouldScoreFailuresWholeAndWarningsHalvedExactlyAndDecideAtMaxRisk() {
        SafetyGate gate = gate(
                        new Fixed("a", CheckResult.fail("a found", 50)),
                        new Fixed("b", CheckResult.warn("b found", 25)),
                        new Fixed("c", CheckResult.warn("c found", 1)),
                        new Fixed("d", CheckResult.pass("d fine")))
                .inline()
                .build();

        SafetyVerdict verdict = gate.verdict(TOKEN, SafetyChoice.ALL);

        // 50 + floor(25 / 2) + floor(1 / 2) + 0
        assertThat(verdict.riskScore()).isEqualTo(62);
        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.REFUSE);
        assertThat(verdict.summary())
                .isEqualTo("risk 62/100 (buys refused from 50): a FAIL (50): a found; b WARN (25): b found; c WARN "
                        + "(1): c found");
        assertThat(SafetyVerdict.of(TOKEN, verdict.items(), 63, T0).decision()).isEqualTo(SafetyVerdict.Decision.ALLOW);
        assertThat(SafetyVerdict.of(
                                TOKEN,
                                List.of(
                                        new SafetyVerdict.Item("x", CheckResult.fail("x", 80)),
                                        new SafetyVerdict.Item("y", CheckResult.fail("y", 80))),
                                101,
                                T0)
                        .riskScore())
                .isEqualTo(100);
    }

    @Test
    void shouldRefuseAVerdictWhoseScoreOrDecisionDoesNotFollowFromItsItems() {
        List<SafetyVerdict.Item> items = List.of(new SafetyVerdict.Item("a", CheckResult.warn("a found", 30)));

        assertThatThrownBy(() -> new SafetyVerdict(TOKEN, items, 30, 50, SafetyVerdict.Decision.ALLOW, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the items score 15, not 30");
        assertThatThrownBy(() -> new SafetyVerdict(TOKEN, items, 15, 10, SafetyVerdict.Decision.ALLOW, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a score of 15 against maxRisk 10 is REFUSE");
    }

    @Test
    void shouldFailClosedOnACheckThatThrowsAndOnlyWarnWhenFailingOpen() {
        SafetyCheck broken = new SafetyCheck() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public CheckResult check(SafetyContext token) {
                throw new IllegalStateException("the node answered 503");
            }
        };

        SafetyVerdict closed = gate(broken).build().verdict(TOKEN, SafetyChoice.ALL);
        SafetyVerdict open = gate(broken).failOpen().build().verdict(TOKEN, SafetyChoice.ALL);

        assertThat(closed.items().getFirst().result())
                .isEqualTo(CheckResult.fail(
                        "could not check, so it fails closed: IllegalStateException: the node answered 503", 100));
        assertThat(closed.allows()).isFalse();
        assertThat(open.items().getFirst().result())
                .isEqualTo(CheckResult.warn(
                        "could not check (IllegalStateException: the node answered 503); ignored, as the gate fails "
                                + "open",
                        0));
        assertThat(open.riskScore()).isZero();
    }

    @Test
    void shouldFailClosedOnACheckThatOverrunsItsDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        SafetyCheck hanging = new SafetyCheck() {
            @Override
            public String id() {
                return "hanging";
            }

            @Override
            public CheckResult check(SafetyContext token) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CheckResult.pass("never reached in time");
            }
        };
        Fixed quick = new Fixed("quick", CheckResult.pass("fine"));

        SafetyVerdict verdict =
                gate(hanging, quick).deadline(Duration.ofMillis(20)).build().verdict(TOKEN, SafetyChoice.ALL);

        // only the hanging check's result is certain: on a busy machine the quick one may not have been scheduled
        // within the same 20 ms, and then it fails closed too, which is right
        assertThat(verdict.items()).extracting(SafetyVerdict.Item::check).containsExactly("hanging", "quick");
        assertThat(verdict.items().getFirst())
                .isEqualTo(new SafetyVerdict.Item(
                        "hanging",
                        CheckResult.fail(
                                "could not check, so it fails closed: it did not answer within the deadline of 20 ms",
                                100)));
        assertThat(verdict.allows()).isFalse();
    }

    /** Market data whose account reads are counted, each waiting until {@code asking} is open. */
    private static final class ReadCounting implements MarketData {
        final TokenMarket accounts;
        final CountDownLatch asking;
        final AtomicInteger reads = new AtomicInteger();

        ReadCounting(TokenMarket accounts, CountDownLatch asking) {
            this.accounts = accounts;
            this.asking = asking;
        }

        @Override
        public Optional<AccountBytes> account(String address) {
            reads.incrementAndGet();
            try {
                if (!asking.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not every check asked for the mint account");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return accounts.account(address);
        }

        @Override
        public Optional<Price> price(Mint mint) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> decimals(Mint mint) {
            return Optional.of(6);
        }
    }

    /** Checks that each read the mint account, all asking at once; each answers with the supply it read. */
    private static List<SafetyCheck> askingAtOnce(int count, CountDownLatch asking) {
        return IntStream.range(0, count)
                .<SafetyCheck>mapToObj(i -> new SafetyCheck() {
                    @Override
                    public String id() {
                        return "reader-" + i;
                    }

                    @Override
                    public CheckResult check(SafetyContext token) {
                        asking.countDown();
                        return CheckResult.pass("supply " + token.mintAccount().supply());
                    }
                })
                .toList();
    }

    @Test
    void shouldReadTheMintAccountOnceForChecksAskingAtOnceWithoutHoldingTheirCarriers() {
        // more checks than carrier threads: the first to ask reads while the others wait for its answer; a monitor
        // around the read would pin each waiting virtual thread to its carrier (JDK 21), and the checks still to ask
        // would never run
        int count = Runtime.getRuntime().availableProcessors() + 4;
        CountDownLatch asking = new CountDownLatch(count);
        ReadCounting market =
                new ReadCounting(new TokenMarket().account(TOKEN, TokenMarket.SPL, new MintBytes(1234).get()), asking);
        SafetyGate.Builder b = SafetyGate.builder(market).withoutBuiltInChecks().deadline(Duration.ofMinutes(1));
        askingAtOnce(count, asking).forEach(b::check);

        SafetyVerdict verdict = b.build().verdict(TOKEN, SafetyChoice.ALL);

        assertThat(verdict.items())
                .hasSize(count)
                .allSatisfy(item -> assertThat(item.result()).isEqualTo(CheckResult.pass("supply 1234")));
        assertThat(market.reads).hasValue(1);
    }

    @Test
    void shouldGiveEveryCheckTheOneErrorOfReadingTheMintAccount() {
        ReadCounting market = new ReadCounting(new TokenMarket(), new CountDownLatch(0));
        SafetyGate.Builder b = SafetyGate.builder(market).withoutBuiltInChecks();
        askingAtOnce(3, new CountDownLatch(3)).forEach(b::check);

        SafetyVerdict verdict = b.build().verdict(TOKEN, SafetyChoice.ALL);

        assertThat(verdict.items())
                .hasSize(3)
                .allSatisfy(item -> assertThat(item.result())
                        .isEqualTo(CheckResult.fail(
                                "could not check, so it fails closed: the market has no account data for " + TOKEN,
                                100)));
        assertThat(market.reads).hasValue(1);
    }

    @Test
    void shouldRefuseABuyAtOnceWhileTheChecksRunOffTheTickThenAnswerFromTheVerdict() {
        AtomicReference<Runnable> started = new AtomicReference<>();
        Fixed risky = new Fixed("risky", CheckResult.fail("rugged", 100));
        SafetyGate gate = gate(risky).runner(started::set).build();

        Optional<String> first = gate.check(order(Side.BUY, "any config"));
        Optional<String> second = gate.check(order(Side.BUY, "any config"));

        assertThat(first)
                .hasValue("safety: the checks of " + TOKEN
                        + " are running; its buys are refused until their verdict is in");
        assertThat(second).isEqualTo(first);
        assertThat(risky.calls).hasValue(0);
        started.get().run();
        assertThat(risky.calls).hasValue(1);
        assertThat(gate.check(order(Side.BUY, "any config")))
                .hasValue(
                        "safety refused " + TOKEN + ": risk 100/100 (buys refused from 50): risky FAIL (100): rugged");
        assertThat(gate.check(order(Side.SELL, "any config"))).isEmpty();
    }

    @Test
    void shouldReuseResultsForTheTtlAndCheckAgainAfter() {
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        Fixed counted = new Fixed("counted", CheckResult.pass("fine"));
        SafetyGate gate = gate(counted)
                .inline()
                .ttl(Duration.ofSeconds(30))
                .clock(now::get)
                .build();

        gate.check(order(Side.BUY, "c"));
        now.set(T0.plusSeconds(29));
        gate.check(order(Side.BUY, "c"));
        assertThat(counted.calls).hasValue(1);
        now.set(T0.plusSeconds(30));
        gate.check(order(Side.BUY, "c"));
        assertThat(counted.calls).hasValue(2);
    }

    @Test
    void shouldDecideByAStaleVerdictWhileTheTokenIsCheckedAgainOffTheTick() {
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        AtomicReference<Runnable> started = new AtomicReference<>();
        AtomicReference<CheckResult> answer = new AtomicReference<>(CheckResult.pass("fine"));
        AtomicInteger calls = new AtomicInteger();
        SafetyCheck changing = new SafetyCheck() {
            @Override
            public String id() {
                return "changing";
            }

            @Override
            public CheckResult check(SafetyContext token) {
                calls.incrementAndGet();
                return answer.get();
            }
        };
        SafetyGate gate = gate(changing)
                .runner(started::set)
                .ttl(Duration.ofSeconds(30))
                .clock(now::get)
                .build();
        gate.check(order(Side.BUY, "c"));
        started.getAndSet(null).run();
        assertThat(gate.check(order(Side.BUY, "c"))).isEmpty();

        now.set(T0.plusSeconds(30));
        answer.set(CheckResult.fail("rugged", 100));

        // the verdict has gone stale: it still decides, and a new check is started (once)
        assertThat(gate.check(order(Side.BUY, "c"))).isEmpty();
        assertThat(gate.cachedVerdict(TOKEN, SafetyChoice.ALL)).isEmpty();
        Runnable recheck = started.getAndSet(null);
        assertThat(recheck).isNotNull();
        assertThat(gate.check(order(Side.BUY, "c"))).isEmpty();
        assertThat(started.get()).isNull();
        assertThat(calls).hasValue(1);

        recheck.run();

        assertThat(calls).hasValue(2);
        assertThat(gate.check(order(Side.BUY, "c")))
                .hasValue("safety refused " + TOKEN
                        + ": risk 100/100 (buys refused from 50): changing FAIL (100): rugged");
        assertThat(gate.cachedVerdict(TOKEN, SafetyChoice.ALL).orElseThrow().at())
                .isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void shouldStillRefuseATokenNeverCheckedAlthoughAnotherHasAStaleVerdict() {
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        AtomicReference<Runnable> started = new AtomicReference<>();
        Fixed fine = new Fixed("fine", CheckResult.pass("fine"));
        SafetyGate gate = gate(fine).runner(started::set).clock(now::get).build();
        gate.check(order(Side.BUY, "c"));
        started.getAndSet(null).run();
        now.set(T0.plusSeconds(60));
        Mint other = Mint.of("So11111111111111111111111111111111111111112");
        OrderCheck.Request base = order(Side.BUY, "c");
        OrderCheck.Request otherBuy = new OrderCheck.Request(
                base.botId(), base.strategyId(), base.spec(), Side.BUY, other, base.amountIn(), base.at());

        assertThat(gate.check(otherBuy))
                .hasValue("safety: the checks of " + other
                        + " are running; its buys are refused until their verdict is in");
        assertThat(gate.check(order(Side.BUY, "c"))).isEmpty();
    }

    @Test
    void shouldRunOnlyTheChecksTheBotsConfigLeavesOn() {
        Fixed holders = new Fixed("top-holders", CheckResult.fail("whale", 100));
        Fixed liquidity = new Fixed("liquidity", CheckResult.pass("deep"));
        SafetyGate gate = gate(holders, liquidity).inline().build();

        assertThat(gate.check(order(Side.BUY, new Config(new SafetyChoice(true, Set.of("top-holders"))))))
                .isEmpty();
        assertThat(gate.check(order(Side.BUY, new Config(SafetyChoice.NONE)))).isEmpty();
        assertThat(holders.calls).hasValue(0);
        assertThat(liquidity.calls).hasValue(1);
        assertThat(gate.check(order(Side.BUY, new Config(SafetyChoice.ALL)))).isPresent();
        assertThat(holders.calls).hasValue(1);
        assertThat(liquidity.calls).hasValue(1);
    }

    @Test
    void shouldRefuseTwoChecksWithOneId() {
        assertThatThrownBy(() -> gate(new Fixed("x", CheckResult.pass("p")), new Fixed("x", CheckResult.pass("p")))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("two safety checks have the id 'x'");
    }
}
