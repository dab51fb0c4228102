package io.solbot.core.solana.pubsub;

import io.solbot.core.solana.Address;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds pool creations in {@code logsSubscribe} notifications: Raydium AMM v4 ({@code initialize2}), Raydium CPMM
 * ({@code Instruction: Initialize}) and pump.fun ({@code Instruction: Create} / {@code CreateV2}). A marker counts only
 * inside its own program's invoke frame (tracked through {@code Program <id> invoke [n]} and {@code Program <id>
 * success|failed}): other programs log {@code Create} too (the token-account program, Metaplex). Failed transactions
 * are skipped, and a signature is reported once however many notifications carry it.
 *
 * <p>Reading the new pool's mints needs the transaction itself ({@code getTransaction}), left to the caller. Not
 * thread-safe: one instance per stream.
 */
public final class NewPools {
    /** Raydium's AMM v4. */
    public static final Address RAYDIUM_AMM_V4 = Address.of("675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8");
    /** Raydium's constant-product AMM (CPMM). */
    public static final Address RAYDIUM_CPMM = Address.of("CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C");
    /** pump.fun's bonding curves. */
    public static final Address PUMP_FUN = Address.of("6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P");

    private static final Pattern FRAME = Pattern.compile("^Program (\\w{32,44}) (invoke \\[\\d+]|success|failed.*)$");
    private static final int REMEMBERED = 10_000;

    /**
     * A pool creation seen in a transaction's logs.
     *
     * @param program the program that created it
     * @param signature the creating transaction
     * @param slot where it was seen
     */
    public record PoolCreated(Address program, String signature, long slot) {}

    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The pool {@code notification} creates, if it creates one and was not reported before. */
    public Optional<PoolCreated> read(LogsNotification notification) {
        if (notification.err().isPresent() || seen.containsKey(notification.signature())) {
            return Optional.empty();
        }
        Deque<String> frames = new ArrayDeque<>();
        for (String line : notification.logs()) {
            Matcher frame = FRAME.matcher(line);
            if (frame.matches()) {
                if (frame.group(2).startsWith("invoke")) {
                    frames.push(frame.group(1));
                } else if (!frames.isEmpty()) {
                    frames.pop();
                }
                continue;
            }
            if (frames.isEmpty() || !line.startsWith("Program log: ")) {
                continue;
            }
            String program = frames.peek();
            String text = line.substring("Program log: ".length());
            Address creator = null;
            if (program.equals(RAYDIUM_AMM_V4.toString()) && text.startsWith("initialize2: InitializeInstruction2")) {
                creator = RAYDIUM_AMM_V4;
            } else if (program.equals(RAYDIUM_CPMM.toString()) && text.equals("Instruction: Initialize")) {
                creator = RAYDIUM_CPMM;
            } else if (program.equals(PUMP_FUN.toString())
                    && (text.equals("Instruction: Create") || text.equals("Instruction: CreateV2"))) {
                creator = PUMP_FUN;
            }
            if (creator != null) {
                seen.put(notification.signature(), Boolean.TRUE);
                return Optional.of(new PoolCreated(creator, notification.signature(), notification.slot()));
            }
        }
        return Optional.empty();
    }
}
