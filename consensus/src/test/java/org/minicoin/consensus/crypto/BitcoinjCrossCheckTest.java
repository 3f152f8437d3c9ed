package org.minicoin.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.SignatureDecodeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-checks keys and signatures against bitcoinj's ECKey, an independent Bitcoin client that also signs with
 * RFC 6979 and low S. (bitcoinj uses Bouncy Castle too, so this checks our use of it — DER, low-S, key
 * derivation — more than the curve arithmetic; the published vectors in PrivateKeyTest cover the rest.)
 */
class BitcoinjCrossCheckTest {
    private static final int CASES_PER_SEED = 50;

    /** Fixed seeds: reproducible, yet many unrelated keys and hashes. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void signaturesMatchBitcoinjAndEachVerifiesTheOther(long seed) throws SignatureDecodeException {
        Random random = new Random(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] secret = randomPrivateKey(random);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            PrivateKey ours = PrivateKey.fromBytes(secret);
            ECKey theirs = ECKey.fromPrivate(secret);

            byte[] ourSig = ours.sign(hash);
            byte[] theirSig = theirs.sign(Sha256Hash.wrap(hash)).encodeToDER();

            assertThat(ourSig).isEqualTo(theirSig);
            assertThat(ours.publicKey().encoded()).isEqualTo(theirs.getPubKey());
            assertThat(ours.publicKey(false).encoded()).isEqualTo(theirs.decompress().getPubKey());
            assertThat(ECKey.verify(hash, ourSig, theirs.getPubKey())).isTrue();
            assertThat(BouncyCastleSignatureVerifier.INSTANCE.verify(theirs.getPubKey(), theirSig, hash)).isTrue();
        }
    }

    private static byte[] randomPrivateKey(Random random) {
        byte[] secret = new byte[32];
        do {
            random.nextBytes(secret);
        } while (!PrivateKey.isValid(secret));
        return secret;
    }
}
