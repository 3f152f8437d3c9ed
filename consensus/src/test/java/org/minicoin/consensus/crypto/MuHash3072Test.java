package org.minicoin.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;

/** MuHash3072 against Bitcoin Core's {@code muhash_tests} in {@code src/test/crypto_tests.cpp}. */
class MuHash3072Test {
    /** Core's vector for {0} * {1} / {2}, as Core prints the uint256 (byte-reversed). */
    private static final String ZERO_TIMES_ONE_OVER_TWO =
            "10d312b100cbd32ada024a6646e40d3482fcff103668d2625f10002a607d5863";

    /** Core's FromInt: the set holding the 32-byte element {i, 0, ..., 0}. */
    private static MuHash3072 fromInt(int i) {
        return new MuHash3072().insert(element(i));
    }

    private static byte[] element(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        return b;
    }

    private static String display(byte[] digest) {
        byte[] reversed = new byte[digest.length];
        for (int i = 0; i < digest.length; i++) {
            reversed[i] = digest[digest.length - 1 - i];
        }
        return Hex.encode(reversed);
    }

    @Test
    void coresVectorForZeroTimesOneOverTwo() {
        MuHash3072 acc = fromInt(0).combine(fromInt(1)).subtract(fromInt(2));
        assertThat(display(acc.digest())).isEqualTo(ZERO_TIMES_ONE_OVER_TWO);
    }

    @Test
    void insertAndRemoveGiveTheSameAsCombineAndSubtract() {
        MuHash3072 acc = fromInt(0).insert(element(1)).remove(element(2));
        assertThat(display(acc.digest())).isEqualTo(ZERO_TIMES_ONE_OVER_TWO);
    }

    @Test
    void serializationMatchesCoresBytesAndRoundTrips() {
        MuHash3072 h = fromInt(1).combine(fromInt(2));
        String expected = "1fa093295ea30a6a3acdc7b3f770fa538eff537528e990e2910e40bbcfd7f6696b1256901929094694b56316de34"
                + "2f593303dd12ac43e06dce1be1ff8301c845beb15468fff0ef002dbf80c29f26e6452bccc91b5cb9437ad410d2a67ea84788"
                + "7fa3c6a6553309946880fe20db2c73fe0641adbd4e86edfee0d9f8cd0ee1230898873dc13ed8ddcaf045c80faa082774279"
                + "007a2253f8922ee3ef361d378a6af3ddaf180b190ac97e556888c36b3d1fb1c85aab9ccd46e3deaeb7b7cf5db067a7e9ff86"
                + "b658cf3acd6662bbcce37232daa753c48b794356c020090c831a8304416e2aa7ad633c0ddb2f11be1be316a81be7f7e47207"
                + "1c042cb68faef549c221ebff209273638b741aba5a81675c45a5fa92fea4ca821d7a324cb1e1a2ccd3b76c4228ec8066dad2"
                + "a5df6e1bd0de45c7dd5de8070bdb46db6c554cf9aefc9b7b2bbf9f75b1864d9f95005314593905c0109b71f703d49944ae94"
                + "477b51dac10a816bb6d1c700bafabc8bd86fac8df24be519a2f2836b16392e18036cb13e48c5c01" + "00".repeat(383);
        assertThat(Hex.encode(h.serialize())).isEqualTo(expected);
        MuHash3072 back = MuHash3072.deserialize(Hex.decode(expected));
        assertThat(back.digest()).isEqualTo(h.digest());
    }

    @Test
    void aNumeratorAboveTheModulusStandsForItsResidue() {
        // Core's overflow vector: numerator 2^3072 - 1, denominator 1. Core prints this one unreversed (HexStr).
        MuHash3072 h = MuHash3072.deserialize(Hex.decode("ff".repeat(384) + "01" + "00".repeat(383)));
        assertThat(Hex.encode(h.digest())).isEqualTo(
                "3a31e6903aff0de9f62f9a9f7f8b861de76ce2cda09822b90014319ae5dc2271");
    }

    @Test
    void aSerializedHashOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> MuHash3072.deserialize(new byte[767]))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("a MuHash3072 is 768 bytes, got 767");
    }

    /** Core's randomized part, with a fixed seed: any order of the same updates gives the same hash. */
    @Test
    void updatesCommute() {
        Random rng = new Random(20240611);
        for (int iter = 0; iter < 10; iter++) {
            int[] table = new int[4];
            for (int i = 0; i < 4; i++) {
                table[i] = rng.nextInt(8);
            }
            byte[] first = null;
            for (int order = 0; order < 4; order++) {
                MuHash3072 acc = new MuHash3072();
                for (int i = 0; i < 4; i++) {
                    int t = table[i ^ order];
                    if ((t & 4) != 0) {
                        acc.subtract(fromInt(t & 3));
                    } else {
                        acc.combine(fromInt(t & 3));
                    }
                }
                byte[] out = acc.digest();
                if (first == null) {
                    first = out;
                } else {
                    assertThat(out).as("iteration %d order %d", iter, order).isEqualTo(first);
                }
            }

            MuHash3072 x = fromInt(rng.nextInt(16));
            MuHash3072 y = fromInt(rng.nextInt(16));
            MuHash3072 z = new MuHash3072().combine(x).combine(y);
            y.combine(x);
            z.subtract(y);
            assertThat(z.digest()).isEqualTo(new MuHash3072().digest());
        }
    }

    @Test
    void differentSetsHashDifferentlyAndDigestDoesNotChangeTheSet() {
        MuHash3072 a = fromInt(1);
        byte[] first = a.digest();
        assertThat(a.digest()).isEqualTo(first);
        assertThat(fromInt(2).digest()).isNotEqualTo(first);
        assertThat(fromInt(1).insert(element(1)).digest()).as("a multiset: twice is not once").isNotEqualTo(first);
        assertThat(a.insert(element(2)).remove(element(2)).digest()).isEqualTo(first);
    }
}
