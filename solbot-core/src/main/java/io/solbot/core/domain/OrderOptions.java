package io.solbot.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one order is to be sent, where it differs from the bot's defaults: its slippage, priority fee, Jito tip, the
 * wallet it trades from, and why it is placed. Each option left unset takes the bot's own (its spec's slippage and
 * priority fee, no tip, its wallet) or the side's default reason. {@link #NONE} sets nothing; the withers set one
 * option each:
 *
 * <pre>{@code
 * ctx.orders().buy(mint, amount, OrderOptions.NONE.withSlippageBps(300).withPriorityFee(Lamports.of(15_000)));
 * ctx.orders().sell(mint, held, OrderOptions.NONE.withReason("take-profit"));
 * }</pre>
 *
 * <p>Options change how an order is sent, never what the bot may do: the engine checks the bot's limits on the
 * order's amount whatever the options. Immutable and thread-safe.
 */
public final class OrderOptions {
    /** The wallet an order trades from when it names none: the bots file's default label. */
    public static final String DEFAULT_WALLET = "default";

    /** No option set: the bot's defaults throughout. */
    public static final OrderOptions NONE = new OrderOptions(-1, null, null, null, null);

    private static final int MAX_WALLET_LENGTH = 64;

    /** -1 when unset. */
    private final int slippageBps;

    private final Lamports priorityFee;
    private final Lamports jitoTip;
    private final String wallet;
    private final String reason;

    private OrderOptions(int slippageBps, Lamports priorityFee, Lamports jitoTip, String wallet, String reason) {
        this.slippageBps = slippageBps;
        this.priorityFee = priorityFee;
        this.jitoTip = jitoTip;
        this.wallet = wallet;
        this.reason = reason;
    }

    /**
     * These options with the most the price may move against the order, in basis points.
     *
     * @throws IllegalArgumentException unless 0 to 10 000 (100 %): no option lets an order accept more than all
     */
    public OrderOptions withSlippageBps(int value) {
        if (value < 0 || value > 10_000) {
            throw new IllegalArgumentException("slippageBps must be between 0 and 10000, but was " + value);
        }
        return new OrderOptions(value, priorityFee, jitoTip, wallet, reason);
    }

    /**
     * These options with the priority fee the order's transactions pay, instead of the bot's.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public OrderOptions withPriorityFee(Lamports value) {
        return new OrderOptions(slippageBps, notNegative("priorityFee", value), jitoTip, wallet, reason);
    }

    /**
     * These options with a Jito tip: the order is sent as a Jito bundle that pays {@code value} for each of its
     * transactions that lands (zero: sent as plain transactions, the default).
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public OrderOptions withJitoTip(Lamports value) {
        return new OrderOptions(slippageBps, priorityFee, notNegative("jitoTip", value), wallet, reason);
    }

    /**
     * These options with the wallet the order trades from, by its label (the bots file's {@code wallet}, a stealth
     * bot's {@code wallets}).
     *
     * @throws IllegalArgumentException if {@code label} is blank, longer than 64 characters, has a control character,
     *     or has spaces around it
     */
    public OrderOptions withWallet(String label) {
        return new OrderOptions(slippageBps, priorityFee, jitoTip, checkWallet(label), reason);
    }

    /**
     * These options with why the order is placed, kept with its fills: a sell's reason is the exit reason of the
     * trades it closes ({@code take-profit}, {@code stop-loss}, {@code trailing-stop}, {@code max-hold}, ...).
     *
     * @param value 1 to 32 lower-case letters, digits and '-', starting with a letter
     * @throws IllegalArgumentException if {@code value} is not of that form
     */
    public OrderOptions withReason(String value) {
        return new OrderOptions(slippageBps, priorityFee, jitoTip, wallet, Fill.checkReason(value));
    }

    /** The slippage to use instead of the bot's, in basis points (0 to 10 000), if set. */
    public OptionalInt slippageBps() {
        return slippageBps < 0 ? OptionalInt.empty() : OptionalInt.of(slippageBps);
    }

    /** The priority fee to pay instead of the bot's, if set. */
    public Optional<Lamports> priorityFee() {
        return Optional.ofNullable(priorityFee);
    }

    /** The Jito tip per landed transaction, if set. */
    public Optional<Lamports> jitoTip() {
        return Optional.ofNullable(jitoTip);
    }

    /** The label of the wallet to trade from, if set. */
    public Optional<String> wallet() {
        return Optional.ofNullable(wallet);
    }

    /** Why the order is placed, if set. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** Whether no option is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Checks a wallet label: 1 to 64 characters, none of them a control character, no spaces around it.
     *
     * @return {@code label}
     * @throws IllegalArgumentException naming the label and what is wrong with it
     */
    public static String checkWallet(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a wallet label must not be blank, but was '" + label + "'");
        }
        if (label.length() > MAX_WALLET_LENGTH
                || !label.strip().equals(label)
                || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a wallet label has 1 to 64 characters, no control characters and no"
                    + " spaces around it, but was '" + label + "'");
        }
        return label;
    }

    private static Lamports notNegative(String name, Lamports value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative, but was " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderOptions other
                && slippageBps == other.slippageBps
                && Objects.equals(priorityFee, other.priorityFee)
                && Objects.equals(jitoTip, other.jitoTip)
                && Objects.equals(wallet, other.wallet)
                && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slippageBps, priorityFee, jitoTip, wallet, reason);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("OrderOptions[");
        String sep = "";
        if (slippageBps >= 0) {
            s.append("slippageBps=").append(slippageBps);
            sep = ", ";
        }
        if (priorityFee != null) {
            s.append(sep).append("priorityFee=").append(priorityFee);
            sep = ", ";
        }
        if (jitoTip != null) {
            s.append(sep).append("jitoTip=").append(jitoTip);
            sep = ", ";
        }
        if (wallet != null) {
            s.append(sep).append("wallet=").append(wallet);
            sep = ", ";
        }
        if (reason != null) {
            s.append(sep).append("reason=").append(reason);
        }
        return s.append(']').toString();
    }
}
