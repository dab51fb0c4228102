package io.solbot.core.solana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.Base58;
import io.solbot.core.testing.CapturedErr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeypairTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    /** RFC 8032 §7.1: TEST 1, 2, 3 and SHA(abc); secret key (seed), public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        "SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                + " ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                + " ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
                + " dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
    })
    void shouldDeriveTheKeyAndSignAsTheRfc8032TestVectors(
            String name, String seed, String publicKey, String message, String signature) {
        Keypair keypair = Keypair.fromSeed(HEX.parseHex(seed));
        byte[] signed = keypair.sign(HEX.parseHex(message));

        assertThat(HEX.formatHex(keypair.address().bytes())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(signed)).isEqualTo(signature);
        assertThat(Keypair.verify(keypair.address(), HEX.parseHex(message), signed))
                .isTrue();
    }

    @Test
    void shouldNotVerifyAChangedMessageOrSignatureOrAnotherKey() {
        Keypair keypair =
                Keypair.fromSeed(HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        Keypair other = Keypair.fromSeed(new byte[32]);
        byte[] signature = keypair.sign(new byte[] {0x72});
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;

        assertThat(Keypair.verify(keypair.address(), new byte[] {0x73}, signature))
                .isFalse();
        assertThat(Keypair.verify(keypair.address(), new byte[] {0x72}, flipped))
                .isFalse();
        assertThat(Keypair.verify(other.address(), new byte[] {0x72}, signature))
                .isFalse();
        assertThat(Keypair.verify(keypair.address(), new byte[] {0x72}, new byte[63]))
                .isFalse();
    }

    @Test
    void shouldReadASolanaCliKeypairFile() throws Exception {
        byte[] seed = seed(7);
        Keypair expected = Keypair.fromSeed(seed);
        Path file = keyFile(secretKey(seed, expected), "rw-------");

        Keypair read = Keypair.fromFile(file);

        assertThat(read.address()).isEqualTo(expected.address());
        assertThat(read.sign(new byte[] {1, 2, 3})).isEqualTo(expected.sign(new byte[] {1, 2, 3}));
    }

    @Test
    void shouldReadABase58SecretKeyOrSeedFromTheEnvironment() {
        byte[] seed = seed(9);
        Keypair expected = Keypair.fromSeed(seed);
        Map<String, String> env =
                Map.of("WALLET", Base58.encode(secretKey(seed, expected)), "SEED", " " + Base58.encode(seed) + "\n");

        assertThat(Keypair.fromEnvironment("WALLET", env::get).address()).isEqualTo(expected.address());
        assertThat(Keypair.fromEnvironment("SEED", env::get).address()).isEqualTo(expected.address());
    }

    @Test
    void shouldRefuseKeyFilesThatAreNotKeypairsNamingTheFileAndTheProblem() throws Exception {
        byte[] seed = seed(3);
        Keypair keypair = Keypair.fromSeed(seed);
        byte[] secret = secretKey(seed, keypair);
        byte[] wrongHalf = secret.clone();
        wrongHalf[40] ^= 1;

        Path mismatched = keyFile(wrongHalf, "rw-------");
        assertThatThrownBy(() -> Keypair.fromFile(mismatched))
                .isInstanceOf(KeypairException.class)
                .hasMessage("keypair file " + mismatched
                        + " is not a keypair: its second half is not the public key of its first");

        Path short63 = keyFile(java.util.Arrays.copyOf(secret, 63), "rw-------");
        assertThatThrownBy(() -> Keypair.fromFile(short63))
                .hasMessageContaining("holds 63 bytes, but a Solana secret key has 64");

        Path outOfRange = dir.resolve("range.json");
        Files.writeString(outOfRange, "[1, 2, 256]");
        assertThatThrownBy(() -> Keypair.fromFile(outOfRange))
                .hasMessage("keypair file " + outOfRange + ": element 3 of the array is not an integer from 0 to 255");

        Path notJson = dir.resolve("text.txt");
        Files.writeString(notJson, Base58.encode(secret));
        assertThatThrownBy(() -> Keypair.fromFile(notJson))
                .hasMessageContaining("should be a JSON array of 64 numbers from 0 to 255");

        assertThatThrownBy(() -> Keypair.fromFile(dir.resolve("missing.json")))
                .hasMessage("keypair file " + dir.resolve("missing.json") + " does not exist");
    }

    @Test
    void shouldRefuseEnvironmentSecretsThatAreNotKeys() {
        Map<String, String> env = Map.of("BAD", "0OIl", "SHORT", Base58.encode(new byte[40]), "EMPTY", "  ");

        assertThatThrownBy(() -> Keypair.fromEnvironment("BAD", env::get))
                .isInstanceOf(KeypairException.class)
                .hasMessage("environment variable BAD is not base58 text")
                .hasNoCause();
        assertThatThrownBy(() -> Keypair.fromEnvironment("SHORT", env::get))
                .hasMessageStartingWith("environment variable SHORT holds 40 bytes, but a Solana secret key has 64");
        assertThatThrownBy(() -> Keypair.fromEnvironment("EMPTY", env::get))
                .hasMessage("environment variable EMPTY is not set");
        assertThatThrownBy(() -> Keypair.fromEnvironment("UNSET", env::get))
                .hasMessage("environment variable UNSET is not set");
    }

    @Test
    void shouldNeverShowTheSecretInToStringMessagesOrLogs() throws Exception {
        byte[] seed = seed(11);
        Keypair keypair = Keypair.fromSeed(seed);
        byte[] secret = secretKey(seed, keypair);
        byte[] wrongHalf = secret.clone();
        wrongHalf[63] ^= 1;
        String secretBase58 = Base58.encode(secret);
        byte[] badChar = secretBase58.getBytes(StandardCharsets.US_ASCII);
        badChar[20] = '0';

        List<String> seen = new ArrayList<>();
        try (CapturedErr err = CapturedErr.start()) {
            Path readable = keyFile(secret, "rw-r--r--");
            Keypair loaded = Keypair.fromFile(readable);
            seen.add(loaded.toString());
            seen.add(new TransactionSigner(loaded, SigningPolicy.jupiterSwaps()).toString());
            Path mismatched = keyFile(wrongHalf, "rw-------");
            seen.add(message(() -> Keypair.fromFile(mismatched)));
            Map<String, String> env = Map.of(
                    "WRONG_HALF", Base58.encode(wrongHalf), "BAD_CHAR", new String(badChar, StandardCharsets.US_ASCII));
            seen.add(message(() -> Keypair.fromEnvironment("WRONG_HALF", env::get)));
            seen.add(message(() -> Keypair.fromEnvironment("BAD_CHAR", env::get)));
            seen.add(err.text());
            assertThat(err.text()).contains("WARN").contains("can be read by other users");
        }

        assertThat(seen.get(0)).isEqualTo("Keypair[" + keypair.address() + "]");
        String all = String.join("\n", seen);
        assertThat(all)
                .doesNotContain(secretBase58)
                .doesNotContain(secretBase58.substring(0, 12))
                .doesNotContain(Base58.encode(seed).substring(0, 12))
                .doesNotContainIgnoringCase(HEX.formatHex(seed).substring(0, 16))
                .doesNotContain(json(secret).substring(1, 30));
    }

    private static String message(Runnable load) {
        try {
            load.run();
        } catch (KeypairException e) {
            return e.getMessage();
        }
        throw new AssertionError("the load did not fail");
    }

    private Path keyFile(byte[] secret, String permissions) throws Exception {
        Path file = Files.createTempFile(dir, "id", ".json");
        Files.writeString(file, json(secret));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static String json(byte[] bytes) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (byte b : bytes) {
            out.add(Integer.toString(b & 0xFF));
        }
        return out.toString();
    }

    static byte[] seed(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first * 31 + i * 7);
        }
        return seed;
    }

    static byte[] secretKey(byte[] seed, Keypair keypair) {
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(keypair.address().bytes(), 0, secret, 32, 32);
        return secret;
    }
}
