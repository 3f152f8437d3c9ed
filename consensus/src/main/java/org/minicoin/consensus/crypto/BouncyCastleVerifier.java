package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** ECDSA verification on Bouncy Castle's secp256k1, with the semantics of Core's CPubKey::Verify. Thread-safe. */
public final class BouncyCastleVerifier implements SignatureVerifier {
    public static final BouncyCastleVerifier INSTANCE = new BouncyCastleVerifier();

    private BouncyCastleVerifier() {
    }

    @Override
    public boolean verify(byte[] pubKey, byte[] derSignature, byte[] hash32) {
        ECPoint point = Secp256k1.parsePublicKey(pubKey);
        if (point == null || hash32.length != 32) {
            return false;
        }
        DerSignature sig = DerSignature.parseLax(derSignature);
        if (sig == null || sig.r().signum() == 0 || sig.s().signum() == 0) {
            return false;
        }
        // Historical signatures may have high S; Core normalizes before verifying (LOW_S is a script rule).
        DerSignature low = sig.normalized();
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(point, Secp256k1.DOMAIN));
        return signer.verifySignature(hash32, low.r(), low.s());
    }

    /** Verifies (r, s) directly; for benchmarks and tests that hold a parsed signature. */
    public boolean verify(ECPoint point, BigInteger r, BigInteger s, byte[] hash32) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(point, Secp256k1.DOMAIN));
        return signer.verifySignature(hash32, r, s);
    }
}
