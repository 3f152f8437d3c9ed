package org.minicoin.wallet.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.minicoin.consensus.crypto.Hashes;

/**
 * A BIP-0039 mnemonic sentence with the English word list: entropy of 128 to 256 bits plus a SHA-256 checksum,
 * written as 12 to 24 words of 11 bits each, and the 64-byte seed made from it and an optional passphrase.
 * Immutable. Only English is supported; the phrase is read the way the reference implementation
 * (trezor/python-mnemonic) reads it: NFKD-normalised, words separated by any run of white space, case ignored.
 */
public final class Mnemonic {
    /** BIP-0039: 2048 iterations of PBKDF2-HMAC-SHA512 stretch the phrase into the seed. */
    private static final int PBKDF2_ROUNDS = 2048;
    private static final int SEED_BYTES = 64;
    private static final int BITS_PER_WORD = 11;
    private static final List<Integer> VALID_WORD_COUNTS = List.of(12, 15, 18, 21, 24);

    private final List<String> words;
    private final byte[] entropy;

    private Mnemonic(List<String> words, byte[] entropy) {
        this.words = List.copyOf(words);
        this.entropy = entropy;
    }

    /**
     * A new mnemonic of 12 words (128 bits of entropy) or 24 words (256 bits).
     *
     * @param random the source of entropy; it must be a cryptographically strong generator
     * @throws IllegalArgumentException for any other word count
     */
    public static Mnemonic generate(int words, SecureRandom random) {
        if (words != 12 && words != 24) {
            throw new IllegalArgumentException("A new mnemonic has 12 or 24 words, not " + words);
        }
        byte[] entropy = new byte[words * BITS_PER_WORD * 32 / 33 / 8];
        random.nextBytes(entropy);
        return fromEntropy(entropy);
    }

    /**
     * The mnemonic that encodes this entropy (BIP-0039 "generating the mnemonic").
     *
     * @throws IllegalArgumentException unless the entropy is 16, 20, 24, 28 or 32 bytes
     */
    public static Mnemonic fromEntropy(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException(
                    "BIP-0039 entropy is 16, 20, 24, 28 or 32 bytes, not " + entropy.length);
        }
        int checksumBits = entropy.length * 8 / 32;
        byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
        bits[entropy.length] = Hashes.sha256(entropy)[0];
        int count = (entropy.length * 8 + checksumBits) / BITS_PER_WORD;
        List<String> words = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            words.add(WordList.WORDS.get(readBits(bits, w * BITS_PER_WORD)));
        }
        Arrays.fill(bits, (byte) 0);
        return new Mnemonic(words, entropy.clone());
    }

    /**
     * Reads a phrase: NFKD-normalised, lower-cased, split on white space (leading, trailing and repeated spaces,
     * tabs, newlines and other Unicode spaces are ignored), then each word looked up and the checksum verified.
     *
     * @throws MnemonicException naming what is wrong: the number of words, the first unknown word and its
     *                           position (1-based), or a checksum that does not match
     */
    public static Mnemonic parse(String phrase) {
        String normalized = Normalizer.normalize(phrase.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).strip();
        List<String> words = normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split("[\\s\\p{Z}]+"));
        if (!VALID_WORD_COUNTS.contains(words.size())) {
            throw new MnemonicException("A mnemonic has 12, 15, 18, 21 or 24 words, not " + words.size());
        }
        int[] indexes = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Integer index = WordList.INDEX.get(words.get(i));
            if (index == null) {
                // No suggestion on purpose: echoing near matches of a secret phrase helps shoulder-surfers more
                // than it helps the user, who has the written phrase at hand.
                throw new MnemonicException("Unknown word \"" + words.get(i) + "\" at position " + (i + 1)
                        + " (not in the BIP-0039 English word list)");
            }
            indexes[i] = index;
        }
        int totalBits = words.size() * BITS_PER_WORD;
        int checksumBits = totalBits / 33;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int i = 0; i < indexes.length; i++) {
            writeBits(bits, i * BITS_PER_WORD, indexes[i]);
        }
        byte[] entropy = Arrays.copyOf(bits, (totalBits - checksumBits) / 8);
        int given = (bits[entropy.length] & 0xff) >>> (8 - checksumBits);
        int expected = (Hashes.sha256(entropy)[0] & 0xff) >>> (8 - checksumBits);
        Arrays.fill(bits, (byte) 0);
        if (given != expected) {
            Arrays.fill(entropy, (byte) 0);
            throw new MnemonicException("Invalid mnemonic checksum: the words are all valid but do not form a "
                    + "BIP-0039 phrase (a word is wrong or the order is mixed up)");
        }
        return new Mnemonic(words, entropy);
    }

    /** The words joined by single spaces, in lower case: the form to show and to hash. */
    public String phrase() {
        return String.join(" ", words);
    }

    /** The words, in order; unmodifiable. */
    public List<String> words() {
        return words;
    }

    /** A copy of the entropy (16 to 32 bytes) the words encode. */
    public byte[] entropy() {
        return entropy.clone();
    }

    /**
     * The 64-byte BIP-0039 seed: PBKDF2-HMAC-SHA512 of the phrase, salted with "mnemonic" followed by the
     * passphrase, both NFKD-normalised and UTF-8 encoded, 2048 rounds.
     *
     * @param passphrase the optional extra word; {@code ""} (or null) for none
     */
    public byte[] seed(String passphrase) {
        String salt = "mnemonic" + Normalizer.normalize(passphrase == null ? "" : passphrase, Normalizer.Form.NFKD);
        byte[] password = Normalizer.normalize(phrase(), Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(password, salt.getBytes(StandardCharsets.UTF_8), PBKDF2_ROUNDS);
        try {
            return ((KeyParameter) pbkdf2.generateDerivedParameters(SEED_BYTES * 8)).getKey();
        } finally {
            // Only after deriving: the generator keeps a reference to the array, not a copy.
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Same entropy, compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic other && MessageDigest.isEqual(entropy, other.entropy);
    }

    @Override
    public int hashCode() {
        return words.size();
    }

    /** Never the words: a phrase is the whole wallet and must not end up in logs. */
    @Override
    public String toString() {
        return "Mnemonic[" + words.size() + " words]";
    }

    /** The 11-bit big-endian value starting at bit {@code offset} of {@code data}. */
    private static int readBits(byte[] data, int offset) {
        int value = 0;
        for (int i = 0; i < BITS_PER_WORD; i++) {
            int bit = offset + i;
            value = (value << 1) | ((data[bit / 8] >>> (7 - bit % 8)) & 1);
        }
        return value;
    }

    private static void writeBits(byte[] data, int offset, int value) {
        for (int i = 0; i < BITS_PER_WORD; i++) {
            if (((value >>> (BITS_PER_WORD - 1 - i)) & 1) != 0) {
                int bit = offset + i;
                data[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
    }

    /** The English list, read from the jar once on first use and checked, since a damaged list loses funds. */
    static final class WordList {
        static final String RESOURCE = "english.txt";
        static final List<String> WORDS = load();
        static final Map<String, Integer> INDEX = index(WORDS);

        private WordList() {
        }

        private static List<String> load() {
            try (InputStream in = Mnemonic.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("BIP-0039 word list " + RESOURCE + " is missing from the jar");
                }
                List<String> words = new ArrayList<>(2048);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    words.add(line.strip());
                }
                check(words);
                return Collections.unmodifiableList(words);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read BIP-0039 word list " + RESOURCE, e);
            }
        }

        /** 2048 distinct lower-case words in sorted order, as BIP-0039's English list is. */
        static void check(List<String> words) {
            if (words.size() != 1 << BITS_PER_WORD) {
                throw new IllegalStateException("BIP-0039 word list has " + words.size() + " words, not 2048");
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (!w.matches("[a-z]{3,8}")) {
                    throw new IllegalStateException("BIP-0039 word list: bad word \"" + w + "\" at line " + (i + 1));
                }
                if (i > 0 && words.get(i - 1).compareTo(w) >= 0) {
                    throw new IllegalStateException("BIP-0039 word list is not sorted at line " + (i + 1));
                }
            }
        }

        private static Map<String, Integer> index(List<String> words) {
            Map<String, Integer> index = new HashMap<>(4096);
            for (int i = 0; i < words.size(); i++) {
                index.put(words.get(i), i);
            }
            return Map.copyOf(index);
        }
    }
}
