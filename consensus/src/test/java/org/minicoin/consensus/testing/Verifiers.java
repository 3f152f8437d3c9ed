package org.minicoin.consensus.testing;

import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.crypto.SignatureVerifier;

/** The signature verifier tests use: the production one. */
public final class Verifiers {
    private Verifiers() {
    }

    public static SignatureVerifier standard() {
        return BouncyCastleSignatureVerifier.INSTANCE;
    }
}
