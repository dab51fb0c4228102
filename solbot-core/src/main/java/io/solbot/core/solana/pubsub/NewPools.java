package io.solbot.core.solana.pubsub;

import io.solbot.core.domain.Base58;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.LandedTransaction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
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
 * <p>A Raydium pool's logs do not name its mints: {@link #poolMint} reads them from the creating transaction ({@code
 * getTransaction}), which the caller fetches. Not thread-safe: one instance per stream.
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
    /** pump.fun's Anchor event {@code CreateEvent}: the first 8 bytes of its {@code Program data:} payload. */
    private static final byte[] CREATE_EVENT = {27, 114, (byte) 169, 77, (byte) 222, (byte) 235, 99, 118};
    /** pump.fun mints have 6 decimals. */
    private static final int PUMP_DECIMALS = 6;

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

    /** Raydium AMM v4's {@code Initialize2} instruction: tag 1, then its arguments. */
    private static final byte INITIALIZE2 = 1;
    /** Raydium AMM v4 {@code initialize2}: the coin mint is its 9th account, the pc mint its 10th (solana.md §5.2). */
    private static final int V4_COIN_MINT = 8;

    private static final int V4_PC_MINT = 9;
    /** Raydium CPMM {@code initialize}: after creator, config, authority and pool state come token 0's and 1's mints. */
    private static final int CPMM_TOKEN_0_MINT = 4;

    private static final int CPMM_TOKEN_1_MINT = 5;
    /** Anchor's discriminator of CPMM's {@code initialize}: the first 8 bytes of sha256("global:initialize"). */
    private static final byte[] CPMM_INITIALIZE = discriminator("global:initialize");

    /**
     * The token a Raydium pool of {@code program} ({@link #RAYDIUM_AMM_V4} or {@link #RAYDIUM_CPMM}) created in
     * {@code transaction} pairs against SOL: the mint other than wrapped SOL of its initialising instruction (called
     * directly or through another program). Empty if the transaction has no such instruction, the instruction is cut
     * short, or neither side is SOL (a pool this library does not trade).
     */
    public static Optional<Mint> poolMint(LandedTransaction transaction, Address program) {
        for (LandedTransaction.Instruction ix : transaction.instructions()) {
            if (!ix.program().equals(program)) {
                continue;
            }
            byte[] data = ix.data();
            Optional<Address> a;
            Optional<Address> b;
            if (program.equals(RAYDIUM_AMM_V4) && data.length > 0 && data[0] == INITIALIZE2) {
                a = ix.account(V4_COIN_MINT);
                b = ix.account(V4_PC_MINT);
            } else if (program.equals(RAYDIUM_CPMM)
                    && data.length >= 8
                    && Arrays.equals(data, 0, 8, CPMM_INITIALIZE, 0, 8)) {
                a = ix.account(CPMM_TOKEN_0_MINT);
                b = ix.account(CPMM_TOKEN_1_MINT);
            } else {
                continue;
            }
            if (a.isEmpty() || b.isEmpty()) {
                return Optional.empty();
            }
            String sol = Mint.WRAPPED_SOL.address();
            if (a.get().toString().equals(sol) && !b.get().toString().equals(sol)) {
                return Optional.of(Mint.of(b.get().toString()));
            }
            if (b.get().toString().equals(sol) && !a.get().toString().equals(sol)) {
                return Optional.of(Mint.of(a.get().toString()));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] discriminator(String name) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

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

    /**
     * The token a pump.fun launch created, read from its {@code CreateEvent} ({@code Program data:} inside pump.fun's
     * frame: name, symbol and uri as length-prefixed strings, then the mint, the bonding curve, the user and the
     * creator, then the timestamp), so that no {@code getTransaction} is needed; empty for other notifications, failed
     * transactions and events cut short.
     */
    public static Optional<NewToken> pumpLaunch(LogsNotification notification) {
        if (notification.err().isPresent()) {
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
            if (!PUMP_FUN.toString().equals(frames.peek()) || !line.startsWith("Program data: ")) {
                continue;
            }
            byte[] data;
            try {
                data = Base64.getDecoder()
                        .decode(line.substring("Program data: ".length()).strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (data.length < 8 || !Arrays.equals(data, 0, 8, CREATE_EVENT, 0, 8)) {
                continue;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(data, 8, data.length - 8).order(ByteOrder.LITTLE_ENDIAN);
                string(in);
                String symbol = string(in);
                string(in);
                byte[] mint = new byte[32];
                in.get(mint);
                in.position(in.position() + 3 * 32);
                long timestamp = in.getLong();
                return Optional.of(new NewToken(
                        Mint.of(Base58.encode(mint)), symbol, PUMP_DECIMALS, Instant.ofEpochSecond(timestamp)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string beyond the event");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
