package org.minicoin.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;

/** The midstate hasher against the plain header hash. */
class HeaderHasherTest {
    private final Random random = new Random(2026);

    private BlockHeader randomHeader() {
        byte[] prev = new byte[32];
        byte[] root = new byte[32];
        random.nextBytes(prev);
        random.nextBytes(root);
        return new BlockHeader(random.nextInt(), Hash.wrap(prev), Hash.wrap(root), random.nextInt() & 0xffffffffL,
                random.nextInt() & 0xffffffffL, random.nextInt() & 0xffffffffL);
    }

    @Test
    void midstateHashEqualsTheHeaderHashForRandomHeadersAndNonces() {
        for (int i = 0; i < 200; i++) {
            BlockHeader h = randomHeader();
            HeaderHasher hasher = new HeaderHasher(h, BigInteger.ONE);
            for (long nonce : new long[] {0, 1, 0xffffffffL, random.nextInt() & 0xffffffffL}) {
                assertThat(hasher.hash(nonce)).isEqualTo(h.withNonce(nonce).hash());
            }
        }
    }

    @Test
    void aHashEqualToTheTargetMeetsItAndOneAboveDoesNot() {
        for (int i = 0; i < 50; i++) {
            BlockHeader h = randomHeader();
            BigInteger value = h.hash().toBigInteger();
            HeaderHasher exact = new HeaderHasher(h, value);
            assertThat(exact.meetsTarget(h.nonce())).isTrue();
            HeaderHasher below = new HeaderHasher(h, value.subtract(BigInteger.ONE));
            assertThat(below.meetsTarget(h.nonce())).isFalse();
            HeaderHasher above = new HeaderHasher(h, value.add(BigInteger.ONE));
            assertThat(above.meetsTarget(h.nonce())).isTrue();
        }
    }

    @Test
    void meetsTargetAgreesWithTheNumericComparisonAtAnEasyTarget() {
        // About one hash in 256 meets 2^248: both outcomes occur over the nonces tried.
        BigInteger target = BigInteger.ONE.shiftLeft(248);
        BlockHeader h = randomHeader();
        HeaderHasher hasher = new HeaderHasher(h, target);
        int met = 0;
        for (long nonce = 0; nonce < 4096; nonce++) {
            boolean expected = h.withNonce(nonce).hash().toBigInteger().compareTo(target) <= 0;
            assertThat(hasher.meetsTarget(nonce)).isEqualTo(expected);
            met += expected ? 1 : 0;
        }
        assertThat(met).isBetween(1, 100);
    }
}
