package io.solbot.strategies.common.internal;

import java.util.Optional;

/**
 * One test a token must pass before the bot buys it, named so that a test and a log can say which one rejected it.
 * Unknown data (no candle, no pool, no SOL price) rejects: empty is "no", never a pass.
 */
public interface Gate {
    /** The gate's name, such as {@code pump} or {@code liquidity}. */
    String name();

    /** Empty when {@code candidate} passes; else why not, for people. */
    Optional<String> reject(Candidate candidate);
}
