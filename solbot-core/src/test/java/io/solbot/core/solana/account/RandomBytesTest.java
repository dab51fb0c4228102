package io.solbot.core.solana.account;

import static io.solbot.core.solana.account.Bytes.SPL;
import static io.solbot.core.solana.account.Bytes.T22;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, a decoder returns an account or throws its own {@link MalformedAccountException}; and what it
 * returns survives its own writer unchanged. Seeded, so a failure repeats: the message names the seed and the try.
 */
class RandomBytesTest {
    private static final long SEED = 20261202L;
    private static final int TRIES = 40_000;
    private static final String[] OWNERS = {SPL, T22, T22, "11111111111111111111111111111111"};

    /** A valid Token-2022 mint with several extensions, which the mutations start from. */
    private static final byte[] MINT = new MintAccount(
                    TokenProgram.TOKEN_2022,
                    Optional.of(Bytes.address(1)),
                    java.math.BigInteger.TEN,
                    6,
                    true,
                    Optional.empty(),
                    List.of(
                            new Extension.TransferHook(Optional.empty(), Optional.of(Bytes.address(2))),
                            new Extension.NonTransferable(),
                            new Extension.Pausable(Optional.of(Bytes.address(3)), false),
                            new Extension.Unknown(77, new byte[] {1, 2, 3})))
            .toBytes();

    @Test
    void shouldNeverThrowAnythingButItsOwnErrorOnRandomBytes() {
        Random random = new Random(SEED);
        int decoded = 0;
        for (int i = 0; i < TRIES; i++) {
            byte[] data = bytes(random);
            String owner = OWNERS[random.nextInt(OWNERS.length)];
            decoded += tryDecode(i, data, owner, MintAccount::decode, MintAccount::toBytes);
            decoded += tryDecode(i, data, owner, TokenAccount::decode, TokenAccount::toBytes);
        }
        // the generator must reach the decoders' successful paths too, or the test proves little
        assertThat(decoded).isGreaterThan(TRIES / 20);
    }

    /** Random data: mostly mutations of a valid mint, or fresh bytes of the sizes the decoders branch on. */
    private static byte[] bytes(Random random) {
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                byte[] data = random.nextInt(8) == 0
                        ? java.util.Arrays.copyOf(MINT, random.nextInt(MINT.length + 8))
                        : MINT.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips && data.length > 0; f++) {
                    // tags, flags and TLV headers are where decoding branches: aim there half the time
                    int at = random.nextBoolean()
                            ? new int[] {0, 45, 46, 165, 166, 167, 168, 169}[random.nextInt(8)] % data.length
                            : random.nextInt(data.length);
                    data[at] = (byte) (random.nextBoolean() ? random.nextInt(4) : random.nextInt(256));
                }
                return data;
            }
            case 2 -> {
                int[] sizes = {82, 165, 166, 170, 355};
                byte[] data = new byte[sizes[random.nextInt(sizes.length)] + random.nextInt(3) - 1];
                for (int j = 0; j < data.length; j++) {
                    data[j] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : random.nextInt(3));
                }
                return data;
            }
            default -> {
                byte[] data = new byte[random.nextInt(400)];
                random.nextBytes(data);
                return data;
            }
        }
    }

    private static <T> int tryDecode(
            int attempt,
            byte[] data,
            String owner,
            BiFunction<byte[], String, T> decode,
            java.util.function.Function<T, byte[]> encode) {
        T account;
        try {
            account = decode.apply(data, owner);
        } catch (MalformedAccountException expected) {
            return 0;
        } catch (RuntimeException e) {
            return fail(
                    "try " + attempt + " (seed " + SEED + ", " + data.length + " bytes, owner " + owner + ") threw "
                            + e,
                    e);
        }
        assertThat(decode.apply(encode.apply(account), owner))
                .as("try %d: decoding the bytes written for a decoded account", attempt)
                .isEqualTo(account);
        return 1;
    }
}
