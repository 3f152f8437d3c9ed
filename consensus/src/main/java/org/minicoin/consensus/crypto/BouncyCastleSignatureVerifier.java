package org.minicoin.consensus.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** {@link SignatureVerifier} on Bouncy Castle's ECDSA. Pure Java, so it works everywhere; not the fastest. */
public final class BouncyCastleSignatureVerifier implements SignatureVerifier {
    public static final BouncyCastleSignatureVerifier INSTANCE = new BouncyCastleSignatureVerifier();

    private BouncyCastleSignatureVerifier() {
    }

    @Override
    public boolean verify(byte[] pubkey, byte[] derSignature, byte[] hash32) {
        ECPoint q = PublicKey.decodePoint(pubkey);
        return q != null && verify(q, derSignature, hash32);
    }

    static boolean verify(ECPoint q, byte[] derSignature, byte[] hash32) {
        if (hash32.length != 32) {
            return false;
        }
        Optional<EcdsaSignature> parsed = EcdsaSignature.parseDerLax(derSignature);
        if (parsed.isEmpty()) {
            return false;
        }
        // libsecp256k1 only verifies low-S signatures, so Core normalises first: a high-S signature from before
        // the LOW_S policy must still verify, or old blocks would be rejected.
        EcdsaSignature sig = parsed.get().normalizeS();
        if (sig.r().signum() == 0 || sig.s().signum() == 0) {
            return false; // the lax parser's (0, 0) for overflowing integers, or a literal zero
        }
        // ECDSASigner keeps per-use state, so one per call; it is cheap next to the point multiplications.
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(q, Secp256k1.DOMAIN));
        return signer.verifySignature(hash32, sig.r(), sig.s());
    }
}
