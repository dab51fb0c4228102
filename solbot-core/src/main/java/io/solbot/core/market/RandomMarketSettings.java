package io.solbot.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link SimulatedMarket#random} generates a market. Every step, each live token's price takes a random-walk
 * step (a normal log-return with {@code volatilityBps} standard deviation, plus with {@code jumpProbability} a jump
 * of {@code jumpBps} standard deviation), made by another trader's swap against its pool; with {@code
 * launchProbability} a new token launches on a pump.fun-like curve (30 SOL and 1.073e15 raw units of virtual
 * reserves, 6 decimals, 1 % fee); each launched token may turn out a honeypot (sells revert), keep its mint or freeze
 * authority, and be rugged ({@code rugProbability} per step: at least 99 % of its liquidity pulled, then its
 * insiders, the largest holders with at least half of the holders' tokens, sell all they hold into what is left, in
 * swaps that name them; the price falls to 1 % or less and the token trades no more). The run starts with
 * {@code initialTokens} established tokens (100 to 1000 SOL pools, 0.25 % fee, authorities renounced).
 *
 * <p>With {@code smartWallets} above zero, that many named traders (the addresses of {@link #smartWallet}, the same
 * for every seed, so that a copy trader's config can name them) trade too: each step each of them trades with {@code
 * smartWalletActivity}, buying 0.1 to 2 SOL of a live token that can be sold, or selling a quarter, half or all of
 * one it holds, bought in the market or held from the start (each holds a small bag of one of the tokens listed at
 * the start). They are never among a rug pull's insiders. Their draws come from a stream of their own, so the other
 * draws of a seed stay as they were; their swaps move the pools all the same, so a market with smart wallets is not
 * the one without them. Off by default.
 *
 * <p>Immutable; validated on construction, with every bad value named in one message.
 *
 * @param seed the seed: equal settings give equal markets
 * @param start the time of the first step, millisecond precision
 * @param step time between steps, a whole number of milliseconds, at least 1 ms
 * @param initialTokens established tokens listed at the start, 0 to 1000
 * @param volatilityBps standard deviation of each step's log-return, in basis points, 0 to 5000
 * @param jumpProbability chance of a jump per token and step, 0 to 1
 * @param jumpBps standard deviation of a jump's log-return, in basis points, 0 to 100000
 * @param launchProbability chance of a launch per step, 0 to 1
 * @param rugProbability chance per launched token and step that it is rugged, 0 to 1
 * @param honeypotProbability chance that a launched token cannot be sold, 0 to 1
 * @param mintAuthorityProbability chance that a launched token keeps a mint authority, 0 to 1
 * @param freezeAuthorityProbability chance that a launched token keeps a freeze authority, 0 to 1
 * @param holdersPerToken holders (other than the pool) of each token, 1 to 100
 * @param smartWallets named traders who buy and sell as above, 0 (none) to {@value #MAX_SMART_WALLETS}
 * @param smartWalletActivity chance per smart wallet and step that it trades, 0 to 1
 */
public record RandomMarketSettings(
        long seed,
        Instant start,
        Duration step,
        int initialTokens,
        int volatilityBps,
        double jumpProbability,
        int jumpBps,
        double launchProbability,
        double rugProbability,
        double honeypotProbability,
        double mintAuthorityProbability,
        double freezeAuthorityProbability,
        int holdersPerToken,
        int smartWallets,
        double smartWalletActivity) {

    /** The most smart wallets a market has. */
    public static final int MAX_SMART_WALLETS = 20;

    /** Digits of the smart wallets' addresses: base58 without '1', which is its zero. */
    private static final String WALLET_DIGITS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** @throws IllegalArgumentException listing every field out of range, with its value */
    public RandomMarketSettings {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        List<String> errors = new ArrayList<>();
        if (start.getNano() % 1_000_000 != 0) {
            errors.add("start must have millisecond precision, but was " + start);
        }
        if (step.toMillis() < 1 || step.toNanos() % 1_000_000 != 0) {
            errors.add("step must be a whole number of milliseconds, at least 1, but was " + step);
        }
        range(errors, "initialTokens", initialTokens, 0, 1000);
        range(errors, "volatilityBps", volatilityBps, 0, 5000);
        probability(errors, "jumpProbability", jumpProbability);
        range(errors, "jumpBps", jumpBps, 0, 100_000);
        probability(errors, "launchProbability", launchProbability);
        probability(errors, "rugProbability", rugProbability);
        probability(errors, "honeypotProbability", honeypotProbability);
        probability(errors, "mintAuthorityProbability", mintAuthorityProbability);
        probability(errors, "freezeAuthorityProbability", freezeAuthorityProbability);
        range(errors, "holdersPerToken", holdersPerToken, 1, 100);
        range(errors, "smartWallets", smartWallets, 0, MAX_SMART_WALLETS);
        probability(errors, "smartWalletActivity", smartWalletActivity);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid random market settings: " + String.join("; ", errors));
        }
    }

    /** Settings without smart wallets. */
    public RandomMarketSettings(
            long seed,
            Instant start,
            Duration step,
            int initialTokens,
            int volatilityBps,
            double jumpProbability,
            int jumpBps,
            double launchProbability,
            double rugProbability,
            double honeypotProbability,
            double mintAuthorityProbability,
            double freezeAuthorityProbability,
            int holdersPerToken) {
        this(
                seed,
                start,
                step,
                initialTokens,
                volatilityBps,
                jumpProbability,
                jumpBps,
                launchProbability,
                rugProbability,
                honeypotProbability,
                mintAuthorityProbability,
                freezeAuthorityProbability,
                holdersPerToken,
                0,
                0);
    }

    /**
     * The base58 address of smart wallet {@code index} (from 0): {@code SmartWa11et} and a digit, padded with '1' to
     * 43 characters (32 bytes), the same for every market.
     *
     * @throws IllegalArgumentException if {@code index} is not between 0 and {@value #MAX_SMART_WALLETS} − 1
     */
    public static String smartWallet(int index) {
        if (index < 0 || index >= MAX_SMART_WALLETS) {
            throw new IllegalArgumentException(
                    "a smart wallet's index is between 0 and " + (MAX_SMART_WALLETS - 1) + ", but was " + index);
        }
        return ("SmartWa11et" + WALLET_DIGITS.charAt(index) + "1".repeat(31));
    }

    /**
     * One-second steps, 5 established tokens, 1 % volatility per step, 1 % jump chance (15 % jumps), a launch every
     * 50 steps on average, 0.2 % rug chance per launched token and step, 20 % honeypots, 10 % mint and 10 % freeze
     * authorities kept, 20 holders per token, no smart wallets.
     */
    public static RandomMarketSettings defaults(long seed, Instant start) {
        return new RandomMarketSettings(
                seed, start, Duration.ofSeconds(1), 5, 100, 0.01, 1500, 0.02, 0.002, 0.2, 0.1, 0.1, 20);
    }

    public RandomMarketSettings withSeed(long value) {
        return copy(
                value,
                initialTokens,
                launchProbability,
                rugProbability,
                honeypotProbability,
                smartWallets,
                smartWalletActivity);
    }

    /** These settings with {@code count} smart wallets, each trading with {@code activity} per step. */
    public RandomMarketSettings withSmartWallets(int count, double activity) {
        return copy(seed, initialTokens, launchProbability, rugProbability, honeypotProbability, count, activity);
    }

    /** The addresses of this market's smart wallets, in order. */
    public List<String> smartWalletAddresses() {
        List<String> out = new ArrayList<>(smartWallets);
        for (int i = 0; i < smartWallets; i++) {
            out.add(smartWallet(i));
        }
        return out;
    }

    public RandomMarketSettings withInitialTokens(int value) {
        return copy(
                seed, value, launchProbability, rugProbability, honeypotProbability, smartWallets, smartWalletActivity);
    }

    /** These settings with the launch, rug and honeypot chances replaced. */
    public RandomMarketSettings withLaunches(double launch, double rug, double honeypot) {
        return copy(seed, initialTokens, launch, rug, honeypot, smartWallets, smartWalletActivity);
    }

    /**
     * These settings with the fields the withers replace given anew: every wither goes through here, so a new
     * component is added here and in the constructor without smart wallets (which must call {@code this(...)}
     * itself), not in each wither.
     */
    private RandomMarketSettings copy(
            long seed, int initialTokens, double launch, double rug, double honeypot, int wallets, double activity) {
        return new RandomMarketSettings(
                seed,
                start,
                step,
                initialTokens,
                volatilityBps,
                jumpProbability,
                jumpBps,
                launch,
                rug,
                honeypot,
                mintAuthorityProbability,
                freezeAuthorityProbability,
                holdersPerToken,
                wallets,
                activity);
    }

    private static void range(List<String> errors, String field, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(field + " must be between " + min + " and " + max + ", but was " + value);
        }
    }

    private static void probability(List<String> errors, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            errors.add(field + " must be between 0 and 1, but was " + value);
        }
    }
}
