package io.solbot.strategies.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of config files, stated once. Percent fields are percent ({@code slippage: 1} is 1 %); fraction fields
 * say so in their docs ({@code maxSlippage: 0.15} is 15 % price impact); durations carry their unit in the field name
 * ({@code delayBeforeBuyMs}, {@code maxHoldSec}) or are seconds ({@code interval}, {@code cooldown}); windows are
 * minutes or text with a unit ({@code "5m"}, {@code "1h"}). The one quirk kept from the original platform: an {@code
 * entryThreshold} below 1 is a fraction (0.03 = 3 %), 1 and above is percent; {@link #percentFromThreshold} normalises
 * it once, when the config is built.
 */
public final class Units {
    /**
     * The most SOL any amount field may hold: 1 000 000 000 SOL, more than exists, and so far below {@code
     * Long.MAX_VALUE} lamports that an amount always converts to lamports (a rule the original lacked).
     */
    public static final BigDecimal MAX_SOL = new BigDecimal("1000000000");

    /** The message of {@link #MAX_SOL}. */
    public static final String MAX_SOL_RULE = "must be at most 1000000000 SOL (more SOL than exists)";

    private static final Pattern WINDOW = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([smhd]?)");

    private Units() {}

    /** An entry threshold as percent: values below 1 are fractions and are multiplied by 100. */
    public static BigDecimal percentFromThreshold(BigDecimal threshold) {
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) >= 0) {
            return threshold;
        }
        return threshold.movePointRight(2).stripTrailingZeros();
    }

    /** A percent as basis points: 1.25 % is 125 bps. The value must have at most 2 decimals. */
    public static int bps(BigDecimal percent) {
        return percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    /** A number of seconds, up to millisecond precision, as a duration. */
    public static Duration seconds(BigDecimal seconds) {
        return Duration.ofMillis(
                seconds.movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact());
    }

    /**
     * A window in minutes: a number of minutes, or text such as {@code "90s"}, {@code "5m"}, {@code "1h"}, {@code
     * "1d"}; null when the text is neither.
     */
    public static BigDecimal minutes(String window) {
        if (window == null) {
            return null;
        }
        Matcher m = WINDOW.matcher(window.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 12) {
            return null;
        }
        BigDecimal n = new BigDecimal(m.group(1));
        return switch (m.group(2)) {
            case "s" -> n.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP);
            case "h" -> n.multiply(BigDecimal.valueOf(60));
            case "d" -> n.multiply(BigDecimal.valueOf(1440));
            default -> n;
        };
    }

    /** Whether {@code value} is null or zero: "off" for the original's optional switches. */
    public static boolean isOff(BigDecimal value) {
        return value == null || value.signum() == 0;
    }
}
