package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one executed order (or one part of a partially filled order) exchanged, exactly: everything a fill store
 * needs to record it.
 *
 * @param orderId the intent this fill belongs to
 * @param botId the bot that placed the order
 * @param mint the token bought or sold
 * @param side buy (SOL in, token out) or sell (token in, SOL out)
 * @param amountIn what left the wallet, in raw units of the input mint (SOL or the token), more than zero
 * @param amountOut what arrived, in raw units of the output mint: more than zero for a buy; zero or more for a sell,
 *     since a worthless token sells (or is {@linkplain #writeOff written off}) for nothing, at a loss
 * @param price SOL per whole token that this fill achieved; zero for a sell that brought nothing
 * @param fee network fees paid: signature fee plus priority fee
 * @param tip a Jito tip, zero if none
 * @param signature the transaction signature (synthetic for paper fills and write-offs)
 * @param part which part of the order this is, from 1
 * @param parts how many parts the order was filled in
 * @param submittedAt when the order was submitted
 * @param filledAt when this part landed
 * @param reason why the order was placed, from its {@link OrderOptions#reason()}: for a sell, the exit reason of the
 *     lots it closes ({@code take-profit}, ...); by default {@code entry} for a buy, {@code exit} for a sell and {@code
 *     write-off} for a {@linkplain #writeOff write-off}. 1 to 32 lower-case letters, digits and '-', starting with a
 *     letter
 */
public record Fill(
        OrderId orderId,
        BotId botId,
        Mint mint,
        Side side,
        TokenAmount amountIn,
        TokenAmount amountOut,
        Price price,
        Lamports fee,
        Lamports tip,
        TxSignature signature,
        int part,
        int parts,
        Instant submittedAt,
        Instant filledAt,
        String reason) {

    /** The reason of a buy that names none. */
    public static final String ENTRY = "entry";

    /** The reason of a sell that names none. */
    public static final String EXIT = "exit";

    /** The reason of a {@linkplain #writeOff write-off}. */
    public static final String WRITE_OFF = "write-off";

    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** The characters an {@link OrderId} may have, in the order of their 6-bit codes in a write-off's signature. */
    private static final String ORDER_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private static final String WRITE_OFF_TAG = "solbotwriteoff";

    public Fill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(amountOut, "amountOut");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(filledAt, "filledAt");
        checkReason(reason);
        if (amountIn.signum() <= 0 || amountOut.signum() < 0 || (side == Side.BUY && amountOut.signum() == 0)) {
            throw new IllegalArgumentException("a fill moves a positive amount in and a positive amount out (zero"
                    + " allowed for a sell), but this " + side + " was " + amountIn + " in and " + amountOut + " out");
        }
        if (fee.isNegative() || tip.isNegative()) {
            throw new IllegalArgumentException("fees and tips cannot be negative");
        }
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException("part must be between 1 and " + parts + ", but was " + part);
        }
    }

    /** A fill with the default reason of its side: {@link #ENTRY}, {@link #EXIT}, or {@link #WRITE_OFF}. */
    public Fill(
            OrderId orderId,
            BotId botId,
            Mint mint,
            Side side,
            TokenAmount amountIn,
            TokenAmount amountOut,
            Price price,
            Lamports fee,
            Lamports tip,
            TxSignature signature,
            int part,
            int parts,
            Instant submittedAt,
            Instant filledAt) {
        this(
                orderId,
                botId,
                mint,
                side,
                amountIn,
                amountOut,
                price,
                fee,
                tip,
                signature,
                part,
                parts,
                submittedAt,
                filledAt,
                defaultReason(orderId, side, amountOut, fee, tip, signature));
    }

    /**
     * The reason of a fill that names none: {@link #WRITE_OFF} for a write-off (see {@link #isWriteOff()}), else
     * {@link #ENTRY} for a buy and {@link #EXIT} for a sell.
     */
    private static String defaultReason(
            OrderId orderId, Side side, TokenAmount amountOut, Lamports fee, Lamports tip, TxSignature signature) {
        if (side == Side.BUY) {
            return ENTRY;
        }
        return isWriteOff(orderId, amountOut, fee, tip, signature) ? WRITE_OFF : EXIT;
    }

    /**
     * Checks a reason: 1 to 32 lower-case letters, digits and '-', starting with a letter.
     *
     * @return {@code reason}
     * @throws IllegalArgumentException naming the reason, if it is not of that form
     */
    public static String checkReason(String reason) {
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("a reason is 1 to 32 lower-case letters, digits and '-', starting with"
                    + " a letter, but was '" + reason + "'");
        }
        return reason;
    }

    /**
     * The fill that writes off {@code quantity} of {@code mint}, a position the bot can no longer sell (its pool is
     * drained, its token worthless): a sell of those tokens for no SOL, with no fee or tip, so that its lots close at
     * a loss of their whole cost basis in every ledger, like any other sell. Its submitted and filled times are both
     * {@code at}.
     *
     * <p>Its signature is synthetic: made of the order id (so writing the same write-off twice is the same fill, and
     * two write-offs never share one) and a fixed tag, with its last byte 0xFF. A real signature's second half is the
     * scalar S, little-endian, and every valid Ed25519 signature has S below the group order, less than 2^253 (RFC
     * 8032 §5.1.7 requires verifiers to refuse any other), so its last byte is at most 0x1F and no transaction that
     * landed can carry this one. {@link #isWriteOff()} tells such a fill from others.
     *
     * @param quantity the tokens written off, more than zero
     */
    public static Fill writeOff(OrderId orderId, BotId botId, Mint mint, TokenAmount quantity, Instant at) {
        return new Fill(
                orderId,
                botId,
                mint,
                Side.SELL,
                quantity,
                Lamports.ZERO.toTokenAmount(),
                Price.ZERO,
                Lamports.ZERO,
                Lamports.ZERO,
                writeOffSignature(orderId),
                1,
                1,
                at,
                at,
                WRITE_OFF);
    }

    /** Whether this fill is a {@link #writeOff write-off}: a sell for nothing that carries a write-off's signature. */
    public boolean isWriteOff() {
        return side == Side.SELL && isWriteOff(orderId, amountOut, fee, tip, signature);
    }

    private static boolean isWriteOff(
            OrderId orderId, TokenAmount amountOut, Lamports fee, Lamports tip, TxSignature signature) {
        return amountOut.isZero() && fee.isZero() && tip.isZero() && signature.equals(writeOffSignature(orderId));
    }

    /**
     * 64 bytes: the order id's characters, 6 bits each (an order id has at most 64 of the 64 characters of {@link
     * #ORDER_ID_CHARS}), in bytes 0 to 47; its length in byte 48; {@link #WRITE_OFF_TAG} in bytes 49 to 62; and 0xFF
     * in byte 63, the top byte of S. One order id, one signature, and never a valid one.
     */
    private static TxSignature writeOffSignature(OrderId orderId) {
        byte[] bytes = new byte[64];
        String id = orderId.value();
        int bit = 0;
        for (int i = 0; i < id.length(); i++, bit += 6) {
            int code = ORDER_ID_CHARS.indexOf(id.charAt(i));
            for (int b = 5; b >= 0; b--) {
                if ((code >> b & 1) == 1) {
                    int at = bit + 5 - b;
                    bytes[at / 8] |= (byte) (0x80 >>> (at % 8));
                }
            }
        }
        bytes[48] = (byte) id.length();
        for (int i = 0; i < WRITE_OFF_TAG.length(); i++) {
            bytes[49 + i] = (byte) WRITE_OFF_TAG.charAt(i);
        }
        bytes[63] = (byte) 0xFF;
        return TxSignature.ofBytes(bytes);
    }

    /**
     * This fill with {@code reason} instead of its own.
     *
     * @throws IllegalArgumentException if {@code reason} is not of the form {@link #checkReason} accepts
     */
    public Fill withReason(String reason) {
        return new Fill(
                orderId,
                botId,
                mint,
                side,
                amountIn,
                amountOut,
                price,
                fee,
                tip,
                signature,
                part,
                parts,
                submittedAt,
                filledAt,
                reason);
    }

    /** The tokens this fill bought or sold. */
    public TokenAmount tokens() {
        return side == Side.BUY ? amountOut : amountIn;
    }

    /** The SOL this fill spent (buy) or received (sell), before fees. */
    public Lamports sol() {
        return Lamports.fromTokenAmount(side == Side.BUY ? amountIn : amountOut);
    }
}
